-- The pulled schemas that exist, with their comment.
select n.oid, n.nspname, quote_ident(n.nspname) as sql, obj_description(n.oid, 'pg_namespace') as comment
from pg_namespace n
where n.nspname = any(?::text[])
order by n.nspname
