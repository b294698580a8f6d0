create trigger profiles_set_updated_at
    before update on public.profiles
    for each row execute function public.set_updated_at();

create trigger organizations_set_updated_at
    before update on public.organizations
    for each row execute function public.set_updated_at();
