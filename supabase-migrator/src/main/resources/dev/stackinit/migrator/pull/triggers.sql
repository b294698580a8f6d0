-- User triggers on any table outside PostgreSQL's own schemas, with the schema and owner of the function they call;
-- the reader keeps those of the pulled schemas, those calling a pulled function (e.g. on auth.users) and webhooks
-- (functions in supabase_functions, whose arguments webhook-config's own reader decodes), and names the app's triggers
-- on Supabase's tables that call a function pull does not write. Triggers a partition got from its parent
-- (tgparentid) are the parent's.
select t.oid, tn.nspname, c.relname, quote_ident(tn.nspname) || '.' || quote_ident(c.relname) as table_sql,
  pg_get_userbyid(c.relowner) as table_owner,
  t.tgname, quote_ident(t.tgname) as sql, pg_get_triggerdef(t.oid) as definition, t.tgenabled::text as enabled,
  fn.nspname as function_schema, pg_get_userbyid(p.proowner) as function_owner,
  obj_description(t.oid, 'pg_trigger') as comment
from pg_trigger t
join pg_class c on c.oid = t.tgrelid
join pg_namespace tn on tn.oid = c.relnamespace
join pg_proc p on p.oid = t.tgfoid
join pg_namespace fn on fn.oid = p.pronamespace
where not t.tgisinternal and t.tgparentid = 0
  and tn.nspname not like 'pg\_%' and tn.nspname <> 'information_schema'
  and tn.nspname not in ('supabase_functions', 'net') and array_length(?::text[], 1) > 0
order by tn.nspname, c.relname, t.tgname
