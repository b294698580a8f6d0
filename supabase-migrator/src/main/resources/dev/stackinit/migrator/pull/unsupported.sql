-- Objects of the pulled schemas that pull does not write, so that each is named instead of silently lost. Those of the
-- schema-qualified kinds are listed with their catalog, and filtered once: in a pulled schema, not an extension's.
with pulled as (select oid from pg_namespace where nspname = any(?::text[])),
candidates as (
  select 'collation' as kind, 'pg_collation'::regclass as classid, o.oid, o.collnamespace as nsp,
    quote_ident(o.collname) as name
  from pg_collation o
  union all
  select 'operator', 'pg_operator'::regclass, o.oid, o.oprnamespace,
    o.oprname || '(' || format_type(o.oprleft, null) || ', ' || format_type(o.oprright, null) || ')'
  from pg_operator o
  union all
  select 'operator class', 'pg_opclass'::regclass, o.oid, o.opcnamespace, quote_ident(o.opcname) from pg_opclass o
  union all
  select 'operator family', 'pg_opfamily'::regclass, o.oid, o.opfnamespace, quote_ident(o.opfname) from pg_opfamily o
  union all
  select 'text search configuration', 'pg_ts_config'::regclass, o.oid, o.cfgnamespace, quote_ident(o.cfgname)
  from pg_ts_config o
  union all
  select 'text search dictionary', 'pg_ts_dict'::regclass, o.oid, o.dictnamespace, quote_ident(o.dictname)
  from pg_ts_dict o
  union all
  select 'conversion', 'pg_conversion'::regclass, o.oid, o.connamespace, quote_ident(o.conname) from pg_conversion o
  union all
  -- a shell type (CREATE TYPE name) or a base type; not the array type PostgreSQL makes for every type
  select case o.typtype when 'p' then 'shell type' else 'base type' end, 'pg_type'::regclass, o.oid, o.typnamespace,
    quote_ident(o.typname)
  from pg_type o
  where o.typtype in ('b', 'p') and not exists (select 1 from pg_type a where a.typarray = o.oid))
select c.kind, quote_ident(n.nspname) || '.' || c.name as name
from candidates c join pg_namespace n on n.oid = c.nsp
where c.nsp in (select oid from pulled)
  and not exists (select 1 from pg_depend e where e.classid = c.classid and e.objid = c.oid and e.deptype = 'e')
union all
-- a cast has no schema: it is the app's when one of its types or its function is
select 'cast', '(' || format_type(o.castsource, null) || ' AS ' || format_type(o.casttarget, null) || ')'
from pg_cast o
where (exists (select 1 from pg_type t where t.oid in (o.castsource, o.casttarget)
                and t.typnamespace in (select oid from pulled))
       or exists (select 1 from pg_proc p where p.oid = o.castfunc and p.pronamespace in (select oid from pulled)))
  -- an extension's, or made with a range type (to its multirange): that type is named
  and not exists (select 1 from pg_depend e
                  where e.classid = 'pg_cast'::regclass and e.objid = o.oid and e.deptype in ('e', 'i'))
union all
select 'event trigger', quote_ident(o.evtname)
from pg_event_trigger o join pg_proc p on p.oid = o.evtfoid join pg_namespace n on n.oid = p.pronamespace
where p.pronamespace in (select oid from pulled)
  -- the platform's own (issue_pg_net_access, …) call supabase_admin's functions in extensions
  and not (n.nspname = 'extensions' and pg_get_userbyid(p.proowner) = 'supabase_admin')
union all
select 'security label', quote_ident(n.nspname) || '.' || quote_ident(c.relname)
from pg_seclabel l join pg_class c on c.oid = l.objoid and l.classoid = 'pg_class'::regclass
join pg_namespace n on n.oid = c.relnamespace
where c.relnamespace in (select oid from pulled)
order by 1, 2
