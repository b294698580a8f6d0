-- Enums (labels in enumsortorder order: a label added BEFORE another has a fractional order), composite types and
-- domains of the pulled schemas, with owner and the comments on their attributes and domain constraints (range types
-- are reported, not pulled).
select t.oid, n.nspname, t.typname, quote_ident(n.nspname) || '.' || quote_ident(t.typname) as sql, t.typtype,
  pg_get_userbyid(t.typowner) as owner, t.typacl is not null as has_acl,
  array(select quote_literal(e.enumlabel) from pg_enum e where e.enumtypid = t.oid order by e.enumsortorder) as labels,
  array(select quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod)
          || case when a.attcollation <> 0 and a.attcollation <> at.typcollation then
               ' COLLATE ' || (select quote_ident(cn.nspname) || '.' || quote_ident(co.collname) from pg_collation co
                               join pg_namespace cn on cn.oid = co.collnamespace where co.oid = a.attcollation)
             else '' end
        from pg_attribute a join pg_type at on at.oid = a.atttypid
        where a.attrelid = t.typrelid and a.attnum > 0 and not a.attisdropped
        order by a.attnum) as attributes,
  case when t.typtype = 'd' then format_type(t.typbasetype, t.typtypmod) end as base_type,
  case when t.typtype = 'd' and t.typcollation <> 0 and t.typcollation <> bt.typcollation then
    (select quote_ident(cn.nspname) || '.' || quote_ident(co.collname) from pg_collation co
     join pg_namespace cn on cn.oid = co.collnamespace where co.oid = t.typcollation) end as collation,
  t.typnotnull,
  pg_get_expr(t.typdefaultbin, 0) as default_expr,
  array(select 'CONSTRAINT ' || quote_ident(con.conname) || ' ' || pg_get_constraintdef(con.oid)
        from pg_constraint con where con.contypid = t.oid order by con.conname) as domain_constraints,
  array(select 'COLUMN ' || quote_ident(n.nspname) || '.' || quote_ident(t.typname) || '.' || quote_ident(a.attname)
        from pg_attribute a where a.attrelid = t.typrelid and a.attnum > 0 and not a.attisdropped
          and col_description(a.attrelid, a.attnum) is not null order by a.attnum)
    || array(select 'CONSTRAINT ' || quote_ident(con.conname) || ' ON DOMAIN ' || quote_ident(n.nspname) || '.'
               || quote_ident(t.typname)
             from pg_constraint con where con.contypid = t.oid and obj_description(con.oid, 'pg_constraint') is not null
             order by con.conname) as member_comment_targets,
  array(select col_description(a.attrelid, a.attnum)
        from pg_attribute a where a.attrelid = t.typrelid and a.attnum > 0 and not a.attisdropped
          and col_description(a.attrelid, a.attnum) is not null order by a.attnum)
    || array(select obj_description(con.oid, 'pg_constraint')
             from pg_constraint con where con.contypid = t.oid and obj_description(con.oid, 'pg_constraint') is not null
             order by con.conname) as member_comments,
  array(select dep from (
          select t.typbasetype as dep where t.typtype = 'd'
          union
          select coalesce(nullif(at.typelem, 0), a.atttypid) from pg_attribute a join pg_type at on at.oid = a.atttypid
          where a.attrelid = t.typrelid and t.typrelid <> 0 and a.attnum > 0) deps)::bigint[] as depends,
  obj_description(t.oid, 'pg_type') as comment
from pg_type t
join pg_namespace n on n.oid = t.typnamespace
left join pg_type bt on bt.oid = t.typbasetype
where n.nspname = any(?::text[])
  and (t.typtype in ('e', 'd', 'r') or (t.typtype = 'c' and (select c.relkind from pg_class c where c.oid = t.typrelid) = 'c'))
  and not exists (select 1 from pg_depend e where e.classid = 'pg_type'::regclass and e.objid = t.oid and e.deptype = 'e')
order by n.nspname, t.typname
