-- Objects whose expressions call a function that pull writes (pulled schemas, not part of an extension):
-- CHECKs (pg_constraint), defaults (pg_attrdef), indexes (pg_class), policies (pg_policy), views (via pg_rewrite),
-- other functions with SQL-standard bodies (pg_proc).
with pulled_functions as (
  select p.oid, n.nspname, pg_get_userbyid(p.proowner) as owner from pg_proc p
  join pg_namespace n on n.oid = p.pronamespace
  where n.nspname = any(?::text[])
    and not exists (select 1 from pg_depend e
                    where e.classid = 'pg_proc'::regclass and e.objid = p.oid and e.deptype = 'e'))
select distinct
  case when d.classid = 'pg_rewrite'::regclass then 'pg_class' else d.classid::regclass::text end as cls,
  case when d.classid = 'pg_rewrite'::regclass then rw.ev_class else d.objid end as oid,
  d.refobjid as function_oid, f.nspname as function_schema, f.owner as function_owner
from pg_depend d
join pulled_functions f on f.oid = d.refobjid
left join pg_rewrite rw on d.classid = 'pg_rewrite'::regclass and rw.oid = d.objid
where d.refclassid = 'pg_proc'::regclass
  and d.deptype = 'n'
order by 1, 2, 3, 4, 5
