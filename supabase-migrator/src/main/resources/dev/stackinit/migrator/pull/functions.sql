-- Functions and procedures of the pulled schemas (aggregates and window functions are reported, not pulled).
select p.oid, n.nspname, p.proname, quote_ident(n.nspname) || '.' || quote_ident(p.proname) as sql,
  pg_get_function_identity_arguments(p.oid) as args, p.prokind::text as kind, pg_get_userbyid(p.proowner) as owner,
  case when p.prokind in ('f', 'p') then pg_get_functiondef(p.oid) end as definition,
  pg_get_function_result(p.oid) as result,
  p.prosrc, p.prosqlbody is not null as atomic, obj_description(p.oid, 'pg_proc') as comment
from pg_proc p
join pg_namespace n on n.oid = p.pronamespace
where n.nspname = any(?::text[])
  and not exists (select 1 from pg_depend e where e.classid = 'pg_proc'::regclass and e.objid = p.oid and e.deptype = 'e')
  -- created with the object they belong to (a range type's constructors): that object is pulled, or named
  and not exists (select 1 from pg_depend i where i.classid = 'pg_proc'::regclass and i.objid = p.oid and i.deptype = 'i')
order by n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)
