-- Insurance coverage of a patient (payer, plan, member, subscriber, priority, effective dates).
create sequence coverage_seq start with 1 increment by 50;
create table coverage (
    id              bigint       not null primary key,
    patient_id      bigint       not null references patient (id),
    payer_name      varchar(120) not null,
    plan_name       varchar(120),
    member_id       varchar(40)  not null,
    subscriber_name varchar(120),
    relationship    varchar(10)  not null,
    priority        varchar(10)  not null,
    effective_from  date         not null,
    effective_to    date,
    version         bigint       not null,
    created_at      timestamp(6) with time zone not null,
    created_by      varchar(100) not null,
    updated_at      timestamp(6) with time zone not null,
    updated_by      varchar(100) not null,
    constraint coverage_dates_ck check (effective_to is null or effective_to >= effective_from),
    constraint coverage_relationship_ck check (relationship in ('SELF', 'SPOUSE', 'CHILD', 'OTHER')),
    constraint coverage_priority_ck check (priority in ('PRIMARY', 'SECONDARY', 'TERTIARY'))
);
create index coverage_patient_ix on coverage (patient_id, priority);
