-- Every publication, with what it publishes; the reader decides which are the app's.
select p.oid, p.pubname, quote_ident(p.pubname) as sql, pg_get_userbyid(p.pubowner) as owner, p.puballtables,
  p.pubinsert, p.pubupdate, p.pubdelete, p.pubtruncate, p.pubviaroot,
  obj_description(p.oid, 'pg_publication') as comment
from pg_publication p
where array_length(?::text[], 1) > 0
order by p.pubname
