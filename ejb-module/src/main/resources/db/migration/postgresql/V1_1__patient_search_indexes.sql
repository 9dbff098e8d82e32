-- PostgreSQL: trigram index for name search in any order and partial names.
-- pg_trgm is a trusted extension: the database owner may create it.
create extension if not exists pg_trgm;
create index patient_name_key_trgm_ix on patient using gin (name_key gin_trgm_ops);
