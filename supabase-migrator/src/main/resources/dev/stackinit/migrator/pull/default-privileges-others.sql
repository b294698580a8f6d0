-- Default-privilege entries of roles other than postgres that reach the pulled schemas (or all schemas).
select pg_get_userbyid(d.defaclrole) as role, n.nspname, d.defaclobjtype::text as objtype
from pg_default_acl d
left join pg_namespace n on n.oid = d.defaclnamespace
where pg_get_userbyid(d.defaclrole) <> 'postgres' and (d.defaclnamespace = 0 or n.nspname = any(?::text[]))
order by 1, 2 nulls first, 3
