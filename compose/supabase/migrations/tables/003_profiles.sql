-- One profile per auth user, created by the handle_new_user trigger (functions/, triggers/).
create table public.profiles (
    id          uuid primary key references auth.users (id) on delete cascade,
    username    text unique check (username is null or length(username) between 3 and 40),
    full_name   text,
    avatar_url  text,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);

alter table public.profiles enable row level security;

create policy "profiles are readable by signed-in users"
    on public.profiles for select
    to authenticated
    using (true);

create policy "users update their own profile"
    on public.profiles for update
    to authenticated
    using ((select auth.uid()) = id)
    with check ((select auth.uid()) = id);
