-- Sequences that are not identity sequences (those come with their column), with the column that owns them.
select c.oid, n.nspname, c.relname, quote_ident(n.nspname) || '.' || quote_ident(c.relname) as sql,
  pg_get_userbyid(c.relowner) as owner,
  format_type(s.seqtypid, null) as data_type, s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
  (select quote_ident(tn.nspname) || '.' || quote_ident(tc.relname) || '.' || quote_ident(a.attname)
   from pg_depend d
   join pg_class tc on tc.oid = d.refobjid
   join pg_namespace tn on tn.oid = tc.relnamespace
   join pg_attribute a on a.attrelid = tc.oid and a.attnum = d.refobjsubid
   where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.refclassid = 'pg_class'::regclass
     and d.deptype = 'a' and tn.nspname = any(?::text[])) as owned_by,
  obj_description(c.oid, 'pg_class') as comment
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
join pg_sequence s on s.seqrelid = c.oid
where c.relkind = 'S' and n.nspname = any(?::text[])
  and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid
                  and d.deptype in ('i', 'e'))
order by n.nspname, c.relname
