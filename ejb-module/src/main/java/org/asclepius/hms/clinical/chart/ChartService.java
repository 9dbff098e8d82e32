package org.asclepius.hms.clinical.chart;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.asclepius.hms.audit.Audited;
import org.asclepius.hms.audit.PatientRef;
import org.asclepius.hms.clinical.access.AccessBasis;
import org.asclepius.hms.clinical.access.ClinicalAccess;
import org.asclepius.hms.clinical.allergies.AllergyRepository;
import org.asclepius.hms.clinical.problems.ConditionCategory;
import org.asclepius.hms.clinical.problems.ConditionRepository;
import org.asclepius.hms.clinical.medications.MedicationRepository;
import org.asclepius.hms.clinical.vitals.ObservationRepository;
import org.asclepius.hms.encounter.Encounter;
import org.asclepius.hms.encounter.EncounterStatus;
import org.asclepius.hms.patient.PatientRestriction;
import org.asclepius.hms.shared.PatientItems;
import org.asclepius.hms.shared.Roles;

/**
 * The patient chart: the summary shown when it opens (one access check, one audit event for the patient) and the
 * encounter timeline a page at a time, each encounter with the count of what was recorded in it.
 */
@Stateless
public class ChartService {
    public static final int TIMELINE_PAGE = 20;

    @PersistenceContext
    EntityManager em;
    @Inject
    ClinicalAccess access;
    @Inject
    ObservationRepository vitals;
    @Inject
    MedicationRepository medications;
    @Inject
    ConditionRepository conditions;
    @Inject
    AllergyRepository allergies;

    /** Opens the chart: the summary with the first page of the timeline. */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE, Roles.PHARMACIST, Roles.LAB_TECHNICIAN})
    @Audited(resource = "Chart")
    public ChartSummary open(@PatientRef long patientId) {
        ClinicalAccess.Decision decision = access.requireDecision(patientId);
        AccessBasis basis = decision.basis();
        PatientRestriction restriction = decision.restriction();
        long encounters = em.createQuery("select count(e) from Encounter e where e.patient.id = :p", Long.class)
                .setParameter("p", patientId).getSingleResult();
        return new ChartSummary(patientId, basis, restriction, vitals.latest(patientId),
                conditions.list(patientId, ConditionCategory.PROBLEM, null, true), allergies.list(patientId, false),
                medications.list(patientId, false), page(patientId, 0, TIMELINE_PAGE), encounters);
    }

    /** A page of the timeline, newest encounter first. */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE, Roles.PHARMACIST, Roles.LAB_TECHNICIAN})
    @Audited(resource = "Chart")
    public PatientItems<TimelineEntry> timeline(@PatientRef long patientId, int first, int max) {
        access.require(patientId);
        return new PatientItems<>(patientId, page(patientId, first, max));
    }

    /**
     * The patient's encounters that entries can be recorded in now (planned, in progress, on leave), newest first,
     * with their counts: what the chart's forms offer.
     */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE, Roles.PHARMACIST, Roles.LAB_TECHNICIAN})
    @Audited(resource = "Chart")
    public PatientItems<TimelineEntry> openEncounters(@PatientRef long patientId) {
        access.require(patientId);
        return new PatientItems<>(patientId, entries(em.createQuery("select e from Encounter e where e.patient.id = :p"
                        + " and e.status in :open order by e.startedAt desc, e.id desc", Encounter.class)
                .setParameter("p", patientId)
                .setParameter("open", List.of(EncounterStatus.PLANNED, EncounterStatus.IN_PROGRESS,
                        EncounterStatus.ON_LEAVE))
                .setMaxResults(50).getResultList()));
    }

    private List<TimelineEntry> page(long patientId, int first, int max) {
        return entries(em.createQuery("select e from Encounter e where e.patient.id = :p"
                        + " order by e.startedAt desc, e.id desc", Encounter.class)
                .setParameter("p", patientId).setFirstResult(Math.max(0, first))
                .setMaxResults(Math.max(1, Math.min(max, 100))).getResultList());
    }

    /** The encounters with the count of what was recorded in each (four grouped counts, whatever the number). */
    private List<TimelineEntry> entries(List<Encounter> encounters) {
        if (encounters.isEmpty()) {
            return List.of();
        }
        List<Long> ids = encounters.stream().map(Encounter::getId).toList();
        // what was recorded in each: one statement for the four kinds of entry
        Map<String, Long> counts = new HashMap<>();
        for (Object row : em.createNativeQuery("select 'V', encounter_id, count(*) from observation"
                        + " where encounter_id in (:ids) group by encounter_id"
                        + " union all select 'N', encounter_id, count(*) from clinical_note"
                        + " where encounter_id in (:ids) group by encounter_id"
                        + " union all select 'O', encounter_id, count(*) from clinical_order"
                        + " where encounter_id in (:ids) group by encounter_id"
                        + " union all select 'D', encounter_id, count(*) from clinical_condition"
                        + " where encounter_id in (:ids) group by encounter_id")
                .setParameter("ids", ids).getResultList()) {
            Object[] r = (Object[]) row;
            counts.put(r[0] + "|" + ((Number) r[1]).longValue(), ((Number) r[2]).longValue());
        }
        Map<Long, Long> vitalSigns = kind(counts, "V");
        Map<Long, Long> notes = kind(counts, "N");
        Map<Long, Long> orders = kind(counts, "O");
        Map<Long, Long> diagnoses = kind(counts, "D");
        return encounters.stream().map(e -> new TimelineEntry(e.getId(), e.getKind(), e.getStatus(),
                e.getDepartment(), e.getAttending(), e.getStartedAt(), e.getEndedAt(),
                vitalSigns.getOrDefault(e.getId(), 0L), notes.getOrDefault(e.getId(), 0L),
                orders.getOrDefault(e.getId(), 0L), diagnoses.getOrDefault(e.getId(), 0L))).toList();
    }

    private static Map<Long, Long> kind(Map<String, Long> counts, String kind) {
        Map<Long, Long> of = new HashMap<>();
        counts.forEach((key, n) -> {
            if (key.startsWith(kind + "|")) {
                of.put(Long.valueOf(key.substring(2)), n);
            }
        });
        return of;
    }
}
