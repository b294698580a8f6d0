-- A production-like Supabase app with everything pull must carry beyond tables and functions: hardened schema and
-- default privileges, column grants after REVOKE ALL, identity sequence ACLs, replica identities, realtime and other
-- publications with column lists and row filters, policies on storage.objects, bucket rows, partitions (one attached
-- with its own column order, one with a renamed index, one with its own default), an enum extended later, table
-- options, statistics, a rule, and comments on everything. Each "-- split" part runs on its own.
create schema app_private;
comment on schema app_private is 'Server-side helpers, not exposed';
revoke all on schema app_private from public;
grant usage on schema app_private to service_role;
revoke all on schema public from public;
revoke create on schema public from authenticated;
comment on schema public is 'The app''s API';

-- what Supabase grants by default is taken back: no anon on future functions and sequences, no PUBLIC execute
alter default privileges in schema public revoke all on functions from anon;
alter default privileges in schema public revoke all on sequences from anon;
alter default privileges revoke execute on functions from public;
alter default privileges in schema app_private grant select on tables to service_role;
alter default privileges in schema public grant usage on types to authenticated;

create type public.status as enum ('draft', 'published');
-- split
alter type public.status add value 'archived';
-- split
alter type public.status add value 'review' before 'published';
-- split
comment on type public.status is 'Where a message is in its life';
create domain public.email as text collate "C" constraint email_has_at check (value like '%@%');
comment on constraint email_has_at on domain public.email is 'A loose check';
create type public.point2 as (x double precision, y double precision);
comment on column public.point2.x is 'Horizontal';
revoke all on type public.point2 from public;
grant usage on type public.point2 to authenticated;

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  username text unique,
  email public.email,
  avatar_path text
);
comment on table public.profiles is 'Public data of a user';
comment on column public.profiles.username is 'Shown next to messages';
revoke all on public.profiles from anon, authenticated;
grant select (id, username) on public.profiles to anon;
grant select, update (username, avatar_path) on public.profiles to authenticated;
grant select on public.profiles to authenticated;

create table public.messages (
  id bigint generated always as identity primary key,
  room text not null,
  body text not null,
  status public.status not null default 'draft',
  author uuid not null references public.profiles (id),
  created_at timestamptz not null default now(),
  constraint body_length check (length(body) < 5000)
);
comment on constraint body_length on public.messages is 'Keep messages short';
comment on constraint messages_author_fkey on public.messages is 'Who wrote it';
create unique index messages_room_id on public.messages (room, id);
comment on index public.messages_room_id is 'Replica identity for realtime';
create index messages_created on public.messages (created_at desc) with (fillfactor = 80);
alter table public.messages replica identity using index messages_room_id;
alter table public.messages set (fillfactor = 90, autovacuum_enabled = false);
alter table public.messages alter column body set statistics 500;
alter table public.messages alter column body set storage main;
create statistics public.messages_room_status (dependencies) on room, status from public.messages;
comment on statistics public.messages_room_status is 'Rooms and statuses go together';
revoke all on sequence public.messages_id_seq from anon, authenticated, service_role;
grant usage on sequence public.messages_id_seq to authenticated;
alter table public.messages enable row level security;
create policy "Authors read" on public.messages for select to authenticated using (auth.uid() = author);
comment on policy "Authors read" on public.messages is 'Only the author, for now';
create policy "Authors write" on public.messages as restrictive for insert to authenticated
  with check (auth.uid() = author);

create table public.presence (user_id uuid primary key, room text, seen_at timestamptz);
alter table public.presence replica identity full;
create rule presence_keep as on delete to public.presence do instead nothing;
comment on rule presence_keep on public.presence is 'Presence rows are never deleted';

create table public.notes (id integer primary key, body text);
alter table public.notes replica identity nothing;
alter table public.notes cluster on notes_pkey;

-- realtime: a column list and a row filter (both cover the replica identity), a whole table, a Supabase-owned table
alter publication supabase_realtime add table public.messages (id, room, body, status) where (room <> 'private');
alter publication supabase_realtime add table public.presence;
alter publication supabase_realtime add table storage.objects;
create publication analytics for table public.messages (id, room, created_at) with (publish = 'insert');
comment on publication analytics is 'Feeds the warehouse';

-- storage: the app's buckets and its policies on storage.objects
insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types, created_at, updated_at) values
  ('avatars', 'avatars', true, 1048576, '{image/png,image/jpeg}', '2024-05-01 10:00:00+00', '2024-05-02 11:30:00+00'),
  ('docs', 'docs', false, null, null, '2024-06-01 00:00:00+00', '2024-06-01 00:00:00+00');
create policy "Avatar upload" on storage.objects for insert to authenticated
  with check (bucket_id = 'avatars' and (storage.foldername(name))[1] = auth.uid()::text);
comment on policy "Avatar upload" on storage.objects is 'Into the own folder only';
create policy "Avatars are public" on storage.objects for select using (bucket_id = 'avatars');

-- partitions: a renamed index, a default of its own, RLS, grants and comments per partition, one attached later
create table public.events (
  id bigint not null,
  at date not null,
  kind text default 'info',
  payload jsonb,
  primary key (id, at)
) partition by range (at);
create index events_kind on public.events (kind);
comment on table public.events is 'Partitioned by day';
create table public.events_2024 partition of public.events for values from ('2024-01-01') to ('2025-01-01');
create table public.events_2025 partition of public.events for values from ('2025-01-01') to ('2026-01-01')
  partition by range (id);
create table public.events_2025_low partition of public.events_2025 for values from (minvalue) to (1000000);
create table public.events_2025_high partition of public.events_2025 default;
create table public.events_default partition of public.events default;
alter table public.events_default alter column kind set default 'debug';
alter index public.events_2024_kind_idx rename to events_2024_by_kind;
alter table public.events_2024 enable row level security;
create policy "Recent events" on public.events_2024 for select to authenticated using (true);
comment on table public.events_2024 is 'Last year';
grant select on public.events_2024 to anon;
create table public.events_2023 (payload jsonb, kind text, at date not null, id bigint not null,
  constraint events_2023_positive check (id > 0));
alter table public.events attach partition public.events_2023 for values from ('2023-01-01') to ('2024-01-01');

create view public.room_counts as select room, count(*) as n from public.messages group by room;
comment on column public.room_counts.n is 'Messages per room';

create table app_private.audit (id bigint generated by default as identity primary key, what text);
comment on table app_private.audit is 'Written by triggers';

create function public.log_message() returns trigger language plpgsql security definer set search_path = ''
as $$ begin insert into app_private.audit (what) values ('message ' || new.id); return new; end $$;
comment on function public.log_message() is 'Audits new messages';
create trigger messages_audit after insert on public.messages for each row execute function public.log_message();
comment on trigger messages_audit on public.messages is 'Audit trail';

-- a webhook made in Studio, and one on a Supabase-owned table (kept as SQL, run as admin)
create trigger message_sent after insert on public.messages for each row
  execute function supabase_functions.http_request(
    'https://api.example.com/hooks/message', 'POST', '{"Content-type":"application/json"}', '{}', '5000');
create trigger avatar_uploaded after insert on storage.objects for each row
  execute function supabase_functions.http_request(
    'https://api.example.com/hooks/avatar', 'POST', '{"Content-type":"application/json"}', '{}', '5000');
