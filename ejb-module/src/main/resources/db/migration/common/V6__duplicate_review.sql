-- The review worklist of the duplicate-patient-finder job: each pair once (lower id first).
create sequence duplicate_review_seq start with 1 increment by 50;
create table duplicate_review (
    id               bigint       not null primary key,
    patient_a        bigint       not null references patient (id),
    patient_b        bigint       not null references patient (id),
    score            double precision not null,
    grade            varchar(15)  not null,
    status           varchar(15)  not null,
    found_at         timestamp(6) with time zone not null,
    job_execution_id bigint,
    constraint duplicate_review_pair_uk unique (patient_a, patient_b),
    constraint duplicate_review_order_ck check (patient_a < patient_b),
    constraint duplicate_review_status_ck check (status in ('OPEN', 'SAME_PERSON', 'DIFFERENT'))
);
create index duplicate_review_status_ix on duplicate_review (status, score);
