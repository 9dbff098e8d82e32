update patient set phone_key = nullif(regexp_replace(phone, '[^0-9]', '', 'g'), '') where phone is not null;
-- phone searches match the last digits (like '%digits'): a trigram index serves that
create index patient_phone_key_trgm_ix on patient using gin (phone_key gin_trgm_ops);
create index patient_upper_postal_code_ix on patient (upper(address_postal_code));
