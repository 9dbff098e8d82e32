package org.asclepius.hms.patient.coverage;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.asclepius.hms.audit.AuditAction;
import org.asclepius.hms.audit.Audited;
import org.asclepius.hms.audit.PatientRef;
import org.asclepius.hms.patient.Patient;
import org.asclepius.hms.patient.PatientRepository;
import org.asclepius.hms.shared.ConcurrentUpdateException;
import org.asclepius.hms.shared.InputValidator;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.shared.NotFoundException;
import org.asclepius.hms.shared.Roles;

/**
 * A patient's insurance coverages. Two coverages of one patient with the same priority may not overlap in
 * time (changes to one patient's coverages are serialized by locking the patient). Billing reads them.
 */
@Stateless
@Audited(resource = "Coverage")
public class CoverageService {
    @PersistenceContext
    EntityManager em;
    @Inject
    PatientRepository patients;
    @Inject
    InputValidator validator;
    @Inject
    Clock clock;
    @Resource
    SessionContext session;

    /** The patient's coverages, primary first, the newest first within a priority. */
    @RolesAllowed({Roles.RECEPTIONIST, Roles.BILLING_CLERK, Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN,
            Roles.INTEGRATION, Roles.PRIVACY_OFFICER, Roles.RECORDS_OFFICER})
    @Audited(action = AuditAction.READ, resource = "Coverage")
    public List<CoverageRecord> forPatient(@PatientRef long patientId) {
        if (patients.find(patientId).isEmpty()) {
            throw new NotFoundException("Patient", patientId);
        }
        return em.createQuery("select c from Coverage c where c.patient.id = :patient"
                        + " order by c.priority, c.effectiveFrom desc, c.id", Coverage.class)
                .setParameter("patient", patientId)
                .getResultStream().map(CoverageRecord::of).toList();
    }

    @RolesAllowed({Roles.RECEPTIONIST, Roles.BILLING_CLERK, Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN,
            Roles.INTEGRATION, Roles.PRIVACY_OFFICER})
    @Audited(action = AuditAction.READ, resource = "Coverage")
    public CoverageRecord get(long coverageId) {
        return CoverageRecord.of(find(coverageId));
    }

    @RolesAllowed({Roles.RECEPTIONIST, Roles.BILLING_CLERK, Roles.ADMIN, Roles.INTEGRATION})
    @Audited(action = AuditAction.CREATE, resource = "Coverage")
    public CoverageRecord add(@PatientRef long patientId, CoverageData data) {
        validator.validate(data);
        Patient patient = patients.lock(patientId).orElseThrow(() -> new NotFoundException("Patient", patientId));
        checkRules(patientId, null, data);
        Coverage coverage = new Coverage(patient, data);
        coverage.touch(caller(), clock.instant());
        em.persist(coverage);
        em.flush();
        return CoverageRecord.of(coverage);
    }

    /** Saves changes to the version the caller loaded; someone else's change in between is not overwritten. */
    @RolesAllowed({Roles.RECEPTIONIST, Roles.BILLING_CLERK, Roles.ADMIN, Roles.INTEGRATION})
    @Audited(action = AuditAction.UPDATE, resource = "Coverage")
    public CoverageRecord update(long coverageId, long loadedVersion, CoverageData data) {
        validator.validate(data);
        Coverage coverage = find(coverageId);
        patients.lock(coverage.getPatient().getId());
        if (coverage.getVersion() != loadedVersion) {
            throw new ConcurrentUpdateException("This coverage", coverage.getUpdatedBy(), coverage.getUpdatedAt());
        }
        checkRules(coverage.getPatient().getId(), coverageId, data);
        coverage.apply(data);
        coverage.touch(caller(), clock.instant());
        em.flush();
        return CoverageRecord.of(coverage);
    }

    private void checkRules(long patientId, Long exceptCoverageId, CoverageData data) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (data.getEffectiveTo() != null && data.getEffectiveTo().isBefore(data.getEffectiveFrom())) {
            errors.put("effectiveTo", "must not be before the start date");
        }
        if (data.getRelationship() != SubscriberRelationship.SELF
                && (data.getSubscriberName() == null || data.getSubscriberName().isBlank())) {
            errors.put("subscriberName", "enter the subscriber when the patient is not the subscriber");
        }
        if (errors.isEmpty()) {
            em.createQuery("select c from Coverage c where c.patient.id = :patient and c.priority = :priority",
                            Coverage.class)
                    .setParameter("patient", patientId)
                    .setParameter("priority", data.getPriority())
                    .getResultStream()
                    .filter(c -> !c.getId().equals(exceptCoverageId))
                    .filter(c -> c.overlaps(data.getEffectiveFrom(), data.getEffectiveTo()))
                    .findFirst()
                    .ifPresent(c -> errors.put("priority", "the patient already has a " + c.getPriority().getLabel()
                            .toLowerCase(java.util.Locale.ROOT) + " coverage (" + c.getPayerName()
                            + ") in that period; end it first or choose another priority"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private Coverage find(long coverageId) {
        Coverage coverage = em.find(Coverage.class, coverageId);
        if (coverage == null) {
            throw new NotFoundException("Coverage", coverageId);
        }
        return coverage;
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }
}
