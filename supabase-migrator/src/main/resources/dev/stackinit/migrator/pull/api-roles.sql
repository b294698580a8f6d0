-- The API roles the source has (grants to them are pulled, and revoked first where they are re-applied).
select quote_ident(rolname) as sql from pg_roles
where rolname in ('anon', 'authenticated', 'service_role') and array_length(?::text[], 1) > 0
order by rolname
