-- Rewrite rules on the pulled tables and views, except the _RETURN rule that makes a view.
select r.oid, n.nspname, c.relname, quote_ident(n.nspname) || '.' || quote_ident(c.relname) as table_sql,
  r.rulename, quote_ident(r.rulename) as sql, pg_get_ruledef(r.oid) as definition, r.ev_enabled::text as enabled,
  obj_description(r.oid, 'pg_rewrite') as comment
from pg_rewrite r
join pg_class c on c.oid = r.ev_class
join pg_namespace n on n.oid = c.relnamespace
where n.nspname = any(?::text[]) and r.rulename <> '_RETURN'
order by n.nspname, c.relname, r.rulename
