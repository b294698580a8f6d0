-- Tables, views and materialized views of the pulled schemas, with owner, replica identity, partitioning, options.
select c.oid, n.nspname, c.relname, quote_ident(n.nspname) || '.' || quote_ident(c.relname) as sql, c.relkind,
  pg_get_userbyid(c.relowner) as owner,
  c.relpersistence, c.relrowsecurity, c.relforcerowsecurity, c.relreplident::text as replident,
  (select quote_ident(ic.relname) from pg_index i join pg_class ic on ic.oid = i.indexrelid
   where i.indrelid = c.oid and i.indisreplident) as replica_index,
  (select quote_ident(ic.relname) from pg_index i join pg_class ic on ic.oid = i.indexrelid
   where i.indrelid = c.oid and i.indisclustered) as cluster_index,
  c.relispartition,
  exists (select 1 from pg_inherits i where i.inhrelid = c.oid) and not c.relispartition as inherits,
  coalesce((select i.inhparent from pg_inherits i where i.inhrelid = c.oid and c.relispartition), 0) as parent,
  case when c.relispartition then pg_get_expr(c.relpartbound, c.oid) end as partition_bound,
  case when c.relkind = 'p' then pg_get_partkeydef(c.oid) end as partition_key,
  case when c.relkind in ('v', 'm') then pg_get_viewdef(c.oid) end as view_query,
  coalesce(c.reloptions, '{}') as options,
  array(select distinct d.refobjid from pg_rewrite rw
        join pg_depend d on d.classid = 'pg_rewrite'::regclass and d.objid = rw.oid
        where rw.ev_class = c.oid and d.refclassid = 'pg_class'::regclass and d.refobjid <> c.oid)::bigint[] as depends,
  obj_description(c.oid, 'pg_class') as comment
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
where c.relkind in ('r', 'p', 'v', 'm', 'f') and n.nspname = any(?::text[])
  and not exists (select 1 from pg_depend e where e.classid = 'pg_class'::regclass and e.objid = c.oid and e.deptype = 'e')
order by n.nspname, c.relname
