-- Indexes a partition got from its parent's index, with their names: a name the server would not have chosen itself
-- is restored after the partition is created.
select i.indrelid, ic.relname as name, quote_ident(pn.nspname) || '.' || quote_ident(pc.relname) as parent_index,
  c.relname as table_name
from pg_inherits inh
join pg_index i on i.indexrelid = inh.inhrelid
join pg_class ic on ic.oid = i.indexrelid
join pg_class pc on pc.oid = inh.inhparent
join pg_namespace pn on pn.oid = pc.relnamespace
join pg_class c on c.oid = i.indrelid
join pg_namespace n on n.oid = c.relnamespace
where n.nspname = any(?::text[])
order by i.indrelid, ic.relname
