-- Merge and unmerge of patient records. The retired record stays (it resolves to the survivor); every row
-- that pointed at it was re-pointed, and patient_merge_change lists those rows so that an unmerge puts back
-- exactly what the merge moved.
alter table patient add column merged_into bigint references patient (id);
create index patient_merged_into_ix on patient (merged_into);
-- the retired patient an identifier came from in a merge (provenance; null for the patient's own)
alter table patient_identifier add column merged_from bigint;

create sequence patient_merge_seq start with 1 increment by 50;
create table patient_merge (
    id          bigint       not null primary key,
    survivor_id bigint       not null references patient (id),
    retired_id  bigint       not null references patient (id),
    reason      varchar(300) not null,
    review_id   bigint,
    merged_at   timestamp(6) with time zone not null,
    merged_by   varchar(100) not null,
    undone_at   timestamp(6) with time zone,
    undone_by   varchar(100),
    undo_reason varchar(300),
    constraint patient_merge_distinct_ck check (survivor_id <> retired_id)
);
create index patient_merge_retired_ix on patient_merge (retired_id, merged_at);
create index patient_merge_survivor_ix on patient_merge (survivor_id, merged_at);

create table patient_merge_change (
    merge_id       bigint       not null references patient_merge (id),
    entity_name    varchar(100) not null,
    attribute_name varchar(100) not null,
    row_id         varchar(100) not null,
    old_value      varchar(100),
    constraint patient_merge_change_pk primary key (merge_id, entity_name, attribute_name, row_id)
);
