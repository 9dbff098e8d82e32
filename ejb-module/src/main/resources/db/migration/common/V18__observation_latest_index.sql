-- The chart's latest value of each vital sign is an index look-up per kind: the patient's values of a kind ordered
-- as the chart orders them (newest first, the higher id first at the same time), read backwards with a limit of 1.
drop index observation_patient_ix;
create index observation_patient_ix on observation (patient_id, kind, effective_at, id);
