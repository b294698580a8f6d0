-- Comments on the columns of views and materialized views of the pulled schemas.
select a.attrelid, quote_ident(a.attname) as sql, col_description(a.attrelid, a.attnum) as comment
from pg_attribute a
join pg_class c on c.oid = a.attrelid
join pg_namespace n on n.oid = c.relnamespace
where c.relkind in ('v', 'm') and n.nspname = any(?::text[]) and a.attnum > 0
  and col_description(a.attrelid, a.attnum) is not null
order by a.attrelid, a.attnum
