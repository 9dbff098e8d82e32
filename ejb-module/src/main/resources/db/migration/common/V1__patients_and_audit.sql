-- Patients (registration) and the audit trail. Portable SQL for PostgreSQL and H2;
-- vendor-only parts (trigram indexes) live in db/migration/<vendor>.

create sequence patient_seq start with 1 increment by 50;
create sequence patient_identifier_seq start with 1 increment by 50;
create sequence mrn_seq start with 1000000 increment by 1;
create sequence audit_event_seq start with 1 increment by 50;

create table patient (
    id                  bigint       not null primary key,
    mrn                 varchar(20)  not null,
    family_name         varchar(100) not null,
    given_name          varchar(100) not null,
    middle_name         varchar(100),
    name_key            varchar(310) not null,
    sex                 varchar(10)  not null,
    birth_date          date         not null,
    address_line1       varchar(120),
    address_line2       varchar(120),
    address_city        varchar(80),
    address_state       varchar(80),
    address_postal_code varchar(20),
    address_country     varchar(80),
    phone               varchar(25),
    email               varchar(120),
    kin_name            varchar(120),
    kin_relationship    varchar(40),
    kin_phone           varchar(25),
    version             bigint       not null,
    created_at          timestamp(6) with time zone not null,
    created_by          varchar(100) not null,
    updated_at          timestamp(6) with time zone not null,
    updated_by          varchar(100) not null,
    constraint patient_mrn_uk unique (mrn),
    constraint patient_sex_ck check (sex in ('FEMALE', 'MALE', 'OTHER', 'UNKNOWN'))
);
create index patient_birth_date_ix on patient (birth_date);
create index patient_family_name_ix on patient (family_name, given_name);

create table patient_identifier (
    id         bigint      not null primary key,
    patient_id bigint      not null references patient (id),
    id_type    varchar(30) not null,
    id_value   varchar(40) not null,
    constraint patient_identifier_uk unique (id_type, id_value)
);
create index patient_identifier_patient_ix on patient_identifier (patient_id);

-- Audit: events are only ever inserted. The sealer links them into a hash chain in blocks.
create table audit_event (
    id             bigint       not null primary key,
    occurred_at    timestamp(6) with time zone not null,
    node           varchar(100) not null,
    user_name      varchar(100) not null,
    user_roles     varchar(300),
    triggered_by   varchar(100),
    action         varchar(20)  not null,
    resource_type  varchar(60)  not null,
    resource_id    varchar(100),
    patient_id     bigint,
    channel        varchar(20),
    source_address varchar(100),
    client_id      varchar(100),
    outcome        varchar(10)  not null,
    detail         varchar(500),
    request_id     varchar(40),
    content_hash   varchar(64)  not null
);
create index audit_event_occurred_ix on audit_event (occurred_at);
create index audit_event_patient_ix on audit_event (patient_id, occurred_at);
create index audit_event_user_ix on audit_event (user_name, occurred_at);

create table audit_block (
    block_no       bigint       not null primary key,
    first_position bigint       not null,
    last_position  bigint       not null,
    previous_hash  varchar(64)  not null,
    block_hash     varchar(64)  not null,
    sealed_at      timestamp(6) with time zone not null,
    node           varchar(100) not null
);

-- no foreign key to audit_event on purpose: the verification must be able to see a deleted event
create table audit_seal (
    event_id       bigint      not null primary key,
    block_no       bigint      not null,
    chain_position bigint      not null,
    link           varchar(64) not null,
    constraint audit_seal_position_uk unique (chain_position)
);
create index audit_seal_block_ix on audit_seal (block_no, chain_position);

create table audit_chain_head (
    id            integer     not null primary key,
    last_block_no bigint      not null,
    last_position bigint      not null,
    last_link     varchar(64) not null
);
insert into audit_chain_head (id, last_block_no, last_position, last_link)
values (1, 0, 0, '0000000000000000000000000000000000000000000000000000000000000000');
