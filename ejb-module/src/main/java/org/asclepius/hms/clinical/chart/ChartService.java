package org.asclepius.hms.clinical.chart;

import static org.asclepius.hms.shared.NativeRows.instant;
import static org.asclepius.hms.shared.NativeRows.number;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;
import org.asclepius.hms.audit.Audited;
import org.asclepius.hms.audit.PatientRef;
import org.asclepius.hms.clinical.access.ClinicalAccess;
import org.asclepius.hms.clinical.allergies.AllergyRepository;
import org.asclepius.hms.clinical.problems.ConditionCategory;
import org.asclepius.hms.clinical.problems.ConditionRepository;
import org.asclepius.hms.clinical.medications.MedicationRepository;
import org.asclepius.hms.clinical.vitals.ObservationRepository;
import org.asclepius.hms.encounter.EncounterKind;
import org.asclepius.hms.encounter.EncounterStatus;
import org.asclepius.hms.shared.PatientItems;
import org.asclepius.hms.shared.Roles;

/**
 * The patient chart: the summary shown when it opens (one access check, one audit event for the patient) and the
 * encounter timeline a page at a time, each encounter with the count of what was recorded in it.
 */
@Stateless
public class ChartService {
    public static final int TIMELINE_PAGE = 20;
    private static final List<EncounterStatus> OPEN = List.of(EncounterStatus.PLANNED, EncounterStatus.IN_PROGRESS,
            EncounterStatus.ON_LEAVE);

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

    /**
     * Opens the chart: the summary with the first page of the timeline. The summary's reads leave no managed
     * entity behind (records, read-only entities), so the open's only write is its audit event.
     */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE, Roles.PHARMACIST, Roles.LAB_TECHNICIAN})
    @Audited(resource = "Chart")
    public ChartSummary open(@PatientRef long patientId) {
        ClinicalAccess.Decision decision = access.requireDecision(patientId);
        Timeline first = timeline(patientId, null, 0, TIMELINE_PAGE);
        return new ChartSummary(patientId, decision.basis(), decision.restriction(), vitals.latest(patientId),
                conditions.list(patientId, ConditionCategory.PROBLEM, null, true), allergies.list(patientId, false),
                medications.list(patientId, false), first.entries(), first.total());
    }

    /** A page of the timeline, newest encounter first. */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE, Roles.PHARMACIST, Roles.LAB_TECHNICIAN})
    @Audited(resource = "Chart")
    public PatientItems<TimelineEntry> timeline(@PatientRef long patientId, int first, int max) {
        access.require(patientId);
        return new PatientItems<>(patientId, timeline(patientId, null, first, max).entries());
    }

    /**
     * The patient's encounters that entries can be recorded in now (planned, in progress, on leave), newest first,
     * with their counts: what the chart's forms offer.
     */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE, Roles.PHARMACIST, Roles.LAB_TECHNICIAN})
    @Audited(resource = "Chart")
    public PatientItems<TimelineEntry> openEncounters(@PatientRef long patientId) {
        access.require(patientId);
        return new PatientItems<>(patientId, timeline(patientId, OPEN, 0, 50).entries());
    }

    /**
     * A page of the patient's encounters (of the given statuses; null: all), newest first, each with the count of
     * what was recorded in it, and how many encounters the patient has in all (0 past the last page): one statement
     * of index look-ups, whatever the number of encounters.
     */
    private Timeline timeline(long patientId, List<EncounterStatus> statuses, int first, int max) {
        String sql = "select e.id, e.kind, e.status, e.department, e.attending, e.started_at, e.ended_at,"
                + " (select count(*) from observation o where o.encounter_id = e.id),"
                + " (select count(*) from clinical_note n where n.encounter_id = e.id),"
                + " (select count(*) from clinical_order r where r.encounter_id = e.id),"
                + " (select count(*) from clinical_condition c where c.encounter_id = e.id),"
                + " (select count(*) from encounter t where t.patient_id = :p)"
                + " from encounter e where e.patient_id = :p"
                + (statuses == null ? "" : " and e.status in (:statuses)")
                + " order by e.started_at desc, e.id desc offset :first rows fetch next :max rows only";
        Query query = em.createNativeQuery(sql).setParameter("p", patientId)
                .setParameter("first", Math.max(0, first)).setParameter("max", Math.max(1, Math.min(max, 100)));
        if (statuses != null) {
            query.setParameter("statuses", statuses.stream().map(Enum::name).toList());
        }
        List<TimelineEntry> entries = new ArrayList<>();
        long total = 0;
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            entries.add(new TimelineEntry(number(r[0]), EncounterKind.valueOf((String) r[1]),
                    EncounterStatus.valueOf((String) r[2]), (String) r[3], (String) r[4], instant(r[5]),
                    instant(r[6]), number(r[7]), number(r[8]), number(r[9]), number(r[10])));
            total = number(r[11]);
        }
        return new Timeline(entries, total);
    }

    private record Timeline(List<TimelineEntry> entries, long total) {
    }
}
