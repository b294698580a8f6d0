-- Keeps updated_at current on every update (used by the triggers in triggers/002_updated_at.sql).
create or replace function public.set_updated_at()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
    new.updated_at := now();
    return new;
end;
$$;
