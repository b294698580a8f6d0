-- A log of webhook firings (one row per request handed to pg_net); not a registry of webhooks. Its indexes and
-- comment are separate steps of the bootstrap, so a database set up earlier gets Supabase's names too.
CREATE TABLE supabase_functions.hooks (
    id            bigserial PRIMARY KEY,
    hook_table_id integer     NOT NULL,
    hook_name     text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    request_id    bigint
)
