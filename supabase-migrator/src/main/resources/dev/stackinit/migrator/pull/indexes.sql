-- Indexes that no constraint created, on tables and materialized views of the pulled schemas.
select i.indexrelid as oid, i.indrelid, quote_ident(ic.relname) as name, pg_get_indexdef(i.indexrelid) as definition
from pg_index i
join pg_class ic on ic.oid = i.indexrelid
join pg_class c on c.oid = i.indrelid
join pg_namespace n on n.oid = c.relnamespace
where n.nspname = any(?::text[])
  and not exists (select 1 from pg_constraint con where con.conindid = i.indexrelid and con.contype in ('p', 'u', 'x'))
  and not exists (select 1 from pg_inherits inh where inh.inhrelid = i.indexrelid)
order by i.indrelid, ic.relname
