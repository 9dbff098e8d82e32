-- PostgreSQL: word search over ICD-10-CM and allergen descriptions (search_key like '% word%' for each typed word)
-- served by trigram indexes; code-prefix search (code_key like 'E11%') by a pattern index, since the unique index
-- does not serve LIKE under a non-C collation. pg_trgm is created by V1_1 (a trusted extension the owner may create).
create extension if not exists pg_trgm;
create index icd10cm_code_search_trgm_ix on icd10cm_code using gin (search_key gin_trgm_ops);
create index icd10cm_code_key_pattern_ix on icd10cm_code (code_key varchar_pattern_ops);
create index allergen_search_trgm_ix on allergen using gin (search_key gin_trgm_ops);
