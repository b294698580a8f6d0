-- Columns of the pulled tables, in column order, with defaults, identity (and its sequence), generation and the
-- per-column settings (statistics target, storage) that differ from the type's.
select a.attrelid, a.attnum, a.attname, quote_ident(a.attname) as sql, format_type(a.atttypid, a.atttypmod) as type,
  case when a.attcollation <> 0 and a.attcollation <> t.typcollation then
    (select quote_ident(cn.nspname) || '.' || quote_ident(co.collname)
     from pg_collation co join pg_namespace cn on cn.oid = co.collnamespace where co.oid = a.attcollation) end as collation,
  a.attnotnull, pg_get_expr(ad.adbin, ad.adrelid) as default_expr, ad.oid as default_oid,
  a.attidentity::text as identity, a.attgenerated::text as generated,
  a.attstattarget,
  case when a.attstorage <> t.typstorage then
    case a.attstorage when 'p' then 'PLAIN' when 'e' then 'EXTERNAL' when 'm' then 'MAIN' else 'EXTENDED' end
  end as storage,
  coalesce(seq.oid, 0) as seq_oid,
  seq.relname as seq_name, seq.seq_sql, seq.seqstart, seq.seqincrement, seq.seqmin, seq.seqmax, seq.seqcache,
  seq.seqcycle, c.relname as table_name,
  col_description(a.attrelid, a.attnum) as comment
from pg_attribute a
join pg_class c on c.oid = a.attrelid
join pg_namespace n on n.oid = c.relnamespace
join pg_type t on t.oid = a.atttypid
left join pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum
left join lateral (
  select sc.oid, sc.relname, quote_ident(sn.nspname) || '.' || quote_ident(sc.relname) as seq_sql, s.seqstart,
    s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle
  from pg_depend d
  join pg_class sc on sc.oid = d.objid
  join pg_namespace sn on sn.oid = sc.relnamespace
  join pg_sequence s on s.seqrelid = sc.oid
  where d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass and d.refobjid = a.attrelid
    and d.refobjsubid = a.attnum and d.deptype = 'i') seq on a.attidentity <> ''
where c.relkind in ('r', 'p', 'f') and n.nspname = any(?::text[]) and a.attnum > 0 and not a.attisdropped
order by a.attrelid, a.attnum
