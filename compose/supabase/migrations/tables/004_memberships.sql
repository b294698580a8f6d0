-- Who belongs to which organization, with which role.
create table public.memberships (
    organization_id  uuid not null references public.organizations (id) on delete cascade,
    profile_id       uuid not null references public.profiles (id) on delete cascade,
    role             public.membership_role not null default 'member',
    created_at       timestamptz not null default now(),
    primary key (organization_id, profile_id)
);

create index memberships_profile_id_idx on public.memberships (profile_id);

alter table public.memberships enable row level security;

create policy "members see the memberships of their organizations"
    on public.memberships for select
    to authenticated
    using (profile_id = (select auth.uid()));

create policy "members see their organizations"
    on public.organizations for select
    to authenticated
    using (exists (
        select 1 from public.memberships m
        where m.organization_id = organizations.id and m.profile_id = (select auth.uid())
    ));
