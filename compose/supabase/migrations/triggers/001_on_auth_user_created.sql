-- migrator:as-admin
-- auth.users belongs to GoTrue's role (supabase_auth_admin); on Supabase, postgres may not add triggers to it, so this
-- file runs as the admin user. The function it calls (functions/001) is owned by postgres.
drop trigger if exists on_auth_user_created on auth.users;

create trigger on_auth_user_created
    after insert on auth.users
    for each row execute function public.handle_new_user();
