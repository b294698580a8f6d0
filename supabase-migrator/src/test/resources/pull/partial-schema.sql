-- What pull cannot carry over: an inherited table, a role of the app's own with privileges and default privileges,
-- a range type, an aggregate, a collation.
create role reporting nologin;
create table public.animals (id integer primary key, name text);
create table public.dogs (good boolean) inherits (public.animals);
grant select on public.animals to reporting;
alter default privileges in schema public grant select on tables to reporting;
create type public.float_range as range (subtype = float8);
create aggregate public.concat_all(text) (sfunc = textcat, stype = text);
create collation public.c_copy from "C";
create table public.plain (id integer primary key);
