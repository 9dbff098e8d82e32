-- H2 (embedded default): no trigram indexes; code-prefix search uses the unique index on code_key, word search
-- compares search_key row by row (measured in CodeSetIT on the size of the full official set).
create index icd10cm_code_active_ix on icd10cm_code (active, billable);
