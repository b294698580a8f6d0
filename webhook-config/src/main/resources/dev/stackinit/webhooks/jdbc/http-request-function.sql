-- The trigger function behind every database webhook. Arguments (all text, by position, as Studio passes them):
-- url, method (GET or POST), headers (JSON object), params (JSON object, sent as the query string), timeout in ms.
-- Missing or 'null' arguments take the documented defaults. POST sends the row change as JSON; GET sends no body.
CREATE FUNCTION supabase_functions.http_request()
    RETURNS trigger
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = supabase_functions
AS $webhook$
DECLARE
    target_url   text := TG_ARGV[0];
    http_method  text := TG_ARGV[1];
    header_set   jsonb := '{"Content-Type": "application/json"}'::jsonb;
    query_params jsonb := '{}'::jsonb;
    timeout      integer := 1000;
    body         jsonb;
    sent_id      bigint;
BEGIN
    IF target_url IS NULL OR target_url = 'null' THEN
        RAISE EXCEPTION 'url argument is missing';
    END IF;
    IF http_method IS NULL OR http_method = 'null' THEN
        RAISE EXCEPTION 'method argument is missing';
    END IF;
    IF TG_ARGV[2] IS NOT NULL AND TG_ARGV[2] <> 'null' THEN
        header_set := TG_ARGV[2]::jsonb;
    END IF;
    IF TG_ARGV[3] IS NOT NULL AND TG_ARGV[3] <> 'null' THEN
        query_params := TG_ARGV[3]::jsonb;
    END IF;
    IF TG_ARGV[4] IS NOT NULL AND TG_ARGV[4] <> 'null' THEN
        timeout := TG_ARGV[4]::integer;
    END IF;

    IF http_method = 'GET' THEN
        sent_id := net.http_get(target_url, query_params, header_set, timeout);
    ELSIF http_method = 'POST' THEN
        body := jsonb_build_object(
            'old_record', OLD,
            'record', NEW,
            'type', TG_OP,
            'table', TG_TABLE_NAME,
            'schema', TG_TABLE_SCHEMA);
        sent_id := net.http_post(target_url, body, query_params, header_set, timeout);
    ELSE
        RAISE EXCEPTION 'method argument % is invalid', http_method;
    END IF;

    INSERT INTO supabase_functions.hooks (hook_table_id, hook_name, request_id)
    VALUES (TG_RELID, TG_NAME, sent_id);

    RETURN NEW;
END
$webhook$
