-- A normalised picture of a schema, one text line per fact, free of OIDs and column numbers, so two databases built
-- differently (by hand vs. from pulled files) compare equal exactly when their schemas are the same.
with s as (select oid, nspname from pg_namespace where nspname = any(?::text[])),
rel as (select c.* from pg_class c join s on s.oid = c.relnamespace where c.relkind in ('r', 'p', 'v', 'm', 'S')),
api as (select 0::oid as oid, 'PUBLIC' as name
        union all select oid, rolname from pg_roles where rolname in ('anon', 'authenticated', 'service_role'))
select 'relation ' || c.oid::regclass || ' ' || c.relkind::text || ' ' || c.relpersistence::text || ' rls=' || c.relrowsecurity
       || ' force=' || c.relforcerowsecurity || ' options=' || coalesce(c.reloptions::text, '')
       || ' comment=' || coalesce(obj_description(c.oid, 'pg_class'), '')
from rel c
union all
select 'column ' || a.attrelid::regclass || ' #' || row_number() over (partition by a.attrelid order by a.attnum) || ' '
       || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' notnull=' || a.attnotnull
       || ' default=' || coalesce(pg_get_expr(d.adbin, d.adrelid), '') || ' identity=' || a.attidentity::text
       || ' generated=' || a.attgenerated::text || ' collation=' || a.attcollation::regcollation
       || ' comment=' || coalesce(col_description(a.attrelid, a.attnum), '')
       || ' acl=' || coalesce(a.attacl::text, '')
from pg_attribute a join rel c on c.oid = a.attrelid left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
where a.attnum > 0 and not a.attisdropped
union all
select 'constraint ' || con.conrelid::regclass || ' ' || con.conname || ' ' || pg_get_constraintdef(con.oid)
       || ' validated=' || con.convalidated
from pg_constraint con join rel c on c.oid = con.conrelid
union all
select 'index ' || pg_get_indexdef(i.indexrelid) from pg_index i join rel c on c.oid = i.indrelid
union all
select 'policy ' || p.schemaname || '.' || p.tablename || ' ' || p.policyname || ' ' || p.permissive || ' ' || p.cmd
       || ' ' || p.roles::text || ' using=' || coalesce(p.qual, '') || ' check=' || coalesce(p.with_check, '')
from pg_policies p where p.schemaname = any(?::text[])
union all
select 'view ' || c.oid::regclass || ' ' || pg_get_viewdef(c.oid) from rel c where c.relkind in ('v', 'm')
union all
select 'sequence ' || q.seqrelid::regclass || ' ' || format_type(q.seqtypid, null) || ' ' || q.seqstart || ' '
       || q.seqincrement || ' ' || q.seqmin || ' ' || q.seqmax || ' ' || q.seqcache || ' ' || q.seqcycle
from pg_sequence q join rel c on c.oid = q.seqrelid
union all
select 'function ' || p.oid::regprocedure || ' ' || pg_get_functiondef(p.oid)
       || ' comment=' || coalesce(obj_description(p.oid, 'pg_proc'), '')
from pg_proc p join s on s.oid = p.pronamespace where p.prokind in ('f', 'p')
union all
select 'type ' || t.oid::regtype || ' ' || t.typtype::text || ' ' || coalesce(format_type(t.typbasetype, t.typtypmod), '')
       || ' labels=' || coalesce((select string_agg(e.enumlabel, ',' order by e.enumsortorder)
                                  from pg_enum e where e.enumtypid = t.oid), '')
       || ' attributes=' || coalesce((select string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod), ','
                                      order by a.attnum) from pg_attribute a where a.attrelid = t.typrelid), '')
       || ' checks=' || coalesce((select string_agg(pg_get_constraintdef(k.oid), ',') from pg_constraint k
                                  where k.contypid = t.oid), '')
       || ' comment=' || coalesce(obj_description(t.oid, 'pg_type'), '')
from pg_type t join s on s.oid = t.typnamespace
where t.typtype in ('e', 'd') or (t.typtype = 'c' and (select relkind from pg_class where oid = t.typrelid) = 'c')
union all
select 'trigger ' || t.tgrelid::regclass || ' ' || pg_get_triggerdef(t.oid) || ' enabled=' || t.tgenabled::text
       || ' comment=' || coalesce(obj_description(t.oid, 'pg_trigger'), '')
from pg_trigger t join pg_proc p on p.oid = t.tgfoid join pg_class c on c.oid = t.tgrelid
where not t.tgisinternal
  and (c.relnamespace in (select oid from s) or p.pronamespace in (select oid from s)
       or p.pronamespace = 'supabase_functions'::regnamespace)
union all
select 'grant ' || c.oid::regclass || ' ' || g.name || ' ' || a.privilege_type || ' ' || a.is_grantable
from rel c cross join lateral aclexplode(coalesce(c.relacl, acldefault((case when c.relkind = 'S' then 's' else 'r' end)::"char", c.relowner))) a
join api g on g.oid = a.grantee
union all
select 'grant ' || p.oid::regprocedure || ' ' || g.name || ' ' || a.privilege_type || ' ' || a.is_grantable
from pg_proc p join s on s.oid = p.pronamespace cross join lateral aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
join api g on g.oid = a.grantee
union all
select 'grant schema ' || n.nspname || ' ' || g.name || ' ' || a.privilege_type
from s n join pg_namespace ns on ns.oid = n.oid cross join lateral aclexplode(coalesce(ns.nspacl, acldefault('n', ns.nspowner))) a
join api g on g.oid = a.grantee and g.oid <> 0
union all
select 'schema ' || n.nspname || ' comment=' || coalesce(obj_description(n.oid, 'pg_namespace'), '') from s n
order by 1
