-- Removes the data of one benchmark run (its patients, department, provider, service, slots and appointments):
--   psql -h 127.0.0.1 -U hms -d hms -v run=<run id> -f bench/booking/cleanup.sql
-- The audit trail of the bookings stays (it is append-only and sealed).
\if :{?run}
\else
  \echo 'give the run id: -v run=<run id> (printed by the benchmark, e.g. in "Bench TP1D6U")'
  \quit
\endif
\set ON_ERROR_STOP on
begin;
delete from appointment_status_change where appointment_id in (select id from appointment where service_code = 'BENCH' || :'run');
delete from appointment_slot where appointment_id in (select id from appointment where service_code = 'BENCH' || :'run');
delete from appointment_resource where appointment_id in (select id from appointment where service_code = 'BENCH' || :'run');
delete from outbox_message where patient_id in (select id from patient where mrn like 'BENCH-' || :'run' || '-%');
delete from appointment where service_code = 'BENCH' || :'run';
delete from service_resource where service_code = 'BENCH' || :'run';
delete from service_type where code = 'BENCH' || :'run';
delete from slot where resource_id in (select id from schedulable_resource where department = 'Bench ' || :'run');
delete from working_hours where resource_id in (select id from schedulable_resource where department = 'Bench ' || :'run');
delete from schedulable_resource where department = 'Bench ' || :'run';
delete from patient where mrn like 'BENCH-' || :'run' || '-%';
commit;
