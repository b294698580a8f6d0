-- Runs after every CREATE EXTENSION (event trigger issue_pg_net_access): when the command installed pg_net, lets the
-- webhook roles use schema net. Only the roles this server has are named.
CREATE FUNCTION extensions.grant_pg_net_access()
    RETURNS event_trigger
    LANGUAGE plpgsql
AS $access$
DECLARE
    grantees text;
BEGIN
    IF NOT EXISTS (
        SELECT 1
        FROM pg_event_trigger_ddl_commands() AS command
        JOIN pg_extension AS installed ON installed.oid = command.objid
        WHERE installed.extname = 'pg_net'
    ) THEN
        RETURN;
    END IF;
    SELECT string_agg(quote_ident(rolname), ', ')
    INTO grantees
    FROM pg_roles
    WHERE rolname IN ('supabase_functions_admin', 'postgres', 'anon', 'authenticated', 'service_role');
    IF grantees IS NOT NULL THEN
        EXECUTE 'GRANT USAGE ON SCHEMA net TO ' || grantees;
    END IF;
END
$access$
