package org.asclepius.hms.fhir;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.asclepius.hms.patient.IdentifierEntry;
import org.asclepius.hms.patient.PatientData;
import org.asclepius.hms.patient.PatientQuery;
import org.asclepius.hms.patient.PatientRecord;
import org.asclepius.hms.patient.PatientService;
import org.asclepius.hms.patient.PatientSummary;
import org.asclepius.hms.shared.ConcurrentUpdateException;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.shared.NotFoundException;
import org.asclepius.hms.shared.Page;

/**
 * An in-memory stand-in for the EJB with the behaviour the API relies on: versions, a few field rules, not
 * found, paging with a total. Each call is recorded; {@link #failWith} makes the next call throw.
 */
class FakePatientService extends PatientService {
    final Map<Long, PatientRecord> records = new TreeMap<>();
    final List<String> calls = new ArrayList<>();
    final List<PatientQuery> queries = new ArrayList<>();
    Supplier<RuntimeException> failure;
    private long nextId = 1;

    void reset() {
        records.clear();
        calls.clear();
        queries.clear();
        failure = null;
        nextId = 1;
    }

    void failWith(Supplier<RuntimeException> failure) {
        this.failure = failure;
    }

    private void call(String what) {
        calls.add(what);
        if (failure != null) {
            RuntimeException e = failure.get();
            failure = null;
            throw e;
        }
    }

    @Override
    public PatientRecord register(PatientData data) {
        call("register");
        validate(data);
        long id = nextId++;
        PatientRecord r = record(id, 0, data);
        records.put(id, r);
        return r;
    }

    @Override
    public PatientRecord update(long patientId, long loadedVersion, PatientData data) {
        call("update " + patientId + " v" + loadedVersion);
        validate(data);
        PatientRecord current = records.get(patientId);
        if (current == null) {
            throw new NotFoundException("Patient", patientId);
        }
        if (current.version() != loadedVersion) {
            throw new ConcurrentUpdateException("This patient", "nurse1", Instant.parse("2025-01-01T10:00:00Z"));
        }
        PatientRecord r = record(patientId, loadedVersion + 1, data);
        records.put(patientId, r);
        return r;
    }

    @Override
    public PatientRecord get(long patientId) {
        call("get " + patientId);
        PatientRecord r = records.get(patientId);
        if (r == null) {
            throw new NotFoundException("Patient", patientId);
        }
        return r;
    }

    @Override
    public Page<PatientSummary> search(PatientQuery query, int first, int max) {
        call("search " + first + " " + max);
        queries.add(query);
        if (query == null || query.isEmpty()) {
            throw InvalidInputException.of("query", "enter a name, date of birth, MRN or identifier to search");
        }
        List<PatientSummary> matches = records.values().stream()
                .filter(r -> query.familyName() == null || r.familyName().startsWith(query.familyName()))
                .filter(r -> query.name() == null || r.familyName().startsWith(query.name())
                        || r.givenName().startsWith(query.name()))
                .filter(r -> query.birthDate() == null || query.birthDate().equals(r.birthDate()))
                .filter(r -> query.mrn() == null || query.mrn().equals(r.mrn()))
                .map(r -> new PatientSummary(r.id(), r.mrn(), r.familyName(), r.givenName(), r.middleName(), r.sex(),
                        r.birthDate(), r.phone(), r.address().getCity()))
                .toList();
        int size = Math.max(1, Math.min(max, MAX_PAGE));
        List<PatientSummary> page = matches.subList(Math.min(first, matches.size()),
                Math.min(first + size, matches.size()));
        return new Page<>(page, matches.size(), first, size);
    }

    private static void validate(PatientData data) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (data.getFamilyName() == null) {
            errors.put("familyName", "enter the family name");
        }
        if (data.getBirthDate() == null) {
            errors.put("birthDate", "enter the date of birth");
        }
        for (int i = 0; i < data.getIdentifiers().size(); i++) {
            IdentifierEntry e = data.getIdentifiers().get(i);
            if (!e.getType().isValid(e.getValue())) {
                errors.put("identifiers[" + i + "].value", e.getType().getLabel() + " must be " + e.getType().getRule());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    static PatientRecord record(long id, long version, PatientData d) {
        String mrn = org.asclepius.hms.patient.MedicalRecordNumber.fromSequence(1_000_000 + id);
        Instant now = Instant.parse("2025-02-03T04:05:06Z");
        return new PatientRecord(id, version, mrn, d.getFamilyName(), d.getGivenName(), d.getMiddleName(),
                d.getSex(), d.getBirthDate(), d.getAddress().copy(), d.getPhone(), d.getEmail(),
                d.getNextOfKin().copy(), d.getIdentifiers(), now, "tester", now, "tester");
    }
}
