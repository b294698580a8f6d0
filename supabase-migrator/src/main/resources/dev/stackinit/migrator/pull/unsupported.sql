-- Objects of the pulled schemas that pull does not write, so that each is named instead of silently lost.
with pulled as (select oid from pg_namespace where nspname = any(?::text[])),
own as (select objid, classid from pg_depend where deptype = 'e')
select 'collation' as kind, quote_ident(n.nspname) || '.' || quote_ident(o.collname) as name
from pg_collation o join pg_namespace n on n.oid = o.collnamespace
where o.collnamespace in (select oid from pulled)
  and not exists (select 1 from own e where e.classid = 'pg_collation'::regclass and e.objid = o.oid)
union all
select 'operator', quote_ident(n.nspname) || '.' || o.oprname || '(' || format_type(o.oprleft, null) || ', '
  || format_type(o.oprright, null) || ')'
from pg_operator o join pg_namespace n on n.oid = o.oprnamespace
where o.oprnamespace in (select oid from pulled)
  and not exists (select 1 from own e where e.classid = 'pg_operator'::regclass and e.objid = o.oid)
union all
select 'operator class', quote_ident(n.nspname) || '.' || quote_ident(o.opcname)
from pg_opclass o join pg_namespace n on n.oid = o.opcnamespace
where o.opcnamespace in (select oid from pulled)
  and not exists (select 1 from own e where e.classid = 'pg_opclass'::regclass and e.objid = o.oid)
union all
select 'operator family', quote_ident(n.nspname) || '.' || quote_ident(o.opfname)
from pg_opfamily o join pg_namespace n on n.oid = o.opfnamespace
where o.opfnamespace in (select oid from pulled)
  and not exists (select 1 from own e where e.classid = 'pg_opfamily'::regclass and e.objid = o.oid)
union all
select 'text search configuration', quote_ident(n.nspname) || '.' || quote_ident(o.cfgname)
from pg_ts_config o join pg_namespace n on n.oid = o.cfgnamespace
where o.cfgnamespace in (select oid from pulled)
  and not exists (select 1 from own e where e.classid = 'pg_ts_config'::regclass and e.objid = o.oid)
union all
select 'text search dictionary', quote_ident(n.nspname) || '.' || quote_ident(o.dictname)
from pg_ts_dict o join pg_namespace n on n.oid = o.dictnamespace
where o.dictnamespace in (select oid from pulled)
  and not exists (select 1 from own e where e.classid = 'pg_ts_dict'::regclass and e.objid = o.oid)
union all
select 'conversion', quote_ident(n.nspname) || '.' || quote_ident(o.conname)
from pg_conversion o join pg_namespace n on n.oid = o.connamespace
where o.connamespace in (select oid from pulled)
  and not exists (select 1 from own e where e.classid = 'pg_conversion'::regclass and e.objid = o.oid)
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
