-- Installed extensions (plpgsql is always there).
select e.extname, quote_ident(e.extname) as sql, quote_ident(n.nspname) as schema_sql
from pg_extension e
join pg_namespace n on n.oid = e.extnamespace
where e.extname <> 'plpgsql'
order by e.extname
