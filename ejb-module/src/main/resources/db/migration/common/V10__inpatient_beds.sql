-- Patient flow, first part: encounters (the backbone clinical records, orders and charges hang on), and the
-- inpatient side: wards, rooms and beds with their state, admissions and the stays of a patient in a bed.

create sequence encounter_seq start with 1 increment by 50;
create table encounter (
    id           bigint       not null primary key,
    patient_id   bigint       not null references patient (id),
    kind         varchar(20)  not null,
    department   varchar(80)  not null,
    attending    varchar(100),
    status       varchar(20)  not null,
    started_at   timestamp(6) with time zone not null,
    ended_at     timestamp(6) with time zone,
    version      bigint       not null,
    created_at   timestamp(6) with time zone not null,
    created_by   varchar(100) not null,
    updated_at   timestamp(6) with time zone not null,
    updated_by   varchar(100) not null,
    constraint encounter_kind_ck check (kind in ('OUTPATIENT', 'EMERGENCY', 'INPATIENT', 'DAY_CASE')),
    constraint encounter_status_ck check (status in ('PLANNED', 'IN_PROGRESS', 'ON_LEAVE', 'FINISHED', 'CANCELLED')),
    constraint encounter_time_ck check (ended_at is null or ended_at >= started_at)
);
create index encounter_patient_ix on encounter (patient_id, started_at);

create sequence ward_seq start with 1 increment by 50;
create table ward (
    id          bigint       not null primary key,
    code        varchar(20)  not null unique,
    name        varchar(120) not null,
    department  varchar(80)  not null,
    sex_rule    varchar(10),
    min_age     int,
    max_age     int,
    active      boolean      not null,
    version     bigint       not null,
    created_at  timestamp(6) with time zone not null,
    created_by  varchar(100) not null,
    updated_at  timestamp(6) with time zone not null,
    updated_by  varchar(100) not null,
    constraint ward_sex_ck check (sex_rule is null or sex_rule in ('FEMALE', 'MALE')),
    constraint ward_age_ck check (min_age is null or max_age is null or min_age <= max_age)
);

create table bed (
    id          bigint       not null primary key,
    ward_id     bigint       not null references ward (id),
    room        varchar(20)  not null,
    label       varchar(20)  not null,
    kind        varchar(20)  not null,
    status      varchar(20)  not null,
    note        varchar(300),
    version     bigint       not null,
    created_at  timestamp(6) with time zone not null,
    created_by  varchar(100) not null,
    updated_at  timestamp(6) with time zone not null,
    updated_by  varchar(100) not null,
    constraint bed_label_uk unique (ward_id, room, label),
    constraint bed_kind_ck check (kind in ('GENERAL', 'ICU', 'ISOLATION', 'PAEDIATRIC', 'MATERNITY')),
    constraint bed_status_ck check (status in ('FREE', 'RESERVED', 'OCCUPIED', 'NEEDS_CLEANING', 'BLOCKED'))
);

create table admission (
    id            bigint       not null primary key,
    encounter_id  bigint       not null unique references encounter (id),
    patient_id    bigint       not null references patient (id),
    source        varchar(20)  not null,
    status        varchar(20)  not null,
    reason        varchar(300) not null,
    admitted_at   timestamp(6) with time zone,
    discharged_at timestamp(6) with time zone,
    disposition   varchar(30),
    -- the patient while the admission is open (null once it ends): unique, so a patient is never admitted twice
    open_patient_id bigint unique,
    version       bigint       not null,
    created_at    timestamp(6) with time zone not null,
    created_by    varchar(100) not null,
    updated_at    timestamp(6) with time zone not null,
    updated_by    varchar(100) not null,
    constraint admission_source_ck check (source in ('EMERGENCY', 'OUTPATIENT', 'DIRECT', 'ELECTIVE')),
    constraint admission_status_ck check (status in ('ADMITTED', 'ON_LEAVE', 'DISCHARGED', 'CANCELLED')),
    constraint admission_open_ck check ((status in ('ADMITTED', 'ON_LEAVE')) = (open_patient_id is not null))
);
create index admission_patient_ix on admission (patient_id);

-- A patient in a bed from a time to a time. While a stay is current its bed and patient are repeated in
-- columns that are unique: the database refuses a second patient in a bed and a second bed for a patient.
create table bed_stay (
    id                 bigint       not null primary key,
    admission_id       bigint       not null references admission (id),
    bed_id             bigint       not null references bed (id),
    patient_id         bigint       not null references patient (id),
    started_at         timestamp(6) with time zone not null,
    ended_at           timestamp(6) with time zone,
    current_bed_id     bigint unique,
    current_patient_id bigint unique,
    constraint bed_stay_current_ck check ((ended_at is null) = (current_bed_id is not null)
        and (ended_at is null) = (current_patient_id is not null)
        and (current_bed_id is null or current_bed_id = bed_id)
        and (current_patient_id is null or current_patient_id = patient_id))
);
create index bed_stay_admission_ix on bed_stay (admission_id, started_at);
