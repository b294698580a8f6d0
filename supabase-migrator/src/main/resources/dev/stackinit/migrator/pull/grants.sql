-- Privileges of PUBLIC and the API roles on objects of the pulled schemas (NULL acl = the built-in default).
with pulled as (select oid from pg_namespace where nspname = any(?::text[])),
grantees as (select 0::oid as oid, 'PUBLIC' as sql
             union all
             select oid, quote_ident(rolname) from pg_roles where rolname in ('anon', 'authenticated', 'service_role'))
select 'pg_class' as cls, c.oid, null::text as column_sql, g.sql as grantee, a.privilege_type, a.is_grantable
from pg_class c
cross join lateral aclexplode(coalesce(c.relacl, acldefault((case when c.relkind = 'S' then 's' else 'r' end)::"char", c.relowner))) a
join grantees g on g.oid = a.grantee
where c.relnamespace in (select oid from pulled) and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
union all
select 'pg_attribute', c.oid, quote_ident(att.attname), g.sql, a.privilege_type, a.is_grantable
from pg_class c
join pg_attribute att on att.attrelid = c.oid and att.attnum > 0 and not att.attisdropped and att.attacl is not null
cross join lateral aclexplode(att.attacl) a
join grantees g on g.oid = a.grantee
where c.relnamespace in (select oid from pulled) and c.relkind in ('r', 'p', 'v', 'm', 'f')
union all
select 'pg_proc', p.oid, null, g.sql, a.privilege_type, a.is_grantable
from pg_proc p
cross join lateral aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
join grantees g on g.oid = a.grantee
where p.pronamespace in (select oid from pulled)
union all
select 'pg_namespace', n.oid, null, g.sql, a.privilege_type, a.is_grantable
from pg_namespace n
cross join lateral aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) a
join grantees g on g.oid = a.grantee
where n.oid in (select oid from pulled)
order by 1, 2, 3, 4, 5
