-- Code sets the health record validates against (see docs/code-sets.md): ICD-10-CM, the allergen list and the
-- SNOMED CT -> ICD-10-CM map. Reference data, not patient data. The curated subsets shipped with the product are
-- loaded by the Java migration 17.2 (org.asclepius.hms.clinical.coding.LoadCodeSets); a hospital loads the full
-- official ICD-10-CM set from the CMS files on the Code sets screen.

-- Which version of each code set is loaded, from where, when and by whom. A load locks its row, so two loads of
-- the same code set never run at once.
create table code_set (
    name        varchar(30)  not null,
    version     varchar(40)  not null,
    source      varchar(300) not null,
    loaded_at   timestamp(6) with time zone not null,
    loaded_by   varchar(100) not null,
    constraint code_set_pk primary key (name)
);

-- Every load of a code set file and what it changed.
create sequence code_set_load_seq start with 1 increment by 50;
create table code_set_load (
    id           bigint       not null,
    code_set     varchar(30)  not null references code_set (name),
    version      varchar(40)  not null,
    file_name    varchar(300) not null,
    file_format  varchar(10)  not null,
    codes        int          not null,
    added        int          not null,
    updated      int          not null,
    reactivated  int          not null,
    deactivated  int          not null,
    unchanged    int          not null,
    millis       bigint       not null,
    loaded_at    timestamp(6) with time zone not null,
    loaded_by    varchar(100) not null,
    constraint code_set_load_pk primary key (id)
);
create index code_set_load_set_ix on code_set_load (code_set, loaded_at);

-- ICD-10-CM: the code in its dotted form (E11.9) as FHIR and clinicians write it, and undotted (E119) as the CMS
-- files do and as code searches compare it. Codes are never deleted: a code a newer load no longer lists becomes
-- inactive, because diagnoses recorded with it refer to it. search_key is the description in lower case, words
-- separated by single spaces, with a space before and after, so that a typed word matches the start of a word.
create table icd10cm_code (
    code        varchar(8)   not null,
    code_key    varchar(7)   not null,
    display     varchar(400) not null,
    search_key  varchar(420) not null,
    billable    boolean      not null,
    active      boolean      not null,
    version     varchar(40)  not null,
    changed_at  timestamp(6) with time zone not null,
    constraint icd10cm_code_pk primary key (code),
    constraint icd10cm_code_key_uk unique (code_key),
    constraint icd10cm_code_key_ck check (code = code_key or code = substring(code_key, 1, 3) || '.' || substring(code_key, 4))
);

-- Allergens: drug ingredients coded in RxNorm; foods, environmental substances, drug classes and biologics in the
-- hospital's own list (system urn:asclepius:allergen), with the SNOMED CT substance code where one is known.
create table allergen (
    system      varchar(100) not null,
    code        varchar(64)  not null,
    display     varchar(200) not null,
    category    varchar(12)  not null,
    snomed_code varchar(20),
    search_key  varchar(220) not null,
    active      boolean      not null,
    constraint allergen_pk primary key (system, code),
    constraint allergen_category_ck check (category in ('DRUG', 'FOOD', 'ENVIRONMENT', 'BIOLOGIC'))
);
create index allergen_category_ix on allergen (category, display);

-- SNOMED CT (e.g. Synthea's conditions) -> ICD-10-CM, curated where the mapping is clear; the target must exist.
create table snomed_icd10cm_map (
    snomed_code    varchar(20)  not null,
    snomed_display varchar(300) not null,
    icd10cm_code   varchar(8)   not null references icd10cm_code (code),
    note           varchar(300),
    constraint snomed_icd10cm_map_pk primary key (snomed_code)
);
