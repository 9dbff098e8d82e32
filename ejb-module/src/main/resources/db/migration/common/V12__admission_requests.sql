-- Patient flow, inpatient: admission requests a bed manager fulfils (urgent ones from emergency or clinic, elective
-- ones planned ahead as pre-admissions with a PLANNED encounter and perhaps a reserved bed), leave of absence,
-- discharge summary, cancellation of an admission, a transfer or a discharge entered in error, and the history of
-- what happened to each admission.

alter table admission add column discharge_summary varchar(4000);
alter table admission add column leave_until timestamp(6) with time zone;
alter table admission add column request_id bigint;

-- a stay entered in error (a cancelled transfer or admission): kept for the record, never counted
alter table bed_stay add column cancelled boolean default false not null;

create sequence admission_request_seq start with 1 increment by 50;
create table admission_request (
    id              bigint       not null primary key,
    patient_id      bigint       not null references patient (id),
    -- elective pre-admission: the PLANNED inpatient encounter other systems heard about (ADT A05)
    encounter_id    bigint       unique references encounter (id),
    source          varchar(20)  not null,
    priority        varchar(20)  not null,
    reason          varchar(300) not null,
    ward_id         bigint       references ward (id),
    bed_kind        varchar(20),
    attending       varchar(100),
    planned_for     date,
    status          varchar(20)  not null,
    -- a bed held for this request while it waits: unique, so a bed is never reserved twice
    reserved_bed_id bigint       unique references bed (id),
    admission_id    bigint       references admission (id),
    closed_reason   varchar(300),
    -- the patient while the request waits: one waiting request per patient
    open_patient_id bigint       unique,
    version         bigint       not null,
    created_at      timestamp(6) with time zone not null,
    created_by      varchar(100) not null,
    updated_at      timestamp(6) with time zone not null,
    updated_by      varchar(100) not null,
    constraint admission_request_source_ck check (source in ('EMERGENCY', 'OUTPATIENT', 'DIRECT', 'ELECTIVE')),
    constraint admission_request_priority_ck check (priority in ('EMERGENCY', 'URGENT', 'ROUTINE')),
    constraint admission_request_status_ck check (status in ('WAITING', 'FULFILLED', 'CANCELLED')),
    constraint admission_request_open_ck check ((status = 'WAITING') = (open_patient_id is not null)),
    constraint admission_request_reserved_ck check (status = 'WAITING' or reserved_bed_id is null),
    constraint admission_request_kind_ck check (bed_kind is null
        or bed_kind in ('GENERAL', 'ICU', 'ISOLATION', 'PAEDIATRIC', 'MATERNITY'))
);
create index admission_request_status_ix on admission_request (status, priority, created_at);
create index admission_request_patient_ix on admission_request (patient_id);
alter table admission add constraint admission_request_fk foreign key (request_id) references admission_request (id);

create table admission_event (
    id           bigint       not null primary key,
    admission_id bigint       not null references admission (id),
    kind         varchar(30)  not null,
    occurred_at  timestamp(6) with time zone not null,
    user_name    varchar(100) not null,
    bed          varchar(70),
    detail       varchar(300),
    constraint admission_event_kind_ck check (kind in ('ADMITTED', 'TRANSFERRED', 'LEAVE_STARTED', 'LEAVE_ENDED',
        'DISCHARGED', 'ADMISSION_CANCELLED', 'TRANSFER_CANCELLED', 'DISCHARGE_CANCELLED'))
);
create index admission_event_admission_ix on admission_event (admission_id, occurred_at);
