-- Schemas published as a whole (FOR TABLES IN SCHEMA).
select pn.pnpubid, n.nspname, quote_ident(n.nspname) as sql
from pg_publication_namespace pn
join pg_namespace n on n.oid = pn.pnnspid
where array_length(?::text[], 1) > 0
order by pn.pnpubid, n.nspname
