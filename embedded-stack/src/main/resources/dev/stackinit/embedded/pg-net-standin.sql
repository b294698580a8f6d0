-- A recording stand-in for pg_net: same schema, function names, signatures and defaults as pg_net's net.http_post and
-- net.http_get, but requests are only queued in net.http_request_queue (nothing is sent), so a test can see what a
-- webhook would have sent. The real extension needs shared_preload_libraries and a background worker.
-- Created as supabase_admin, as CREATE EXTENSION pg_net is on Supabase (by its set-up or the tools' bootstrap), so
-- schema net and its objects have the owner they have there.
set role supabase_admin;
create schema if not exists net;
create table net.http_request_queue (
  id bigserial primary key,
  method text not null,
  url text not null,
  headers jsonb,
  params jsonb,
  body jsonb,
  timeout_milliseconds integer not null,
  created timestamptz not null default now()
);

create function net.http_post(
  url text,
  body jsonb default '{}'::jsonb,
  params jsonb default '{}'::jsonb,
  headers jsonb default '{"Content-Type": "application/json"}'::jsonb,
  timeout_milliseconds integer default 5000
) returns bigint language sql security invoker as $$
  insert into net.http_request_queue (method, url, headers, params, body, timeout_milliseconds)
  values ('POST', url, headers, params, body, timeout_milliseconds)
  returning id
$$;

create function net.http_get(
  url text,
  params jsonb default '{}'::jsonb,
  headers jsonb default '{}'::jsonb,
  timeout_milliseconds integer default 5000
) returns bigint language sql security invoker as $$
  insert into net.http_request_queue (method, url, headers, params, body, timeout_milliseconds)
  values ('GET', url, headers, params, null, timeout_milliseconds)
  returning id
$$;

grant usage on schema net to public;
grant all on net.http_request_queue to public;
grant usage on sequence net.http_request_queue_id_seq to public;
grant execute on function net.http_post(text, jsonb, jsonb, jsonb, integer) to public;
grant execute on function net.http_get(text, jsonb, jsonb, integer) to public;
reset role;
