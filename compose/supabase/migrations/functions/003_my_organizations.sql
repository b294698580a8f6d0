-- The caller's organizations and role. SECURITY INVOKER (the default, written out): it runs with the caller's rights,
-- so row level security on organizations and memberships still applies. Callable through PostgREST as
-- /rest/v1/rpc/my_organizations.
create or replace function public.my_organizations()
returns table (id uuid, name text, slug text, role public.membership_role)
language sql
stable
security invoker
set search_path = ''
as $$
    select o.id, o.name, o.slug, m.role
    from public.organizations o
    join public.memberships m on m.organization_id = o.id
    where m.profile_id = (select auth.uid())
    order by o.name;
$$;

grant execute on function public.my_organizations() to authenticated;
