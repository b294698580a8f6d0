-- A normalised picture of a schema, one text line per fact, free of OIDs and column numbers, so two databases built
-- differently (by hand vs. from pulled files) compare equal exactly when their schemas are the same.
with s as (select oid, nspname from pg_namespace where nspname = any(?::text[])),
rel as (select c.* from pg_class c join s on s.oid = c.relnamespace where c.relkind in ('r', 'p', 'v', 'm', 'S')),
api as (select 0::oid as oid, 'PUBLIC' as name
        union all select oid, rolname from pg_roles where rolname in ('anon', 'authenticated', 'service_role'))
select 'relation ' || c.oid::regclass || ' ' || c.relkind::text || ' ' || c.relpersistence::text || ' rls=' || c.relrowsecurity
       || ' force=' || c.relforcerowsecurity || ' options=' || coalesce(c.reloptions::text, '')
       || ' replica=' || c.relreplident::text
       || ' replica_index=' || coalesce((select i.indexrelid::regclass::text from pg_index i
                                         where i.indrelid = c.oid and i.indisreplident), '')
       || ' cluster=' || coalesce((select i.indexrelid::regclass::text from pg_index i
                                   where i.indrelid = c.oid and i.indisclustered), '')
       || ' partition_of=' || coalesce((select i.inhparent::regclass::text from pg_inherits i where i.inhrelid = c.oid), '')
       || ' bound=' || coalesce(pg_get_expr(c.relpartbound, c.oid), '')
       || ' key=' || coalesce(case when c.relkind = 'p' then pg_get_partkeydef(c.oid) end, '')
       || ' comment=' || coalesce(obj_description(c.oid, 'pg_class'), '')
from rel c
union all
select 'column ' || a.attrelid::regclass || ' #' || row_number() over (partition by a.attrelid order by a.attnum) || ' '
       || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' notnull=' || a.attnotnull
       || ' default=' || coalesce(pg_get_expr(d.adbin, d.adrelid), '') || ' identity=' || a.attidentity::text
       || ' generated=' || a.attgenerated::text || ' collation=' || a.attcollation::regcollation
       || ' comment=' || coalesce(col_description(a.attrelid, a.attnum), '')
       || ' acl=' || coalesce((select string_agg(x::text, ',' order by x::text) from unnest(a.attacl) x), '')
       || ' statistics=' || a.attstattarget || ' storage=' || a.attstorage::text
from pg_attribute a join rel c on c.oid = a.attrelid left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
where a.attnum > 0 and not a.attisdropped
union all
select 'constraint ' || con.conrelid::regclass || ' ' || con.conname || ' ' || pg_get_constraintdef(con.oid)
       || ' validated=' || con.convalidated || ' comment=' || coalesce(obj_description(con.oid, 'pg_constraint'), '')
from pg_constraint con join rel c on c.oid = con.conrelid
union all
select 'index ' || pg_get_indexdef(i.indexrelid) || ' comment=' || coalesce(obj_description(i.indexrelid, 'pg_class'), '')
from pg_index i join rel c on c.oid = i.indrelid
union all
select 'policy ' || p.polrelid::regclass || ' ' || p.polname || ' ' || p.polpermissive || ' ' || p.polcmd::text
       || ' ' || array(select case when r = 0 then 'PUBLIC' else pg_get_userbyid(r)::text end from unnest(p.polroles) r order by 1)::text
       || ' using=' || coalesce(pg_get_expr(p.polqual, p.polrelid), '')
       || ' check=' || coalesce(pg_get_expr(p.polwithcheck, p.polrelid), '')
       || ' comment=' || coalesce(obj_description(p.oid, 'pg_policy'), '')
from pg_policy p join pg_class c on c.oid = p.polrelid
where c.relnamespace in (select oid from s) or c.relnamespace in ('auth'::regnamespace, 'storage'::regnamespace)
union all
select 'table rls ' || c.oid::regclass || ' ' || c.relrowsecurity || ' ' || c.relforcerowsecurity
from pg_class c where c.relnamespace = 'storage'::regnamespace and c.relkind = 'r'
union all
select 'publication ' || p.pubname || ' all=' || p.puballtables || ' ' || p.pubinsert || p.pubupdate || p.pubdelete
       || p.pubtruncate || ' root=' || p.pubviaroot || ' comment=' || coalesce(obj_description(p.oid, 'pg_publication'), '')
from pg_publication p
union all
select 'publication table ' || p.pubname || ' ' || r.prrelid::regclass || ' columns='
       || coalesce((select string_agg(a.attname, ',' order by a.attnum) from pg_attribute a
                    where a.attrelid = r.prrelid and a.attnum = any(r.prattrs::int2[])), '*')
       || ' where=' || coalesce(pg_get_expr(r.prqual, r.prrelid), '')
from pg_publication_rel r join pg_publication p on p.oid = r.prpubid
union all
select 'publication schema ' || p.pubname || ' ' || n.nspname
from pg_publication_namespace pn join pg_publication p on p.oid = pn.pnpubid join pg_namespace n on n.oid = pn.pnnspid
union all
select 'default acl ' || pg_get_userbyid(d.defaclrole) || ' ' || coalesce(n.nspname, '*') || ' ' || d.defaclobjtype::text
       || ' ' || (select string_agg(x::text, ',' order by x::text) from unnest(d.defaclacl) x)
from pg_default_acl d left join pg_namespace n on n.oid = d.defaclnamespace
where d.defaclnamespace = 0 or n.nspname = any(?::text[])
union all
select 'bucket ' || (select string_agg(coalesce(v.value::text, 'null'), ' ' order by v.key)
                     from jsonb_each(to_jsonb(b)) v)
from storage.buckets b
union all
select 'rule ' || pg_get_ruledef(r.oid) || ' enabled=' || r.ev_enabled::text
       || ' comment=' || coalesce(obj_description(r.oid, 'pg_rewrite'), '')
from pg_rewrite r join rel c on c.oid = r.ev_class where r.rulename <> '_RETURN'
union all
select 'statistics ' || pg_get_statisticsobjdef(x.oid) || ' comment=' || coalesce(obj_description(x.oid, 'pg_statistic_ext'), '')
from pg_statistic_ext x join rel c on c.oid = x.stxrelid
union all
select 'comment ' || d.classoid::regclass || ' ' || pg_describe_object(d.classoid, d.objoid, d.objsubid) || ' = ' || d.description
from pg_description d
where (pg_identify_object(d.classoid, d.objoid, d.objsubid)).schema = any(?::text[])
   or (d.classoid = 'pg_namespace'::regclass and d.objoid in (select oid from s))
   or (d.classoid = 'pg_trigger'::regclass and exists (select 1 from pg_trigger t join pg_class c on c.oid = t.tgrelid
       where t.oid = d.objoid and (c.relnamespace in (select oid from s) or c.relnamespace::regnamespace::text in ('auth', 'storage'))))
   or (d.classoid = 'pg_rewrite'::regclass and exists (select 1 from pg_rewrite r join pg_class c on c.oid = r.ev_class
       where r.oid = d.objoid and c.relnamespace in (select oid from s)))
   or (d.classoid = 'pg_policy'::regclass and exists (select 1 from pg_policy p join pg_class c on c.oid = p.polrelid
       where p.oid = d.objoid and (c.relnamespace in (select oid from s) or c.relnamespace::regnamespace::text in ('auth', 'storage'))))
   or d.classoid = 'pg_publication'::regclass
union all
select 'view ' || c.oid::regclass || ' ' || pg_get_viewdef(c.oid) from rel c where c.relkind in ('v', 'm')
union all
select 'sequence ' || q.seqrelid::regclass || ' ' || format_type(q.seqtypid, null) || ' ' || q.seqstart || ' '
       || q.seqincrement || ' ' || q.seqmin || ' ' || q.seqmax || ' ' || q.seqcache || ' ' || q.seqcycle
from pg_sequence q join rel c on c.oid = q.seqrelid
union all
select 'function ' || p.oid::regprocedure || ' ' || pg_get_functiondef(p.oid)
       || ' comment=' || coalesce(obj_description(p.oid, 'pg_proc'), '')
from pg_proc p join s on s.oid = p.pronamespace where p.prokind in ('f', 'p')
union all
select 'type ' || t.oid::regtype || ' ' || t.typtype::text || ' ' || coalesce(format_type(t.typbasetype, t.typtypmod), '')
       || ' labels=' || coalesce((select string_agg(e.enumlabel, ',' order by e.enumsortorder)
                                  from pg_enum e where e.enumtypid = t.oid), '')
       || ' attributes=' || coalesce((select string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod), ','
                                      order by a.attnum) from pg_attribute a where a.attrelid = t.typrelid), '')
       || ' checks=' || coalesce((select string_agg(pg_get_constraintdef(k.oid), ',') from pg_constraint k
                                  where k.contypid = t.oid), '')
       || ' comment=' || coalesce(obj_description(t.oid, 'pg_type'), '')
from pg_type t join s on s.oid = t.typnamespace
where t.typtype in ('e', 'd') or (t.typtype = 'c' and (select relkind from pg_class where oid = t.typrelid) = 'c')
union all
select 'trigger ' || t.tgrelid::regclass || ' ' || pg_get_triggerdef(t.oid) || ' enabled=' || t.tgenabled::text
       || ' comment=' || coalesce(obj_description(t.oid, 'pg_trigger'), '')
from pg_trigger t join pg_proc p on p.oid = t.tgfoid join pg_class c on c.oid = t.tgrelid
where not t.tgisinternal
  and (c.relnamespace in (select oid from s) or p.pronamespace in (select oid from s)
       or p.pronamespace = to_regnamespace('supabase_functions'))
union all
select 'grant ' || c.oid::regclass || ' ' || g.name || ' ' || a.privilege_type || ' ' || a.is_grantable
from rel c cross join lateral aclexplode(coalesce(c.relacl, acldefault((case when c.relkind = 'S' then 's' else 'r' end)::"char", c.relowner))) a
join api g on g.oid = a.grantee
union all
select 'grant ' || p.oid::regprocedure || ' ' || g.name || ' ' || a.privilege_type || ' ' || a.is_grantable
from pg_proc p join s on s.oid = p.pronamespace cross join lateral aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
join api g on g.oid = a.grantee
union all
select 'grant schema ' || n.nspname || ' ' || g.name || ' ' || a.privilege_type
from s n join pg_namespace ns on ns.oid = n.oid cross join lateral aclexplode(coalesce(ns.nspacl, acldefault('n', ns.nspowner))) a
join api g on g.oid = a.grantee
union all
select 'grant type ' || t.oid::regtype || ' ' || g.name || ' ' || a.privilege_type
from pg_type t join s on s.oid = t.typnamespace cross join lateral aclexplode(coalesce(t.typacl, acldefault('T', t.typowner))) a
join api g on g.oid = a.grantee
where t.typtype in ('e', 'd', 'c') and (t.typtype <> 'c' or (select relkind from pg_class where oid = t.typrelid) = 'c')
union all
select 'schema ' || n.nspname || ' comment=' || coalesce(obj_description(n.oid, 'pg_namespace'), '') from s n
order by 1
