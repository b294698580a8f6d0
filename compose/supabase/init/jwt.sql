-- stack-init: runs once inside supabase/postgres, on an empty data volume, from
-- /docker-entrypoint-initdb.d/init-scripts/ (as postgres, still a superuser then), like Supabase's own jwt.sql.
-- Gives the database the settings SQL reads with current_setting('app.settings.jwt_secret') and
-- current_setting('app.settings.jwt_exp') (JWT_SECRET and JWT_EXP of the db service; PostgREST passes the same as
-- PGRST_APP_SETTINGS_*). Runs again by hand after rotating JWT_SECRET (see README.md, "Everyday commands"):
--   docker compose exec -T db psql -U supabase_admin -d postgres -f /docker-entrypoint-initdb.d/init-scripts/99-stack-init-jwt.sql
-- Supabase has since dropped app.settings.jwt_secret from its own compose in favour of Vault; it is kept here for SQL
-- written against the documented setting.

\set jwt_secret `echo "$JWT_SECRET"`
\set jwt_exp `echo "$JWT_EXP"`

-- the database psql is connected to: POSTGRES_DB of the db service
ALTER DATABASE :"DBNAME" SET "app.settings.jwt_secret" TO :'jwt_secret';
ALTER DATABASE :"DBNAME" SET "app.settings.jwt_exp" TO :'jwt_exp';
