-- stack-init: runs once inside supabase/postgres, on an empty data volume, from
-- /docker-entrypoint-initdb.d/init-scripts/ (as postgres, which is still a superuser at that point).
-- GoTrue, PostgREST and Storage log in with these roles before supabase-migrate runs, so their passwords cannot wait
-- for the migrator's bootstrap (which sets the same passwords again on every run).

\set pgpass `echo "$POSTGRES_PASSWORD"`

ALTER USER authenticator WITH PASSWORD :'pgpass';
ALTER USER pgbouncer WITH PASSWORD :'pgpass';
ALTER USER supabase_auth_admin WITH PASSWORD :'pgpass';
ALTER USER supabase_storage_admin WITH PASSWORD :'pgpass';

-- Realtime (opt-in profile) keeps its tables here; harmless when the profile is off.
CREATE SCHEMA IF NOT EXISTS _realtime;
ALTER SCHEMA _realtime OWNER TO supabase_admin;
