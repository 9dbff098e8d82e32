-- Patient flow reports: the midnight census of each ward, one row per ward and day, written by the nightly timer
-- (or derived from bed_stay history when a day is missing). The key (census_date, ward_id) makes a second write of
-- the same day and ward impossible, whichever node of a cluster tries it.
create table ward_census (
    census_date    date         not null,
    ward_id        bigint       not null references ward (id),
    -- beds of the ward that existed at the midnight ending the day, and those of them not blocked
    beds           int          not null,
    beds_available int          not null,
    -- patients in a bed of the ward at the midnight ending the day (a patient on leave keeps the bed: counted)
    occupied       int          not null,
    -- movements during the day (hospital local time, 00:00 to 24:00)
    admissions     int          not null,
    discharges     int          not null,
    transfers_in   int          not null,
    transfers_out  int          not null,
    -- NIGHTLY: written by the timer just after the day ended; BACKFILL: derived later from bed_stay history
    source         varchar(10)  not null,
    recorded_at    timestamp(6) with time zone not null,
    constraint ward_census_pk primary key (census_date, ward_id),
    constraint ward_census_source_ck check (source in ('NIGHTLY', 'BACKFILL')),
    constraint ward_census_counts_ck check (beds >= 0 and beds_available >= 0 and beds_available <= beds
        and occupied >= 0 and admissions >= 0 and discharges >= 0 and transfers_in >= 0 and transfers_out >= 0)
);
create index ward_census_ward_ix on ward_census (ward_id, census_date);
-- the reports read stays by time and discharges by date
create index bed_stay_time_ix on bed_stay (started_at, ended_at);
create index admission_discharged_ix on admission (discharged_at);
