-- The columns of storage.buckets, whose rows pull writes as data into seed/ (the policies on storage.objects name them).
select quote_ident(a.attname) as sql, a.attname, format_type(a.atttypid, a.atttypmod) as type
from pg_attribute a
where a.attrelid = to_regclass('storage.buckets') and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
  and array_length(?::text[], 1) > 0
order by a.attnum
