-- Organizations: the tenants of the app. Policies that look at memberships come with that table (004).
create table public.organizations (
    id          uuid primary key default gen_random_uuid(),
    name        text not null check (length(name) between 1 and 200),
    slug        text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]*$'),
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);

alter table public.organizations enable row level security;

comment on table public.organizations is 'Tenants; members see their own (see memberships).';
