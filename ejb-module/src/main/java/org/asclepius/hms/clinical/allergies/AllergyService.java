package org.asclepius.hms.clinical.allergies;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.asclepius.hms.audit.AuditAction;
import org.asclepius.hms.audit.AuditTrail;
import org.asclepius.hms.audit.Audited;
import org.asclepius.hms.audit.PatientRef;
import org.asclepius.hms.clinical.ClinicalContext;
import org.asclepius.hms.clinical.access.ClinicalAccess;
import org.asclepius.hms.clinical.coding.AllergenRecord;
import org.asclepius.hms.clinical.coding.AllergenService;
import org.asclepius.hms.encounter.Encounter;
import org.asclepius.hms.patient.Patient;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.FieldErrors;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.shared.Roles;
import org.asclepius.hms.shared.TimeFormat;

/**
 * Allergies and intolerances to allergens from the coded list (RxNorm ingredients for drugs, the hospital's list
 * otherwise), "no known allergies" recorded explicitly, status and verification changes, entered in error with a
 * reason; and what the patient banner shows of them to whoever looks.
 */
@Stateless
@Audited(resource = "AllergyIntolerance")
public class AllergyService {
    @PersistenceContext
    EntityManager em;
    @Inject
    ClinicalContext context;
    @Inject
    ClinicalAccess access;
    @Inject
    AllergenService allergens;
    @Inject
    AllergyRepository repository;
    @Inject
    AuditTrail audit;
    @Resource
    SessionContext session;

    /** The allergy list (entered-in-error entries only when asked) with the latest assessment. */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE, Roles.PHARMACIST, Roles.LAB_TECHNICIAN})
    @Audited(resource = "Chart")
    public AllergyList list(@PatientRef long patientId, boolean withErrors) {
        access.require(patientId);
        return repository.list(patientId, withErrors);
    }

    /** Records an allergy or intolerance; the same current allergen twice is refused. */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE, Roles.PHARMACIST})
    @Audited(action = AuditAction.CREATE, resource = "AllergyIntolerance")
    public AllergyRecord record(@PatientRef long patientId, AllergyEntry entry) {
        access.require(patientId);
        FieldErrors errors = new FieldErrors();
        if (entry == null) {
            errors.add("allergen", "choose the allergen");
            errors.refuseIfAny();
        }
        AllergenRecord allergen = null;
        try {
            allergen = allergens.require(entry.allergenSystem(), entry.allergenCode());
        } catch (InvalidInputException e) {
            e.getFieldErrors().forEach(errors::add);
        }
        String reaction = errors.optionalText("reaction", entry.reaction(), 300);
        String note = errors.prose("note", entry.note(), 1000);
        if (entry.verification() == Allergy.Verification.ENTERED_IN_ERROR) {
            errors.add("verification", "a new entry cannot be entered in error");
        }
        LocalDate today = LocalDate.ofInstant(context.now(), TimeFormat.hospitalZone());
        if (entry.onsetDate() != null && entry.onsetDate().isAfter(today)) {
            errors.add("onsetDate", "cannot be in the future");
        }
        errors.refuseIfAny();
        Patient patient = context.writable(patientId);
        Encounter encounter = entry.encounterId() == null ? null : context.encounter(patient, entry.encounterId());
        String code = allergen.code();
        if (repository.list(patientId, false).current().stream()
                .anyMatch(a -> a.allergen().code().equals(code) && a.allergen().system().equals(
                        entry.allergenSystem().strip()))) {
            throw InvalidInputException.of("allergen", allergen.display() + " is already on the allergy list");
        }
        Allergy a = new Allergy(patient, encounter, allergen.toCode(), category(allergen),
                entry.type() == null ? Allergy.Type.ALLERGY : entry.type());
        a.describe(reaction, entry.severity(), Allergy.Status.ACTIVE,
                entry.verification() == null ? Allergy.Verification.CONFIRMED : entry.verification(),
                entry.onsetDate(), note);
        Instant now = context.now();
        a.touch(context.caller(), now);
        em.persist(a);
        em.persist(new AllergyAssessment(patient, AllergyAssessment.Finding.ALLERGIES_RECORDED, now,
                context.caller()));
        em.flush();
        return AllergyRecord.of(a);
    }

    /** "No known allergies", recorded explicitly; refused while current allergies are on the list. */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE, Roles.PHARMACIST})
    @Audited(action = AuditAction.UPDATE, resource = "AllergyIntolerance")
    public AllergyList noKnownAllergies(@PatientRef long patientId) {
        access.require(patientId);
        Patient patient = context.writable(patientId);
        List<AllergyRecord> current = repository.list(patientId, false).current();
        if (!current.isEmpty()) {
            throw new DomainException("The patient has recorded allergies (" + String.join(", ", current.stream()
                    .map(x -> x.allergen().display()).toList()) + "): mark them inactive, refuted or entered in"
                    + " error first.");
        }
        em.persist(new AllergyAssessment(patient, AllergyAssessment.Finding.NO_KNOWN_ALLERGIES, context.now(),
                context.caller()));
        em.flush();
        return repository.list(patientId, false);
    }

    /** Changes an entry's status, verification, reaction, severity or note. */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE, Roles.PHARMACIST})
    @Audited(action = AuditAction.UPDATE, resource = "AllergyIntolerance")
    public AllergyRecord update(long id, long version, Allergy.Status status, Allergy.Verification verification,
                                String reaction, Allergy.Severity severity, String note) {
        Allergy a = lock(id, version);
        FieldErrors errors = new FieldErrors();
        errors.required("status", status, "choose the status");
        errors.required("verification", verification, "choose the verification");
        if (verification == Allergy.Verification.ENTERED_IN_ERROR) {
            errors.add("verification", "use \"entered in error\" with a reason");
        }
        String r = errors.optionalText("reaction", reaction, 300);
        String n = errors.prose("note", note, 1000);
        errors.refuseIfAny();
        a.describe(r, severity, status, verification, a.getOnsetDate(), n);
        a.touch(context.caller(), context.now());
        em.flush();
        return AllergyRecord.of(a);
    }

    /** An entry recorded by mistake: kept, marked, with the reason. */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE, Roles.PHARMACIST})
    @Audited(action = AuditAction.UPDATE, resource = "AllergyIntolerance")
    public AllergyRecord enteredInError(long id, long version, String reason) {
        Allergy a = lock(id, version);
        if (a.getVerification() == Allergy.Verification.ENTERED_IN_ERROR) {
            throw new DomainException("This entry is already marked entered in error.");
        }
        FieldErrors errors = new FieldErrors();
        String why = errors.text("reason", reason, 300, "say why the entry is wrong");
        errors.refuseIfAny();
        a.enteredInError(why);
        a.touch(context.caller(), context.now());
        em.flush();
        return AllergyRecord.of(a);
    }

    /** One entry. */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE, Roles.PHARMACIST, Roles.LAB_TECHNICIAN})
    public AllergyRecord find(long id) {
        return AllergyRecord.of(context.readable(Allergy.class, id, "AllergyIntolerance", Allergy::getPatient));
    }

    /**
     * What the patient banner shows the caller: the current allergies (or "no known allergies", or "not recorded")
     * to whoever may read the chart — a read of the chart, audited — and nothing to anyone else.
     */
    @RolesAllowed({Roles.ADMIN, Roles.PHYSICIAN, Roles.NURSE, Roles.RECEPTIONIST, Roles.BILLING_CLERK,
            Roles.PHARMACIST, Roles.LAB_TECHNICIAN, Roles.PRIVACY_OFFICER, Roles.RECORDS_OFFICER})
    public AllergyBanner banner(long patientId) {
        ClinicalAccess.Decision d = access.decide(patientId);
        if (!d.allowed()) {
            boolean clinical = session.isCallerInRole(Roles.PHYSICIAN) || session.isCallerInRole(Roles.NURSE)
                    || session.isCallerInRole(Roles.PHARMACIST) || session.isCallerInRole(Roles.LAB_TECHNICIAN);
            return new AllergyBanner(AllergyBanner.State.HIDDEN, clinical ? "Allergies: open the chart"
                    : "Allergies: shown to the care team");
        }
        AllergyList list = repository.list(patientId, false);
        audit.recordSuccess(AuditAction.READ, "Chart", String.valueOf(patientId), patientId);
        AllergyBanner.State state = !list.current().isEmpty() ? AllergyBanner.State.ALLERGIES
                : list.noKnownAllergies() ? AllergyBanner.State.NONE_KNOWN : AllergyBanner.State.NOT_RECORDED;
        return new AllergyBanner(state, list.bannerText());
    }

    private static Allergy.Category category(AllergenRecord allergen) {
        return switch (allergen.category()) {
            case DRUG -> Allergy.Category.MEDICATION;
            case FOOD -> Allergy.Category.FOOD;
            case ENVIRONMENT -> Allergy.Category.ENVIRONMENT;
            case BIOLOGIC -> Allergy.Category.BIOLOGIC;
        };
    }

    private Allergy lock(long id, long version) {
        return context.lockForChange(Allergy.class, id, version, "AllergyIntolerance", "The allergy",
                Allergy::getPatient);
    }
}
