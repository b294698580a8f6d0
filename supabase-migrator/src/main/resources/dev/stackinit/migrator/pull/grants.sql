-- Privileges on objects of the pulled schemas, per grantee other than the owner (NULL acl = the built-in default).
-- The reader writes those of PUBLIC and the API roles, leaves the platform's roles to the platform and reports others.
with pulled as (select oid from pg_namespace where nspname = any(?::text[])),
grantee_names as (select 0::oid as oid, 'PUBLIC' as name, 'PUBLIC' as sql
                  union all select oid, rolname, quote_ident(rolname) from pg_roles)
select 'pg_class' as cls, c.oid, null::text as column_sql, g.name as grantee_name, g.sql as grantee,
  a.privilege_type, a.is_grantable
from pg_class c
cross join lateral aclexplode(coalesce(c.relacl, acldefault((case when c.relkind = 'S' then 's' else 'r' end)::"char", c.relowner))) a
join grantee_names g on g.oid = a.grantee
where c.relnamespace in (select oid from pulled) and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
  and a.grantee <> c.relowner
union all
select 'pg_attribute', c.oid, quote_ident(att.attname), g.name, g.sql, a.privilege_type, a.is_grantable
from pg_class c
join pg_attribute att on att.attrelid = c.oid and att.attnum > 0 and not att.attisdropped and att.attacl is not null
cross join lateral aclexplode(att.attacl) a
join grantee_names g on g.oid = a.grantee
where c.relnamespace in (select oid from pulled) and c.relkind in ('r', 'p', 'v', 'm', 'f') and a.grantee <> c.relowner
union all
select 'pg_proc', p.oid, null, g.name, g.sql, a.privilege_type, a.is_grantable
from pg_proc p
cross join lateral aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
join grantee_names g on g.oid = a.grantee
where p.pronamespace in (select oid from pulled) and a.grantee <> p.proowner
union all
select 'pg_type', t.oid, null, g.name, g.sql, a.privilege_type, a.is_grantable
from pg_type t
cross join lateral aclexplode(coalesce(t.typacl, acldefault('T', t.typowner))) a
join grantee_names g on g.oid = a.grantee
where t.typnamespace in (select oid from pulled) and a.grantee <> t.typowner
union all
select 'pg_namespace', n.oid, null, g.name, g.sql, a.privilege_type, a.is_grantable
from pg_namespace n
cross join lateral aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) a
join grantee_names g on g.oid = a.grantee
where n.oid in (select oid from pulled) and a.grantee <> n.nspowner
order by 1, 2, 3, 5, 6
