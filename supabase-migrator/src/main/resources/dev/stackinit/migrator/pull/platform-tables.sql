-- Tables outside the pulled schemas that carry RLS policies (storage.objects, auth.*): the policies are the app's.
select c.oid, n.nspname, c.relname, quote_ident(n.nspname) || '.' || quote_ident(c.relname) as sql,
  c.relrowsecurity, c.relforcerowsecurity
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
where c.relkind in ('r', 'p') and exists (select 1 from pg_policy p where p.polrelid = c.oid)
  and n.nspname <> all(?::text[]) and n.nspname not like 'pg\_%' and n.nspname <> 'information_schema'
order by n.nspname, c.relname
