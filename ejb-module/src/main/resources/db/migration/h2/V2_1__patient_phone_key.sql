update patient set phone_key = nullif(regexp_replace(phone, '[^0-9]', ''), '') where phone is not null;
create index patient_phone_key_ix on patient (phone_key);
