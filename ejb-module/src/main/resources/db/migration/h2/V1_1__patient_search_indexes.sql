-- H2 (embedded default): no trigram indexes; name search uses the plain index on name_key.
create index patient_name_key_ix on patient (name_key);
