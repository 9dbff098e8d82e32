package org.asclepius.hms.patient;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.asclepius.hms.audit.AuditAction;
import org.asclepius.hms.audit.AuditTrail;
import org.asclepius.hms.audit.Audited;
import org.asclepius.hms.audit.PatientRef;
import org.asclepius.hms.encounter.AdtEvent;
import org.asclepius.hms.encounter.AdtTrigger;
import org.asclepius.hms.patient.matching.MatchGrade;
import org.asclepius.hms.shared.ConcurrentUpdateException;
import org.asclepius.hms.shared.InputValidator;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.shared.NotFoundException;
import org.asclepius.hms.shared.Page;
import org.asclepius.hms.shared.Roles;

/** Registration, update, look-up and search of patients. Every call is audited. */
@Stateless
public class PatientService {
    /** Largest page a search returns. */
    public static final int MAX_PAGE = 100;
    /** Most duplicate candidates shown or returned. */
    public static final int MAX_DUPLICATE_CANDIDATES = 10;

    @Inject
    PatientRepository patients;
    @Inject
    PatientMatching matching;
    @Inject
    AuditTrail audit;
    @Inject
    InputValidator validator;
    @Inject
    Clock clock;
    @Resource
    SessionContext session;
    @Inject
    Event<AdtEvent> adt;

    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN, Roles.INTEGRATION})
    @Audited(action = AuditAction.CREATE)
    public PatientRecord register(PatientData data) {
        validate(data, null);
        Patient patient = new Patient(MedicalRecordNumber.fromSequence(patients.nextMrnSequence()), data);
        patient.touch(caller(), clock.instant());
        patients.store(patient);
        flush(patient);
        return PatientRecord.of(patient);
    }

    /**
     * Registered patients who may be the person described, best first (probable and certain matches, and
     * possible ones), each with the fields that agreed. Every patient listed is audited as seen.
     */
    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN, Roles.INTEGRATION})
    @Audited(action = AuditAction.SEARCH)
    public List<DuplicateCandidate> findDuplicates(PatientData data, Long excludePatientId) {
        if (data == null) {
            throw InvalidInputException.of("input", "is required");
        }
        return matching.candidates(PatientMatching.toCandidate(data), excludePatientId, MatchGrade.POSSIBLE,
                MAX_DUPLICATE_CANDIDATES);
    }

    /**
     * Registration from the front desk: refused with the likely matches ({@link PossibleDuplicateException})
     * when the person is probably registered already, unless the clerk states why this is a different person
     * (the reason is kept in the audit trail).
     */
    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN})
    @Audited(action = AuditAction.CREATE)
    public PatientRecord registerChecked(PatientData data, String differentPersonReason) {
        validate(data, null);
        String reason = differentPersonReason == null ? "" : differentPersonReason.trim();
        if (reason.length() > 300 || reason.chars().anyMatch(c -> c == '<' || c == '>' || Character.isISOControl(c))) {
            throw InvalidInputException.of("differentPersonReason", "at most 300 characters, no < or >");
        }
        List<DuplicateCandidate> likely = matching.candidates(PatientMatching.toCandidate(data), null,
                MatchGrade.PROBABLE, MAX_DUPLICATE_CANDIDATES);
        if (!likely.isEmpty() && reason.isEmpty()) {
            throw new PossibleDuplicateException(likely);
        }
        PatientRecord registered = register(data);
        if (!likely.isEmpty()) {
            audit.recordSuccess(AuditAction.CREATE, "Patient", String.valueOf(registered.id()), registered.id(),
                    "registered as a new patient despite likely matches "
                            + likely.stream().map(c -> c.patient().mrn()).toList() + ": " + reason);
        }
        return registered;
    }

    /**
     * Emergency quick registration of a patient who cannot be identified yet: only sex and an estimated age.
     * The date of birth is estimated (1 July of the estimated birth year) and marked so.
     */
    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN})
    @Audited(action = AuditAction.CREATE)
    public PatientRecord registerUnidentified(UnidentifiedPatientData data) {
        validator.validate(data);
        LocalDate estimatedBirthDate = LocalDate.now(clock).minusYears(data.getEstimatedAge()).withMonth(7).withDayOfMonth(1);
        if (estimatedBirthDate.isAfter(LocalDate.now(clock))) {
            estimatedBirthDate = LocalDate.now(clock);
        }
        Patient patient = Patient.unidentified(MedicalRecordNumber.fromSequence(patients.nextMrnSequence()),
                data.getSex(), estimatedBirthDate);
        patient.touch(caller(), clock.instant());
        patients.store(patient);
        flush(patient);
        return PatientRecord.of(patient);
    }

    /**
     * Saves changes made to the version the caller loaded. If someone saved in between, nothing is
     * overwritten and the caller is told who changed it and when.
     */
    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN, Roles.INTEGRATION})
    @Audited(action = AuditAction.UPDATE)
    public PatientRecord update(@PatientRef long patientId, long loadedVersion, PatientData data) {
        validate(data, patientId);
        Patient patient = patients.find(patientId).orElseThrow(() -> new NotFoundException("Patient", patientId));
        if (patient.getMergedInto() != null) {
            throw new org.asclepius.hms.shared.DomainException("This record was merged into MRN "
                    + patient.getMergedInto().getMrn() + "; change that record instead.");
        }
        if (patient.getVersion() != loadedVersion) {
            throw new ConcurrentUpdateException("This patient", patient.getUpdatedBy(), patient.getUpdatedAt());
        }
        patient.apply(data);
        patient.touch(caller(), clock.instant());
        flush(patient);
        adt.fire(new AdtEvent(AdtTrigger.A08, patientId, null, null));
        return PatientRecord.of(patient);
    }

    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN, Roles.INTEGRATION,
            Roles.BILLING_CLERK, Roles.PHARMACIST, Roles.LAB_TECHNICIAN, Roles.PRIVACY_OFFICER, Roles.RECORDS_OFFICER})
    @Audited(action = AuditAction.READ)
    public PatientRecord get(@PatientRef long patientId) {
        return patients.find(patientId).map(PatientRecord::of)
                .orElseThrow(() -> new NotFoundException("Patient", patientId));
    }

    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN, Roles.INTEGRATION,
            Roles.BILLING_CLERK, Roles.PHARMACIST, Roles.LAB_TECHNICIAN, Roles.PRIVACY_OFFICER, Roles.RECORDS_OFFICER})
    @Audited(action = AuditAction.READ)
    public PatientRecord getByMrn(String mrn) {
        if (!MedicalRecordNumber.isValid(mrn == null ? null : mrn.trim())) {
            throw InvalidInputException.of("mrn", "is not a valid MRN (check the digits)");
        }
        return patients.findByMrn(mrn.trim()).map(PatientRecord::of)
                .orElseThrow(() -> new NotFoundException("Patient with MRN", mrn.trim()));
    }

    /** Searches by any combination of name parts, date of birth, MRN and identifier; one page at a time. */
    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN, Roles.INTEGRATION,
            Roles.BILLING_CLERK, Roles.PHARMACIST, Roles.LAB_TECHNICIAN, Roles.PRIVACY_OFFICER, Roles.RECORDS_OFFICER})
    @Audited(action = AuditAction.SEARCH)
    public Page<PatientSummary> search(PatientQuery query, int first, int max) {
        if (query == null || query.isEmpty()) {
            throw InvalidInputException.of("query", "enter a name, date of birth, MRN or identifier to search");
        }
        if (query.name() != null && query.name().length() > 200) {
            throw InvalidInputException.of("name", "is too long");
        }
        if (query.birthDate() != null && query.birthDate().isAfter(LocalDate.now(clock))) {
            throw InvalidInputException.of("birthDate", "must not be in the future");
        }
        int pageSize = Math.max(1, Math.min(max, MAX_PAGE));
        return patients.search(query, Math.max(0, first), pageSize);
    }

    private void validate(PatientData data, Long patientId) {
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            validator.validate(data);
        } catch (InvalidInputException e) {
            // reported together with the rules below, so the clerk sees every problem at once
            errors.putAll(e.getFieldErrors());
        }
        if (data == null) {
            throw new InvalidInputException(errors);
        }
        if (data.getBirthDate() != null && data.getBirthDate().isBefore(LocalDate.now(clock).minusYears(130))) {
            errors.put("birthDate", "is more than 130 years ago");
        }
        List<IdentifierEntry> held = patientId == null ? List.of()
                : patients.find(patientId).map(p -> p.getIdentifiers().stream()
                        .map(i -> new IdentifierEntry(i.getType(), i.getValue())).toList()).orElse(List.of());
        IdentifierTypes types = patients.identifierTypes();
        types.check(data.getIdentifiers(), held, errors);
        for (int i = 0; i < data.getIdentifiers().size(); i++) {
            IdentifierEntry entry = data.getIdentifiers().get(i);
            if (entry == null || entry.getType() == null || entry.getValue() == null || entry.getValue().isBlank()) {
                continue;
            }
            for (int j = 0; j < i; j++) {
                IdentifierEntry earlier = data.getIdentifiers().get(j);
                if (entry.getType().equals(earlier.getType()) && IdentifierType.normalize(entry.getValue())
                        .equals(IdentifierType.normalize(earlier.getValue()))) {
                    errors.put("identifiers[" + i + "].value", "is entered twice");
                }
            }
            final int index = i;
            patients.holderOf(entry.getType(), entry.getValue(), patientId).ifPresent(mrn -> errors.put(
                    "identifiers[" + index + "].value",
                    types.label(entry.getType()) + " is already registered to the patient with MRN " + mrn));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private void flush(Patient patient) {
        try {
            patients.flush();
            matching.storeKeys(patient);
        } catch (OptimisticLockException e) {
            throw new ConcurrentUpdateException("This patient", "another user", clock.instant());
        } catch (PersistenceException e) {
            // the database's unique constraint caught what a concurrent registration slipped past the check
            throw InvalidInputException.of("identifiers", "an identifier was registered to another patient"
                    + " at the same moment; search for the patient before registering again");
        }
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }
}
