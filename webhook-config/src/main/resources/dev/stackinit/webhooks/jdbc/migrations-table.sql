-- The versions of this schema's own setup, as tools that check for database webhooks expect them.
CREATE TABLE supabase_functions.migrations (
    version     text PRIMARY KEY,
    inserted_at timestamptz NOT NULL DEFAULT now()
)
