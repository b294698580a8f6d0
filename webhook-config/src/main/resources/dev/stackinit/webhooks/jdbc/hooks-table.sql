-- A log of webhook firings (one row per request handed to pg_net); not a registry of webhooks.
CREATE TABLE supabase_functions.hooks (
    id            bigserial PRIMARY KEY,
    hook_table_id integer     NOT NULL,
    hook_name     text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    request_id    bigint
);
CREATE INDEX hooks_request_id_idx ON supabase_functions.hooks (request_id);
CREATE INDEX hooks_table_id_name_idx ON supabase_functions.hooks (hook_table_id, hook_name);
COMMENT ON TABLE supabase_functions.hooks IS 'Database webhooks: audit trail of fired hooks.'
