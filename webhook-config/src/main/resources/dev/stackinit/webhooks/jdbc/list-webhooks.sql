-- Every trigger whose function is in schema supabase_functions, the way Studio finds webhooks
-- (supabase_functions triggers on schema net count only when they take no arguments).
SELECT t.tgname AS name,
       n.nspname AS schema,
       c.relname AS "table",
       t.tgtype::int AS type,
       t.tgenabled <> 'D' AS enabled,
       (t.tgqual IS NOT NULL OR cardinality(t.tgattr::int2[]) > 0
           OR t.tgoldtable IS NOT NULL OR t.tgnewtable IS NOT NULL) AS extra_clauses,
       fn.nspname AS function_schema,
       p.proname AS function_name,
       t.tgnargs AS nargs,
       t.tgargs AS args,
       pg_get_triggerdef(t.oid) AS definition
FROM pg_trigger t
JOIN pg_class c ON c.oid = t.tgrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_proc p ON p.oid = t.tgfoid
JOIN pg_namespace fn ON fn.oid = p.pronamespace
WHERE NOT t.tgisinternal
  AND fn.nspname = 'supabase_functions'
  AND n.nspname NOT IN ('information_schema', 'pg_catalog', 'pg_toast')
  AND (n.nspname <> 'net' OR t.tgnargs = 0)
ORDER BY n.nspname, c.relname, t.tgname
