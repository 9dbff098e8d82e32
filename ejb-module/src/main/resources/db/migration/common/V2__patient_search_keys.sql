-- Search by phone however it was typed (digits only) and by postal code.
alter table patient add column phone_key varchar(25);
create index patient_postal_code_ix on patient (address_postal_code);
