-- Indexes that no constraint created, on tables and materialized views of the pulled schemas; indexes a partition got
-- from its parent's index (pg_inherits) come with the parent's.
select i.indexrelid as oid, i.indrelid, ic.relname as raw_name,
  quote_ident(n.nspname) || '.' || quote_ident(ic.relname) as name,
  pg_get_indexdef(i.indexrelid) as definition, obj_description(i.indexrelid, 'pg_class') as comment
from pg_index i
join pg_class ic on ic.oid = i.indexrelid
join pg_class c on c.oid = i.indrelid
join pg_namespace n on n.oid = c.relnamespace
where n.nspname = any(?::text[])
  and not exists (select 1 from pg_constraint con where con.conindid = i.indexrelid and con.contype in ('p', 'u', 'x'))
  and not exists (select 1 from pg_inherits inh where inh.inhrelid = i.indexrelid)
order by i.indrelid, ic.relname
