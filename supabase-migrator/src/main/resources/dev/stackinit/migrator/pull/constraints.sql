-- Table constraints (NOT NULL lives on the column in PostgreSQL 15), with the referenced table of foreign keys.
-- Constraints a partition got from its parent (conparentid) or a child inherited are the parent's, not pulled twice.
select con.oid, con.conrelid, con.conname, quote_ident(con.conname) as sql, con.contype::text as type,
  pg_get_constraintdef(con.oid) as definition,
  rn.nspname as ref_schema, rc.relname as ref_name, quote_ident(rn.nspname) || '.' || quote_ident(rc.relname) as ref_sql,
  obj_description(con.oid, 'pg_constraint') as comment
from pg_constraint con
join pg_class c on c.oid = con.conrelid
join pg_namespace n on n.oid = c.relnamespace
left join pg_class rc on rc.oid = con.confrelid
left join pg_namespace rn on rn.oid = rc.relnamespace
where n.nspname = any(?::text[]) and con.contype in ('p', 'u', 'c', 'f', 'x') and con.conislocal
  and con.conparentid = 0
order by con.conrelid, case con.contype when 'p' then 0 when 'u' then 1 when 'c' then 2 when 'x' then 3 else 4 end,
  con.conname
