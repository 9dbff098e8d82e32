-- Emergency quick registration: unidentified patients with an estimated date of birth.
alter table patient add column unidentified boolean default false not null;
alter table patient add column birth_date_estimated boolean default false not null;
