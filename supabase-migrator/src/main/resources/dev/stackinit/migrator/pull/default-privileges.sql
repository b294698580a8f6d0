-- Default privileges of postgres (the role migrate creates objects as), for every object type, globally and in each
-- pulled schema: the entry's ACL, or the built-in default where there is no entry (for a schema: nothing added), so
-- pull can write the exact state. One row per privilege; a combination without any has one row with nulls.
with owner as (select oid, rolname from pg_roles where rolname = 'postgres'),
scopes as (select 0::oid as nsp, null::name as nspname
           union all select oid, nspname from pg_namespace where nspname = any(?::text[])),
kinds as (select * from (values ('r', 'r'), ('S', 's'), ('f', 'f'), ('T', 'T'), ('n', 'n')) k(objtype, acltype)),
grantee_names as (select 0::oid as oid, 'PUBLIC' as name, 'PUBLIC' as sql
                  union all select oid, rolname, quote_ident(rolname) from pg_roles),
combos as (
  select o.oid as role_oid, o.rolname, s.nsp, s.nspname, k.objtype,
    coalesce(d.defaclacl, case when s.nsp = 0 then acldefault(k.acltype::"char", o.oid) end) as acl
  from owner o cross join scopes s cross join kinds k
  left join pg_default_acl d on d.defaclrole = o.oid and d.defaclnamespace = s.nsp and d.defaclobjtype = k.objtype::"char"
  where s.nsp = 0 or k.objtype <> 'n')
select c.rolname as role, quote_ident(c.rolname) as role_sql, c.nspname, quote_ident(c.nspname) as schema_sql,
  c.objtype, g.name as grantee_name, g.sql as grantee, a.privilege_type, a.is_grantable
from combos c
left join lateral aclexplode(c.acl) a on true
left join grantee_names g on g.oid = a.grantee
order by c.nspname nulls first, c.objtype, g.name, a.privilege_type
