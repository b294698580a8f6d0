-- Demo data for a fresh local stack; safe to run on an existing database.
insert into public.organizations (name, slug)
values ('Demo organization', 'demo')
on conflict (slug) do nothing;
