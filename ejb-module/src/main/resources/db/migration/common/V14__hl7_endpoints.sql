-- HL7 v2 ADT feed: the systems that hear about admissions, transfers, discharges, demographics and merges
-- (MLLP endpoints), the control ids of the messages sent to them, and the index the outbox uses to keep the
-- messages to one endpoint in the order they were written.

create sequence hl7_endpoint_seq start with 1 increment by 50;
create table hl7_endpoint (
    id           bigint       not null primary key,
    name         varchar(20)  not null,
    host         varchar(253) not null,
    port         int          not null,
    active       boolean      not null,
    -- the trigger events it wants, comma-separated (e.g. A01,A02,A03); null for all
    triggers     varchar(200),
    description  varchar(300),
    version      bigint       not null,
    created_at   timestamp(6) with time zone not null,
    created_by   varchar(100) not null,
    updated_at   timestamp(6) with time zone not null,
    updated_by   varchar(100) not null,
    constraint hl7_endpoint_name_uq unique (name),
    constraint hl7_endpoint_port_ck check (port between 1 and 65535)
);

-- MSH-10 of every HL7 message sent: unique across the cluster
create sequence hl7_control_seq start with 1 increment by 1;

-- ordered channels (mllp): the claim looks for an older pending message to the same recipient
create index outbox_message_queue_ix on outbox_message (channel, recipient, status, created_at);
