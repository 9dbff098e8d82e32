package org.asclepius.hms.integration.hl7;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.asclepius.hms.encounter.AdtEvent;
import org.asclepius.hms.encounter.AdtTrigger;
import org.asclepius.hms.encounter.Encounter;
import org.asclepius.hms.encounter.EncounterStatus;
import org.asclepius.hms.inpatient.Admission;
import org.asclepius.hms.inpatient.AdmissionStatus;
import org.asclepius.hms.inpatient.BedStay;
import org.asclepius.hms.patient.IdentifierType;
import org.asclepius.hms.patient.Patient;

/**
 * Reads what an ADT message says from the database, in the transaction that made the change (so it sees the
 * change, flushed before the event was fired). Read only.
 */
@Dependent
public class AdtState {
    @PersistenceContext
    EntityManager em;

    public AdtData load(AdtEvent event, String operator, Instant at) {
        Patient patient = em.find(Patient.class, event.patientId());
        if (patient == null) {
            throw new IllegalStateException("ADT " + event.trigger() + ": patient " + event.patientId() + " not found");
        }
        String priorMrn = null;
        if (event.priorPatientId() != null) {
            Patient prior = em.find(Patient.class, event.priorPatientId());
            priorMrn = prior == null ? null : prior.getMrn();
        }
        Encounter encounter = event.encounterId() != null ? em.find(Encounter.class, event.encounterId())
                : event.trigger() == AdtTrigger.A40 ? null : openStay(patient.getId()).map(Admission::getEncounter)
                        .orElse(null);
        return new AdtData(event.trigger(), at, operator, patient(patient),
                encounter == null ? null : visit(event.trigger(), encounter), priorMrn);
    }

    private AdtData.PatientPart patient(Patient p) {
        Map<String, String> v2Codes = em.createQuery("select t from IdentifierType t", IdentifierType.class)
                .getResultStream().filter(t -> t.getV2Code() != null)
                .collect(Collectors.toMap(IdentifierType::getCode, IdentifierType::getV2Code));
        List<AdtData.Identifier> ids = p.getIdentifiers().stream()
                .map(i -> new AdtData.Identifier(i.getValue(), i.getType(), v2Codes.get(i.getType())))
                .toList();
        return new AdtData.PatientPart(p.getMrn(), ids, p.getFamilyName(), p.getGivenName(), p.getMiddleName(),
                p.getBirthDate(), p.getSex(), p.getAddress(), p.getPhone());
    }

    private AdtData.VisitPart visit(AdtTrigger trigger, Encounter e) {
        Optional<Admission> admission = em.createQuery("select a from Admission a where a.encounter = :e",
                Admission.class).setParameter("e", e).getResultStream().findFirst();
        AdtData.Location location = null;
        AdtData.Location prior = null;
        String disposition = null;
        Instant admittedAt = e.getStartedAt();
        if (admission.isPresent()) {
            Admission a = admission.get();
            List<BedStay> stays = em.createQuery("select s from BedStay s join fetch s.bed"
                            + " where s.admission = :a order by s.startedAt desc, s.id desc", BedStay.class)
                    .setParameter("a", a).getResultList();
            Optional<BedStay> current = stays.stream().filter(s -> s.getEndedAt() == null).findFirst();
            // the bed the patient is in; after a discharge, the bed they left
            location = current.or(() -> stays.stream().findFirst()).map(AdtState::location).orElse(null);
            if (trigger == AdtTrigger.A02 || trigger == AdtTrigger.A12) {
                // the bed left last: by a transfer (A02), or the one the cancelled transfer had moved to (A12)
                prior = stays.stream().filter(s -> s.getEndedAt() != null)
                        .max(Comparator.comparing(BedStay::getEndedAt).thenComparing(BedStay::getId))
                        .map(AdtState::location).orElse(null);
            }
            disposition = a.getDisposition();
            if (a.getAdmittedAt() != null) {
                admittedAt = a.getAdmittedAt();
            }
        }
        return new AdtData.VisitPart(e.getId(), patientClass(trigger, e), location, prior, e.getAttending(),
                admittedAt, e.getEndedAt(), disposition);
    }

    private Optional<Admission> openStay(long patientId) {
        return em.createQuery("select a from Admission a join fetch a.encounter where a.patient.id = :p"
                        + " and a.status in :open", Admission.class)
                .setParameter("p", patientId)
                .setParameter("open", List.of(AdmissionStatus.ADMITTED, AdmissionStatus.ON_LEAVE))
                .getResultStream().findFirst();
    }

    private static AdtData.Location location(BedStay s) {
        return new AdtData.Location(s.getBed().getWard().getCode(), s.getBed().getRoom(), s.getBed().getLabel());
    }

    /** HL7 table 0004. */
    static String patientClass(AdtTrigger trigger, Encounter e) {
        if (trigger == AdtTrigger.A05 || e.getStatus() == EncounterStatus.PLANNED) {
            return "P";
        }
        return switch (e.getKind()) {
            case INPATIENT -> "I";
            case EMERGENCY -> "E";
            case OUTPATIENT, DAY_CASE -> "O";
        };
    }
}
