-- Creates the profile of a new auth user. SECURITY DEFINER: it runs as its owner (postgres), because the trigger fires
-- as GoTrue's role, which may not write public.profiles. An empty search_path keeps it from being hijacked.
create or replace function public.handle_new_user()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
    insert into public.profiles (id, full_name, avatar_url)
    values (
        new.id,
        new.raw_user_meta_data ->> 'full_name',
        new.raw_user_meta_data ->> 'avatar_url'
    );
    return new;
end;
$$;

revoke execute on function public.handle_new_user() from public, anon, authenticated;
