-- Tables in publications, with their column list (NULL prattrs: every column) and row filter.
select r.prpubid, n.nspname, c.relname, quote_ident(n.nspname) || '.' || quote_ident(c.relname) as table_sql,
  case when r.prattrs is null then null else
    array(select quote_ident(a.attname) from pg_attribute a
          where a.attrelid = r.prrelid and a.attnum = any(r.prattrs::int2[]) order by a.attnum) end as columns,
  pg_get_expr(r.prqual, r.prrelid) as row_filter
from pg_publication_rel r
join pg_class c on c.oid = r.prrelid
join pg_namespace n on n.oid = c.relnamespace
where array_length(?::text[], 1) > 0
order by r.prpubid, n.nspname, c.relname
