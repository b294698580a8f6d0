-- Row-level security policies on every table outside PostgreSQL's own schemas; the reader keeps those of pulled tables
-- and of Supabase-owned tables (storage.objects, auth.*), which are the app's.
select p.oid, p.polrelid, n.nspname, p.polname, quote_ident(p.polname) as sql, p.polpermissive,
  case p.polcmd when 'r' then 'SELECT' when 'a' then 'INSERT' when 'w' then 'UPDATE' when 'd' then 'DELETE'
    else 'ALL' end as command,
  array(select case when r = 0 then 'PUBLIC' else quote_ident(pg_get_userbyid(r)) end
        from unnest(p.polroles) r order by 1) as roles,
  pg_get_expr(p.polqual, p.polrelid) as using_expr, pg_get_expr(p.polwithcheck, p.polrelid) as check_expr,
  obj_description(p.oid, 'pg_policy') as comment
from pg_policy p
join pg_class c on c.oid = p.polrelid
join pg_namespace n on n.oid = c.relnamespace
where n.nspname not like 'pg\_%' and n.nspname <> 'information_schema' and array_length(?::text[], 1) > 0
order by p.polrelid, p.polname
