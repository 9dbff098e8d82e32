-- Electronic health record: who may see a chart (care team, staff units, break-the-glass grants, restricted
-- records), and what is recorded in it: vital signs, problems and diagnoses, allergies (and "no known allergies"),
-- the medication list, clinical notes with every signed version, and orders with their status history.
-- Nothing clinical is ever deleted: corrections are new versions, mistakes are "entered in error" with a reason.

-- A restricted record (VIP, staff member, sensitive) needs break-the-glass even for the care team; only the
-- attending of a current encounter reads it without one.
alter table patient add column restriction varchar(20);
alter table patient add constraint patient_restriction_ck check (restriction is null
    or restriction in ('VIP', 'STAFF', 'SENSITIVE'));

-- The departments and wards a member of staff works in: they see the patients of those units.
create sequence staff_unit_seq start with 1 increment by 50;
create table staff_unit (
    id         bigint       not null primary key,
    user_name  varchar(100) not null,
    unit_kind  varchar(20)  not null,
    unit       varchar(80)  not null,
    version    bigint       not null,
    created_at timestamp(6) with time zone not null,
    created_by varchar(100) not null,
    updated_at timestamp(6) with time zone not null,
    updated_by varchar(100) not null,
    constraint staff_unit_uk unique (user_name, unit_kind, unit),
    constraint staff_unit_kind_ck check (unit_kind in ('DEPARTMENT', 'WARD'))
);

-- The care team of a patient: named clinicians beyond the attending of the encounter.
create sequence care_team_member_seq start with 1 increment by 50;
create table care_team_member (
    id          bigint       not null primary key,
    patient_id  bigint       not null references patient (id),
    user_name   varchar(100) not null,
    team_role   varchar(80)  not null,
    started_at  timestamp(6) with time zone not null,
    ended_at    timestamp(6) with time zone,
    version     bigint       not null,
    created_at  timestamp(6) with time zone not null,
    created_by  varchar(100) not null,
    updated_at  timestamp(6) with time zone not null,
    updated_by  varchar(100) not null
);
create index care_team_member_ix on care_team_member (patient_id, user_name);

-- Break-the-glass: access outside a care relationship, with a reason, for a limited time, reviewed afterwards
-- by the privacy officer.
create sequence access_grant_seq start with 1 increment by 50;
create table access_grant (
    id            bigint        not null primary key,
    patient_id    bigint        not null references patient (id),
    user_name     varchar(100)  not null,
    reason        varchar(500)  not null,
    granted_at    timestamp(6) with time zone not null,
    expires_at    timestamp(6) with time zone not null,
    review_status varchar(20)   not null,
    reviewed_by   varchar(100),
    reviewed_at   timestamp(6) with time zone,
    review_note   varchar(500),
    version       bigint        not null,
    created_at    timestamp(6) with time zone not null,
    created_by    varchar(100)  not null,
    updated_at    timestamp(6) with time zone not null,
    updated_by    varchar(100)  not null,
    constraint access_grant_time_ck check (expires_at > granted_at),
    constraint access_grant_review_ck check (review_status in ('PENDING', 'APPROPRIATE', 'INAPPROPRIATE')),
    constraint access_grant_reviewed_ck check ((review_status = 'PENDING') = (reviewed_at is null))
);
create index access_grant_user_ix on access_grant (patient_id, user_name, expires_at);
create index access_grant_review_ix on access_grant (review_status, granted_at);

-- Observations: vital signs, one row each (blood pressure one row with systolic and diastolic, as FHIR has it),
-- recorded together in a panel (one set of observations).
create sequence observation_seq start with 1 increment by 50;
create table observation (
    id            bigint        not null primary key,
    patient_id    bigint        not null references patient (id),
    encounter_id  bigint        not null references encounter (id),
    panel_id      bigint        not null,
    kind          varchar(20)   not null,
    code          varchar(20)   not null,
    value_number  numeric(7, 2) not null,
    value_second  numeric(7, 2),
    unit          varchar(20)   not null,
    derived       boolean       not null,
    effective_at  timestamp(6) with time zone not null,
    status        varchar(20)   not null,
    error_reason  varchar(300),
    version       bigint        not null,
    created_at    timestamp(6) with time zone not null,
    created_by    varchar(100)  not null,
    updated_at    timestamp(6) with time zone not null,
    updated_by    varchar(100)  not null,
    constraint observation_kind_ck check (kind in ('TEMPERATURE', 'PULSE', 'RESPIRATION', 'BLOOD_PRESSURE', 'SPO2',
        'WEIGHT', 'HEIGHT', 'BMI', 'PAIN')),
    constraint observation_status_ck check (status in ('FINAL', 'ENTERED_IN_ERROR')),
    constraint observation_error_ck check ((status = 'ENTERED_IN_ERROR') = (error_reason is not null))
);
create index observation_patient_ix on observation (patient_id, kind, effective_at);
create index observation_encounter_ix on observation (encounter_id);

-- Problems (the patient's problem list) and diagnoses (of an encounter), coded: ICD-10-CM for what is entered
-- here, SNOMED CT kept as such for imported data (with its ICD-10-CM map where one is known).
create sequence clinical_condition_seq start with 1 increment by 50;
create table clinical_condition (
    id                  bigint        not null primary key,
    patient_id          bigint        not null references patient (id),
    encounter_id        bigint        references encounter (id),
    category            varchar(20)   not null,
    code_system         varchar(100)  not null,
    code                varchar(20)   not null,
    display             varchar(400)  not null,
    mapped_code         varchar(20),
    onset_date          date,
    abatement_date      date,
    clinical_status     varchar(20)   not null,
    verification        varchar(20)   not null,
    diagnosis_rank      varchar(20),
    -- the encounter while this is its primary diagnosis: one primary diagnosis per encounter
    primary_encounter_id bigint       unique,
    note                varchar(1000),
    error_reason        varchar(300),
    version             bigint        not null,
    created_at          timestamp(6) with time zone not null,
    created_by          varchar(100)  not null,
    updated_at          timestamp(6) with time zone not null,
    updated_by          varchar(100)  not null,
    constraint clinical_condition_category_ck check (category in ('PROBLEM', 'DIAGNOSIS')),
    constraint clinical_condition_status_ck check (clinical_status in ('ACTIVE', 'RECURRENCE', 'RELAPSE',
        'INACTIVE', 'REMISSION', 'RESOLVED')),
    constraint clinical_condition_verification_ck check (verification in ('UNCONFIRMED', 'PROVISIONAL',
        'DIFFERENTIAL', 'CONFIRMED', 'REFUTED', 'ENTERED_IN_ERROR')),
    constraint clinical_condition_rank_ck check (diagnosis_rank is null
        or diagnosis_rank in ('PRIMARY', 'SECONDARY')),
    constraint clinical_condition_diagnosis_ck check (category = 'PROBLEM'
        or (encounter_id is not null and diagnosis_rank is not null)),
    constraint clinical_condition_primary_ck check (primary_encounter_id is null
        or (primary_encounter_id = encounter_id and diagnosis_rank = 'PRIMARY')),
    constraint clinical_condition_error_ck check ((verification = 'ENTERED_IN_ERROR') = (error_reason is not null)),
    constraint clinical_condition_dates_ck check (abatement_date is null or onset_date is null
        or abatement_date >= onset_date)
);
create index clinical_condition_patient_ix on clinical_condition (patient_id, category);
create index clinical_condition_encounter_ix on clinical_condition (encounter_id);

-- Allergies and intolerances, and the assessments "no known allergies" / "allergies reviewed" (latest wins).
create sequence allergy_seq start with 1 increment by 50;
create table allergy (
    id              bigint        not null primary key,
    patient_id      bigint        not null references patient (id),
    encounter_id    bigint        references encounter (id),
    allergen_system varchar(100)  not null,
    allergen_code   varchar(40)   not null,
    allergen        varchar(200)  not null,
    category        varchar(20)   not null,
    allergy_type    varchar(20)   not null,
    reaction        varchar(300),
    severity        varchar(20),
    clinical_status varchar(20)   not null,
    verification    varchar(20)   not null,
    onset_date      date,
    note            varchar(1000),
    error_reason    varchar(300),
    version         bigint        not null,
    created_at      timestamp(6) with time zone not null,
    created_by      varchar(100)  not null,
    updated_at      timestamp(6) with time zone not null,
    updated_by      varchar(100)  not null,
    constraint allergy_category_ck check (category in ('MEDICATION', 'FOOD', 'ENVIRONMENT', 'BIOLOGIC')),
    constraint allergy_type_ck check (allergy_type in ('ALLERGY', 'INTOLERANCE')),
    constraint allergy_severity_ck check (severity is null or severity in ('MILD', 'MODERATE', 'SEVERE')),
    constraint allergy_status_ck check (clinical_status in ('ACTIVE', 'INACTIVE', 'RESOLVED')),
    constraint allergy_verification_ck check (verification in ('UNCONFIRMED', 'CONFIRMED', 'REFUTED',
        'ENTERED_IN_ERROR')),
    constraint allergy_error_ck check ((verification = 'ENTERED_IN_ERROR') = (error_reason is not null))
);
create index allergy_patient_ix on allergy (patient_id);

create sequence allergy_assessment_seq start with 1 increment by 50;
create table allergy_assessment (
    id          bigint       not null primary key,
    patient_id  bigint       not null references patient (id),
    assessment  varchar(30)  not null,
    recorded_at timestamp(6) with time zone not null,
    recorded_by varchar(100) not null,
    constraint allergy_assessment_ck check (assessment in ('NO_KNOWN_ALLERGIES', 'ALLERGIES_RECORDED'))
);
create index allergy_assessment_ix on allergy_assessment (patient_id, recorded_at);

-- Orders from the chart (lab, imaging, medication) and every status they went through.
create sequence clinical_order_seq start with 1 increment by 50;
create table clinical_order (
    id            bigint        not null primary key,
    patient_id    bigint        not null references patient (id),
    encounter_id  bigint        not null references encounter (id),
    kind          varchar(20)   not null,
    code_system   varchar(100)  not null,
    code          varchar(40)   not null,
    display       varchar(300)  not null,
    priority      varchar(20)   not null,
    reason        varchar(300),
    instructions  varchar(1000),
    dose          varchar(80),
    route         varchar(40),
    frequency     varchar(80),
    duration_days int,
    status        varchar(20)   not null,
    ordered_by    varchar(100)  not null,
    signed_by     varchar(100),
    signed_at     timestamp(6) with time zone,
    status_reason varchar(300),
    version       bigint        not null,
    created_at    timestamp(6) with time zone not null,
    created_by    varchar(100)  not null,
    updated_at    timestamp(6) with time zone not null,
    updated_by    varchar(100)  not null,
    constraint clinical_order_kind_ck check (kind in ('LAB', 'IMAGING', 'MEDICATION')),
    constraint clinical_order_priority_ck check (priority in ('ROUTINE', 'URGENT', 'STAT')),
    constraint clinical_order_status_ck check (status in ('DRAFT', 'SIGNED', 'IN_PROGRESS', 'COMPLETED',
        'CANCELLED', 'ENTERED_IN_ERROR')),
    -- a draft may be discarded (cancelled) unsigned; anything further along was signed
    constraint clinical_order_signed_ck check (status in ('DRAFT', 'CANCELLED', 'ENTERED_IN_ERROR')
        or signed_at is not null),
    constraint clinical_order_medication_ck check (kind <> 'MEDICATION' or (dose is not null and route is not null
        and frequency is not null)),
    constraint clinical_order_duration_ck check (duration_days is null or duration_days between 1 and 365)
);
create index clinical_order_patient_ix on clinical_order (patient_id, created_at);
create index clinical_order_encounter_ix on clinical_order (encounter_id);
create index clinical_order_status_ix on clinical_order (kind, status);

create sequence order_status_change_seq start with 1 increment by 50;
create table order_status_change (
    id         bigint       not null primary key,
    order_id   bigint       not null references clinical_order (id),
    status     varchar(20)  not null,
    changed_at timestamp(6) with time zone not null,
    changed_by varchar(100) not null,
    note       varchar(300)
);
create index order_status_change_ix on order_status_change (order_id, changed_at);

-- The medication list: what the patient takes, prescribed here (linked to the signed medication order that pharmacy
-- dispenses) or reported (taken at home), and when and why it was stopped.
create sequence medication_seq start with 1 increment by 50;
create table medication (
    id            bigint        not null primary key,
    patient_id    bigint        not null references patient (id),
    order_id      bigint        unique references clinical_order (id),
    code_system   varchar(100),
    code          varchar(40),
    display       varchar(300)  not null,
    dose          varchar(80),
    route         varchar(40),
    frequency     varchar(80),
    source        varchar(20)   not null,
    status        varchar(20)   not null,
    started_on    date          not null,
    stopped_at    timestamp(6) with time zone,
    stopped_by    varchar(100),
    stop_reason   varchar(300),
    version       bigint        not null,
    created_at    timestamp(6) with time zone not null,
    created_by    varchar(100)  not null,
    updated_at    timestamp(6) with time zone not null,
    updated_by    varchar(100)  not null,
    constraint medication_source_ck check (source in ('PRESCRIBED', 'REPORTED')),
    constraint medication_status_ck check (status in ('ACTIVE', 'STOPPED', 'ENTERED_IN_ERROR')),
    constraint medication_stopped_ck check ((status = 'ACTIVE') = (stop_reason is null)),
    constraint medication_prescribed_ck check ((source = 'PRESCRIBED') = (order_id is not null))
);
create index medication_patient_ix on medication (patient_id, status);

-- Clinical notes: a draft is edited in place; signing freezes it as version 1; an addendum adds text, an amendment
-- replaces it — each a new signed version, every version kept.
create sequence clinical_note_seq start with 1 increment by 50;
create table clinical_note (
    id             bigint        not null primary key,
    patient_id     bigint        not null references patient (id),
    encounter_id   bigint        not null references encounter (id),
    template       varchar(30)   not null,
    title          varchar(200)  not null,
    status         varchar(20)   not null,
    author         varchar(100)  not null,
    draft_body     varchar(20000),
    signed_by      varchar(100),
    signed_at      timestamp(6) with time zone,
    error_reason   varchar(300),
    version        bigint        not null,
    created_at     timestamp(6) with time zone not null,
    created_by     varchar(100)  not null,
    updated_at     timestamp(6) with time zone not null,
    updated_by     varchar(100)  not null,
    constraint clinical_note_template_ck check (template in ('SOAP', 'ADMISSION', 'PROGRESS', 'DISCHARGE_SUMMARY')),
    constraint clinical_note_status_ck check (status in ('DRAFT', 'SIGNED', 'AMENDED', 'ENTERED_IN_ERROR')),
    constraint clinical_note_draft_ck check ((status = 'DRAFT') = (draft_body is not null)),
    constraint clinical_note_signed_ck check (status = 'DRAFT' or status = 'ENTERED_IN_ERROR'
        or signed_at is not null),
    constraint clinical_note_error_ck check ((status = 'ENTERED_IN_ERROR') = (error_reason is not null))
);
create index clinical_note_patient_ix on clinical_note (patient_id, created_at);
create index clinical_note_encounter_ix on clinical_note (encounter_id);

create sequence clinical_note_version_seq start with 1 increment by 50;
create table clinical_note_version (
    id          bigint       not null primary key,
    note_id     bigint       not null references clinical_note (id),
    number      int          not null,
    kind        varchar(20)  not null,
    body        varchar(20000) not null,
    reason      varchar(300),
    signed_by   varchar(100) not null,
    signed_at   timestamp(6) with time zone not null,
    constraint clinical_note_version_uk unique (note_id, number),
    constraint clinical_note_version_kind_ck check (kind in ('ORIGINAL', 'ADDENDUM', 'AMENDMENT')),
    constraint clinical_note_version_reason_ck check (kind <> 'AMENDMENT' or reason is not null)
);
