-- Extended statistics objects (CREATE STATISTICS) on the pulled tables.
select s.oid, s.stxrelid, n.nspname, s.stxname, quote_ident(n.nspname) || '.' || quote_ident(s.stxname) as sql,
  pg_get_statisticsobjdef(s.oid) as definition, obj_description(s.oid, 'pg_statistic_ext') as comment
from pg_statistic_ext s
join pg_namespace n on n.oid = s.stxnamespace
join pg_class c on c.oid = s.stxrelid
join pg_namespace cn on cn.oid = c.relnamespace
where cn.nspname = any(?::text[])
order by s.stxrelid, s.stxname
