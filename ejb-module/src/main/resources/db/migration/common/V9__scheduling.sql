-- Scheduling: resources (providers, rooms, equipment) with working hours and exceptions, services, slots derived
-- from them, appointments holding slots, recurring series, the waitlist; the outbox for messages to patients.

create sequence schedule_seq start with 1 increment by 50;

-- A bookable resource: a provider (a member of staff), a room or a piece of equipment.
create table schedulable_resource (
    id             bigint       not null primary key,
    kind           varchar(20)  not null,
    name           varchar(120) not null,
    department     varchar(80)  not null,
    staff_username varchar(100),
    slot_minutes   int          not null,
    active         boolean      not null,
    version        bigint       not null,
    created_at     timestamp(6) with time zone not null,
    created_by     varchar(100) not null,
    updated_at     timestamp(6) with time zone not null,
    updated_by     varchar(100) not null,
    constraint schedulable_resource_kind_ck check (kind in ('PROVIDER', 'ROOM', 'EQUIPMENT')),
    constraint schedulable_resource_slot_ck check (slot_minutes between 5 and 240),
    constraint schedulable_resource_name_uk unique (kind, name)
);

-- Weekly working hours in the hospital's local time (several periods a day allowed, e.g. a lunch break).
create table working_hours (
    id          bigint   not null primary key,
    resource_id bigint   not null references schedulable_resource (id),
    weekday     smallint not null,
    start_time  time     not null,
    end_time    time     not null,
    constraint working_hours_weekday_ck check (weekday between 1 and 7),
    constraint working_hours_time_ck check (start_time < end_time)
);
create index working_hours_resource_ix on working_hours (resource_id);

-- Leave, a holiday or blocked time: no booking inside it.
create table schedule_exception (
    id          bigint       not null primary key,
    resource_id bigint       not null references schedulable_resource (id),
    kind        varchar(20)  not null,
    starts_at   timestamp(6) with time zone not null,
    ends_at     timestamp(6) with time zone not null,
    reason      varchar(300) not null,
    created_at  timestamp(6) with time zone not null,
    created_by  varchar(100) not null,
    constraint schedule_exception_kind_ck check (kind in ('LEAVE', 'HOLIDAY', 'BLOCKED')),
    constraint schedule_exception_time_ck check (starts_at < ends_at)
);
create index schedule_exception_resource_ix on schedule_exception (resource_id, starts_at);

-- A service that can be booked: its length, the kinds of resource it needs and its overbooking policy.
create table service_type (
    code             varchar(40)  not null primary key,
    name             varchar(120) not null,
    duration_minutes int          not null,
    required_kinds   varchar(60)  not null,
    max_per_slot     int          not null,
    overbook_policy  varchar(300),
    active           boolean      not null,
    version          bigint       not null,
    created_at       timestamp(6) with time zone not null,
    created_by       varchar(100) not null,
    updated_at       timestamp(6) with time zone not null,
    updated_by       varchar(100) not null,
    constraint service_type_duration_ck check (duration_minutes between 5 and 720),
    constraint service_type_overbook_ck check (max_per_slot between 1 and 10),
    constraint service_type_policy_ck check (max_per_slot = 1 or overbook_policy is not null)
);

-- Which resources offer which service.
create table service_resource (
    service_code varchar(40) not null references service_type (code),
    resource_id  bigint      not null references schedulable_resource (id),
    constraint service_resource_pk primary key (service_code, resource_id)
);
create index service_resource_resource_ix on service_resource (resource_id);

-- Slots are derived from working hours and exceptions (never typed in). A slot holds bookings in lanes: lane 1
-- is the normal booking, lanes above 1 are overbookings a service's policy allows. "booked" counts the lanes taken.
create table slot (
    id          bigint      not null primary key,
    resource_id bigint      not null references schedulable_resource (id),
    starts_at   timestamp(6) with time zone not null,
    ends_at     timestamp(6) with time zone not null,
    status      varchar(20) not null,
    booked      int         not null,
    version     bigint      not null,
    constraint slot_time_ck check (starts_at < ends_at),
    constraint slot_status_ck check (status in ('OPEN', 'BLOCKED')),
    constraint slot_booked_ck check (booked between 0 and 10),
    constraint slot_resource_start_uk unique (resource_id, starts_at)
);
create index slot_start_ix on slot (starts_at);

create table appointment_series (
    id            bigint       not null primary key,
    patient_id    bigint       not null references patient (id),
    service_code  varchar(40)  not null references service_type (code),
    every_weeks   int          not null,
    occurrences   int          not null,
    version       bigint       not null,
    created_at    timestamp(6) with time zone not null,
    created_by    varchar(100) not null,
    updated_at    timestamp(6) with time zone not null,
    updated_by    varchar(100) not null,
    constraint appointment_series_every_ck check (every_weeks between 1 and 12),
    constraint appointment_series_count_ck check (occurrences between 2 and 52)
);

-- An occurrence of a series that was not booked (a holiday, a date the patient cannot come).
create table appointment_series_exception (
    series_id      bigint       not null references appointment_series (id),
    occurrence     int          not null,
    planned_start  timestamp(6) with time zone not null,
    reason         varchar(300) not null,
    constraint appointment_series_exception_pk primary key (series_id, occurrence)
);

create table appointment (
    id               bigint       not null primary key,
    patient_id       bigint       not null references patient (id),
    service_code     varchar(40)  not null references service_type (code),
    starts_at        timestamp(6) with time zone not null,
    ends_at          timestamp(6) with time zone not null,
    status           varchar(20)  not null,
    note             varchar(300),
    cancel_reason    varchar(300),
    overbook_reason  varchar(300),
    overlap_reason   varchar(300),
    series_id        bigint references appointment_series (id),
    occurrence       int,
    offer_expires_at timestamp(6) with time zone,
    version          bigint       not null,
    created_at       timestamp(6) with time zone not null,
    created_by       varchar(100) not null,
    updated_at       timestamp(6) with time zone not null,
    updated_by       varchar(100) not null,
    constraint appointment_time_ck check (starts_at < ends_at),
    constraint appointment_status_ck check (status in ('PROPOSED', 'BOOKED', 'CHECKED_IN', 'CANCELLED', 'NO_SHOW')),
    constraint appointment_cancel_ck check (status <> 'CANCELLED' or cancel_reason is not null)
);
create index appointment_patient_ix on appointment (patient_id, starts_at);
create index appointment_start_ix on appointment (starts_at);
create index appointment_series_ix on appointment (series_id, occurrence);

-- The resources an appointment uses (kept after a cancellation, for its history).
create table appointment_resource (
    appointment_id bigint not null references appointment (id),
    resource_id    bigint not null references schedulable_resource (id),
    constraint appointment_resource_pk primary key (appointment_id, resource_id)
);
create index appointment_resource_resource_ix on appointment_resource (resource_id);

-- The slots an active appointment holds. The database refuses two holds of one lane of a slot, whatever the
-- application does; which lanes a service may use is its overbooking policy.
create table appointment_slot (
    appointment_id bigint not null references appointment (id),
    slot_id        bigint not null references slot (id),
    lane           int    not null,
    constraint appointment_slot_pk primary key (appointment_id, slot_id),
    constraint appointment_slot_lane_uk unique (slot_id, lane),
    constraint appointment_slot_lane_ck check (lane between 1 and 10)
);

create table appointment_status_change (
    id             bigint       not null primary key,
    appointment_id bigint       not null references appointment (id),
    from_status    varchar(20),
    to_status      varchar(20)  not null,
    starts_at      timestamp(6) with time zone not null,
    reason         varchar(300),
    changed_at     timestamp(6) with time zone not null,
    changed_by     varchar(100) not null
);
create index appointment_status_change_ix on appointment_status_change (appointment_id, changed_at);

create table waitlist_entry (
    id                   bigint       not null primary key,
    patient_id           bigint       not null references patient (id),
    service_code         varchar(40)  not null references service_type (code),
    resource_id          bigint references schedulable_resource (id),
    earliest             date         not null,
    latest               date         not null,
    status               varchar(20)  not null,
    note                 varchar(300),
    offer_appointment_id bigint references appointment (id),
    version              bigint       not null,
    created_at           timestamp(6) with time zone not null,
    created_by           varchar(100) not null,
    updated_at           timestamp(6) with time zone not null,
    updated_by           varchar(100) not null,
    constraint waitlist_entry_dates_ck check (earliest <= latest),
    constraint waitlist_entry_status_ck check (status in ('WAITING', 'OFFERED', 'BOOKED', 'REMOVED'))
);
create index waitlist_entry_status_ix on waitlist_entry (status, created_at);

-- A patient who asked not to get appointment reminders (a row per patient record; a merge keeps the opt-out).
create table reminder_opt_out (
    id          bigint       not null primary key,
    patient_id  bigint       not null references patient (id),
    since       timestamp(6) with time zone not null,
    recorded_by varchar(100) not null
);
create index reminder_opt_out_patient_ix on reminder_opt_out (patient_id);

-- Messages to other people and systems, written in the business transaction and delivered by a worker with
-- retry and back-off. DEAD messages are the dead-letter view staff can retry.
create sequence outbox_seq start with 1 increment by 50;
create table outbox_message (
    id              bigint        not null primary key,
    channel         varchar(20)   not null,
    topic           varchar(40)   not null,
    recipient       varchar(200)  not null,
    subject         varchar(200),
    body            varchar(4000) not null,
    patient_id      bigint references patient (id),
    reference       varchar(60),
    status          varchar(20)   not null,
    attempts        int           not null,
    due_at          timestamp(6) with time zone not null,
    next_attempt_at timestamp(6) with time zone not null,
    last_error      varchar(500),
    sent_at         timestamp(6) with time zone,
    version         bigint        not null,
    created_at      timestamp(6) with time zone not null,
    created_by      varchar(100)  not null,
    updated_at      timestamp(6) with time zone not null,
    updated_by      varchar(100)  not null,
    constraint outbox_message_status_ck check (status in ('PENDING', 'SENT', 'DEAD', 'CANCELLED'))
);
create index outbox_message_due_ix on outbox_message (status, next_attempt_at);
create index outbox_message_reference_ix on outbox_message (reference);
