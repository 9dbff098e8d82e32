package org.asclepius.hms.clinical.problems;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import org.asclepius.hms.audit.AuditAction;
import org.asclepius.hms.audit.Audited;
import org.asclepius.hms.audit.PatientRef;
import org.asclepius.hms.clinical.ClinicalContext;
import org.asclepius.hms.clinical.access.ClinicalAccess;
import org.asclepius.hms.clinical.coding.IcdCodeRecord;
import org.asclepius.hms.clinical.coding.IcdCodeService;
import org.asclepius.hms.encounter.Encounter;
import org.asclepius.hms.patient.Patient;
import org.asclepius.hms.shared.Code;
import org.asclepius.hms.shared.CodeSystems;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.FieldErrors;
import org.asclepius.hms.shared.NotFoundException;
import org.asclepius.hms.shared.PatientItems;
import org.asclepius.hms.shared.PatientScoped;
import org.asclepius.hms.shared.Roles;
import org.asclepius.hms.shared.TimeFormat;

/**
 * Problems and diagnoses coded in ICD-10-CM (an unknown or no longer valid code is refused beside the code field):
 * the problem list (a code active once on it), encounter diagnoses with one primary per encounter (held by the
 * database too), status changes, entered in error with a reason. Billing reads the codes of an encounter and nothing
 * else.
 */
@Stateless
@Audited(resource = "Condition")
public class ConditionService {
    @PersistenceContext
    EntityManager em;
    @Inject
    ClinicalContext context;
    @Inject
    ClinicalAccess access;
    @Inject
    IcdCodeService icd;
    @Inject
    ConditionRepository repository;
    @Inject
    org.asclepius.hms.clinical.coding.CodeMapService codeMap;
    @Resource
    SessionContext session;

    /** Records a problem (physician or nurse) or an encounter diagnosis (physician). */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE})
    @Audited(action = AuditAction.CREATE, resource = "Condition")
    public ConditionRecord add(@PatientRef long patientId, ConditionEntry entry) {
        access.require(patientId);
        FieldErrors errors = new FieldErrors();
        if (entry == null || entry.category() == null) {
            errors.add("category", "choose problem or diagnosis");
            errors.refuseIfAny();
        }
        boolean diagnosis = entry.category() == ConditionCategory.DIAGNOSIS;
        if (diagnosis && !session.isCallerInRole(Roles.PHYSICIAN)) {
            throw new DomainException("Encounter diagnoses are recorded by a physician; add it as a problem instead.");
        }
        IcdCodeRecord code = null;
        try {
            code = diagnosis ? icd.requireBillable(entry.icd10Code()) : icd.require(entry.icd10Code());
        } catch (org.asclepius.hms.shared.InvalidInputException e) {
            e.getFieldErrors().forEach(errors::add);
        }
        LocalDate today = LocalDate.ofInstant(context.now(), TimeFormat.hospitalZone());
        if (entry.onsetDate() != null && entry.onsetDate().isAfter(today)) {
            errors.add("onsetDate", "cannot be in the future");
        }
        if (entry.verification() == Verification.ENTERED_IN_ERROR) {
            errors.add("verification", "a new entry cannot be entered in error");
        }
        if (diagnosis && entry.encounterId() == null) {
            errors.add("encounterId", "a diagnosis belongs to an encounter: choose it");
        }
        if (diagnosis && entry.rank() == null) {
            errors.add("rank", "choose primary or secondary");
        }
        String note = errors.prose("note", entry.note(), 1000);
        errors.refuseIfAny();
        Patient patient = context.writable(patientId);
        Encounter encounter = entry.encounterId() == null ? null : context.encounter(patient, entry.encounterId());
        if (!diagnosis) {
            refuseDuplicateProblem(patientId, code.code());
        } else if (entry.rank() == DiagnosisRank.PRIMARY) {
            refuseSecondPrimary(encounter.getId(), null);
        }
        Condition c = new Condition(patient, encounter, entry.category(), code.toCode(), null);
        ClinicalStatus status = entry.clinicalStatus() == null ? ClinicalStatus.ACTIVE : entry.clinicalStatus();
        c.describe(entry.onsetDate(), status.active() ? null : today, status,
                entry.verification() == null ? Verification.CONFIRMED : entry.verification(), note);
        if (diagnosis) {
            c.rank(entry.rank());
        }
        c.touch(context.caller(), context.now());
        em.persist(c);
        em.flush();
        return ConditionRecord.of(c);
    }

    /**
     * A condition from another system (data migration, a referral): kept in its code system — ICD-10-CM (the code
     * must exist) or SNOMED CT (kept as such, with its ICD-10-CM map where one is known) — with its onset and, when
     * it ended, its abatement date (then resolved). Verified as confirmed; recorded under the importing identity.
     */
    @RolesAllowed({Roles.SYSTEM, Roles.RECORDS_OFFICER})
    @Audited(action = AuditAction.CREATE, resource = "Condition")
    public ConditionRecord importCondition(@PatientRef long patientId, Long encounterId, ConditionCategory category,
                                           Code code, LocalDate onset, LocalDate abatement) {
        FieldErrors errors = new FieldErrors();
        errors.required("category", category, "choose problem or diagnosis");
        errors.required("code", code, "a code is required");
        if (abatement != null && onset != null && abatement.isBefore(onset)) {
            errors.add("abatementDate", "is before the onset");
        }
        if (category == ConditionCategory.DIAGNOSIS && encounterId == null) {
            errors.add("encounterId", "a diagnosis belongs to an encounter");
        }
        errors.refuseIfAny();
        Code coded;
        String mapped = null;
        if (CodeSystems.ICD10CM.equals(code.system())) {
            coded = icd.require(code.code()).toCode();
        } else if (CodeSystems.SNOMED.equals(code.system())) {
            if (code.display() == null || code.display().isBlank() || !code.code().matches("\\d{6,18}")) {
                throw org.asclepius.hms.shared.InvalidInputException.of("code", "a SNOMED CT code is a number of 6 to"
                        + " 18 digits, with its display");
            }
            coded = new Code(CodeSystems.SNOMED, code.code(), code.display().strip());
            mapped = codeMap.icd10For(code.code()).map(Code::code).orElse(null);
        } else {
            throw org.asclepius.hms.shared.InvalidInputException.of("code", "conditions are coded in ICD-10-CM or"
                    + " SNOMED CT, not " + code.system());
        }
        Patient patient = context.writable(patientId);
        Encounter encounter = encounterId == null ? null : context.encounter(patient, encounterId);
        Condition c = new Condition(patient, encounter, category, coded, mapped);
        ClinicalStatus status = abatement == null ? ClinicalStatus.ACTIVE : ClinicalStatus.RESOLVED;
        c.describe(onset, abatement, status, Verification.CONFIRMED, null);
        if (category == ConditionCategory.DIAGNOSIS) {
            c.rank(DiagnosisRank.SECONDARY);
        }
        c.touch(context.caller(), context.now());
        em.persist(c);
        em.flush();
        return ConditionRecord.of(c);
    }

    /** Changes the status (e.g. resolved: dated today unless a date is given), verification or note. */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE})
    @Audited(action = AuditAction.UPDATE, resource = "Condition")
    public ConditionRecord update(long id, long version, ClinicalStatus status, Verification verification,
                                  LocalDate abatement, String note) {
        Condition c = lock(id, version);
        FieldErrors errors = new FieldErrors();
        errors.required("clinicalStatus", status, "choose the status");
        errors.required("verification", verification, "choose the verification");
        if (verification == Verification.ENTERED_IN_ERROR) {
            errors.add("verification", "use \"entered in error\" with a reason");
        }
        LocalDate today = LocalDate.ofInstant(context.now(), TimeFormat.hospitalZone());
        if (abatement != null && (abatement.isAfter(today)
                || (c.getOnsetDate() != null && abatement.isBefore(c.getOnsetDate())))) {
            errors.add("abatementDate", "between the onset and today");
        }
        String n = errors.prose("note", note, 1000);
        errors.refuseIfAny();
        c.describe(c.getOnsetDate(), status.active() ? null : abatement == null ? today : abatement, status,
                verification, n);
        c.touch(context.caller(), context.now());
        em.flush();
        return ConditionRecord.of(c);
    }

    /** Makes a diagnosis the encounter's primary or a secondary one (physician). */
    @RolesAllowed({Roles.PHYSICIAN})
    @Audited(action = AuditAction.UPDATE, resource = "Condition")
    public ConditionRecord rank(long id, long version, DiagnosisRank rank) {
        Condition c = lock(id, version);
        if (c.getCategory() != ConditionCategory.DIAGNOSIS) {
            throw new DomainException("Only an encounter diagnosis has a rank.");
        }
        if (rank == null) {
            throw org.asclepius.hms.shared.InvalidInputException.of("rank", "choose primary or secondary");
        }
        if (rank == DiagnosisRank.PRIMARY) {
            refuseSecondPrimary(c.getEncounter().getId(), c.getId());
        }
        c.rank(rank);
        c.touch(context.caller(), context.now());
        em.flush();
        return ConditionRecord.of(c);
    }

    /** A problem or diagnosis recorded by mistake: kept, marked, with the reason. */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE})
    @Audited(action = AuditAction.UPDATE, resource = "Condition")
    public ConditionRecord enteredInError(long id, long version, String reason) {
        Condition c = lock(id, version);
        if (c.getVerification() == Verification.ENTERED_IN_ERROR) {
            throw new DomainException("This entry is already marked entered in error.");
        }
        FieldErrors errors = new FieldErrors();
        String why = errors.text("reason", reason, 300, "say why the entry is wrong");
        errors.refuseIfAny();
        c.enteredInError(why);
        c.touch(context.caller(), context.now());
        em.flush();
        return ConditionRecord.of(c);
    }

    /** The patient's problems and/or diagnoses (see {@link ConditionRepository#list}). */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE, Roles.PHARMACIST, Roles.LAB_TECHNICIAN})
    @Audited(resource = "Chart")
    public PatientItems<ConditionRecord> list(@PatientRef long patientId, ConditionCategory category,
                                              Long encounterId, boolean activeOnly) {
        access.require(patientId);
        return new PatientItems<>(patientId, repository.list(patientId, category, encounterId, activeOnly));
    }

    /** One problem or diagnosis. */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE, Roles.PHARMACIST, Roles.LAB_TECHNICIAN})
    public ConditionRecord find(long id) {
        return ConditionRecord.of(context.readable(Condition.class, id, "Condition", Condition::getPatient));
    }

    /** ICD-10-CM codes for a search box (not patient data). */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE})
    public List<Code> searchCodes(String text, int max) {
        return icd.search(text, max).stream().map(IcdCodeRecord::toCode).toList();
    }

    /**
     * What billing needs of an encounter's diagnoses: the ICD-10-CM codes in rank order, nothing else (no notes,
     * no problems, no status history).
     */
    @RolesAllowed({Roles.BILLING_CLERK, Roles.SYSTEM})
    @Audited(resource = "EncounterDiagnosisCodes")
    public BillingCodes billingCodes(long encounterId) {
        Encounter e = em.find(Encounter.class, encounterId);
        if (e == null) {
            throw new NotFoundException("Encounter", encounterId);
        }
        List<String> codes = em.createQuery("select c.code from Condition c where c.encounter = :e"
                        + " and c.category = :diagnosis and c.codeSystem = :icd and c.verification not in :notTrue"
                        + " order by case when c.rank = :primary then 0 else 1 end, c.id", String.class)
                .setParameter("e", e).setParameter("diagnosis", ConditionCategory.DIAGNOSIS)
                .setParameter("icd", CodeSystems.ICD10CM)
                .setParameter("notTrue", List.of(Verification.REFUTED, Verification.ENTERED_IN_ERROR))
                .setParameter("primary", DiagnosisRank.PRIMARY).getResultList();
        return new BillingCodes(e.getPatient().getId(), encounterId, codes);
    }

    /** The diagnosis codes of an encounter for billing, primary first. */
    public record BillingCodes(long patientId, long encounterId, List<String> icd10Codes)
            implements PatientScoped, java.io.Serializable {
        @Override
        public String resourceId() {
            return String.valueOf(encounterId);
        }
    }

    private void refuseDuplicateProblem(long patientId, String code) {
        boolean listed = !em.createQuery("select c.id from Condition c where c.patient.id = :p and c.category = :problem"
                        + " and c.code = :code and c.clinicalStatus in :active and c.verification not in :notTrue",
                        Long.class)
                .setParameter("p", patientId).setParameter("problem", ConditionCategory.PROBLEM)
                .setParameter("code", code)
                .setParameter("active", List.of(ClinicalStatus.ACTIVE, ClinicalStatus.RECURRENCE,
                        ClinicalStatus.RELAPSE))
                .setParameter("notTrue", List.of(Verification.REFUTED, Verification.ENTERED_IN_ERROR))
                .getResultList().isEmpty();
        if (listed) {
            throw org.asclepius.hms.shared.InvalidInputException.of("code", code
                    + " is already an active problem on the list");
        }
    }

    private void refuseSecondPrimary(long encounterId, Long except) {
        em.createQuery("select c from Condition c where c.encounter.id = :e and c.rank = :primary"
                        + " and c.verification <> :error and (:except is null or c.id <> :except)", Condition.class)
                .setParameter("e", encounterId).setParameter("primary", DiagnosisRank.PRIMARY)
                .setParameter("error", Verification.ENTERED_IN_ERROR).setParameter("except", except)
                .getResultStream().findFirst().ifPresent(primary -> {
                    throw org.asclepius.hms.shared.InvalidInputException.of("rank", "this encounter's primary"
                            + " diagnosis is " + primary.getCode().code() + " " + primary.getCode().display()
                            + ": make that one secondary first");
                });
    }

    private Condition lock(long id, long version) {
        return context.lockForChange(Condition.class, id, version, "Condition", "The entry", Condition::getPatient);
    }
}
