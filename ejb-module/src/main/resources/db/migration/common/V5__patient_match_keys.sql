-- Blocking keys of the patient matcher: candidates for a duplicate check are the patients sharing a key, so a
-- check never compares against the whole index. Maintained on every registration and update.
create table patient_match_key (
    match_key  varchar(120) not null,
    patient_id bigint       not null references patient (id),
    constraint patient_match_key_pk primary key (match_key, patient_id)
);
create index patient_match_key_patient_ix on patient_match_key (patient_id);
