-- Patient flow, outpatient and emergency: the visit of an outpatient or emergency encounter moving through its
-- stages (arrived, triaged and waiting, in consultation, seen, checked out; or cancelled), with the appointment it
-- came from, the chief complaint, the acuity (ESI 1-5), the triage observations and their NEWS2 score; and the
-- history of its stages (who, when) from which waiting times are figured.

create sequence visit_seq start with 1 increment by 50;
create table visit (
    id               bigint       not null primary key,
    encounter_id     bigint       not null unique references encounter (id),
    -- a booked appointment is checked in once: one visit at most per appointment
    appointment_id   bigint       unique references appointment (id),
    stage            varchar(20)  not null,
    arrived_at       timestamp(6) with time zone not null,
    stage_changed_at timestamp(6) with time zone not null,
    chief_complaint  varchar(300),
    acuity           int,
    respiration_rate int,
    spo2             int,
    spo2_scale2      boolean,
    on_oxygen        boolean,
    systolic_bp      int,
    pulse            int,
    consciousness    varchar(20),
    temperature      numeric(4, 1),
    news2_score      int,
    news2_risk       varchar(20),
    triaged_at       timestamp(6) with time zone,
    triaged_by       varchar(100),
    cancel_reason    varchar(300),
    version          bigint       not null,
    created_at       timestamp(6) with time zone not null,
    created_by       varchar(100) not null,
    updated_at       timestamp(6) with time zone not null,
    updated_by       varchar(100) not null,
    constraint visit_stage_ck check (stage in ('ARRIVED', 'WAITING', 'IN_CONSULTATION', 'SEEN', 'CHECKED_OUT',
        'CANCELLED')),
    constraint visit_acuity_ck check (acuity is null or acuity between 1 and 5),
    constraint visit_news2_ck check (news2_score is null or news2_score between 0 and 20),
    constraint visit_risk_ck check (news2_risk is null or news2_risk in ('LOW', 'LOW_MEDIUM', 'MEDIUM', 'HIGH')),
    constraint visit_consciousness_ck check (consciousness is null
        or consciousness in ('ALERT', 'CONFUSION', 'VOICE', 'PAIN', 'UNRESPONSIVE')),
    constraint visit_vitals_ck check (respiration_rate is null or respiration_rate between 4 and 60),
    constraint visit_spo2_ck check (spo2 is null or spo2 between 50 and 100),
    constraint visit_bp_ck check (systolic_bp is null or systolic_bp between 50 and 260),
    constraint visit_pulse_ck check (pulse is null or pulse between 20 and 250),
    constraint visit_temperature_ck check (temperature is null or temperature between 30 and 45),
    constraint visit_cancel_ck check ((stage = 'CANCELLED') = (cancel_reason is not null))
);
create index visit_stage_ix on visit (stage, arrived_at);
create index encounter_department_ix on encounter (department, status);

create table visit_stage_change (
    id          bigint       not null primary key,
    visit_id    bigint       not null references visit (id),
    stage       varchar(20)  not null,
    changed_at  timestamp(6) with time zone not null,
    changed_by  varchar(100) not null,
    note        varchar(300)
);
create index visit_stage_change_ix on visit_stage_change (visit_id, changed_at);
