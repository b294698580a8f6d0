-- Roles a member can hold in an organization.
create type public.membership_role as enum ('owner', 'admin', 'member');
