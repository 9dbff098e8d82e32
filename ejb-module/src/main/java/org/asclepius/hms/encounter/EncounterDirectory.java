package org.asclepius.hms.encounter;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.asclepius.hms.audit.AuditAction;
import org.asclepius.hms.audit.Audited;
import org.asclepius.hms.audit.PatientRef;
import org.asclepius.hms.inpatient.Admission;
import org.asclepius.hms.inpatient.BedStay;
import org.asclepius.hms.patient.Patient;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.shared.NotFoundException;
import org.asclepius.hms.shared.Page;
import org.asclepius.hms.shared.Roles;

/**
 * Reads visits for other systems (FHIR Encounter): one by id, or a search by patient, status, kind and a period
 * the visit overlaps. Every visit returned is audited for its patient. A search without a patient must give a
 * period of at most {@link #MAX_PERIOD} (a ward's or a department's list, not the hospital's history).
 */
@Stateless
@Audited(resource = "Encounter")
public class EncounterDirectory {
    public static final Duration MAX_PERIOD = Duration.ofDays(31);

    @PersistenceContext
    EntityManager em;

    @RolesAllowed({Roles.ADMIN, Roles.PHYSICIAN, Roles.NURSE, Roles.RECEPTIONIST, Roles.INTEGRATION})
    @Audited(action = AuditAction.READ, resource = "Encounter")
    public EncounterRecord get(long id) {
        List<Encounter> found = em.createQuery("select e from Encounter e join fetch e.patient where e.id = :id",
                Encounter.class).setParameter("id", id).getResultList();
        if (found.isEmpty()) {
            throw new NotFoundException("Encounter", id);
        }
        return records(found).get(0);
    }

    /**
     * The visits of a patient (or of everybody in a period) that overlap [{@code from}, {@code to}) — either end may
     * be open when a patient is given — with one of the statuses and kinds (empty: any), newest first.
     */
    @RolesAllowed({Roles.ADMIN, Roles.PHYSICIAN, Roles.NURSE, Roles.RECEPTIONIST, Roles.INTEGRATION})
    @Audited(action = AuditAction.SEARCH, resource = "Encounter")
    public Page<EncounterRecord> search(@PatientRef Long patientId, Set<EncounterStatus> statuses,
            Set<EncounterKind> kinds, Instant from, Instant to, int first, int max) {
        if (patientId == null && (from == null || to == null || Duration.between(from, to).compareTo(MAX_PERIOD) > 0)) {
            throw InvalidInputException.of("date", "without a patient, give a period of at most "
                    + MAX_PERIOD.toDays() + " days (date=ge…&date=lt…)");
        }
        if (from != null && to != null && !to.isAfter(from)) {
            throw InvalidInputException.of("date", "the period is empty");
        }
        if (first < 0 || max < 0) {
            throw InvalidInputException.of("first", "paging starts at 0 and takes 0 or more");
        }
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (patientId != null) {
            where.append(" and e.patient.id = :patient");
            parameters.put("patient", patientId);
        }
        if (statuses != null && !statuses.isEmpty()) {
            where.append(" and e.status in :statuses");
            parameters.put("statuses", List.copyOf(statuses));
        }
        if (kinds != null && !kinds.isEmpty()) {
            where.append(" and e.kind in :kinds");
            parameters.put("kinds", List.copyOf(kinds));
        }
        if (to != null) {
            where.append(" and e.startedAt < :to");
            parameters.put("to", to);
        }
        if (from != null) {
            where.append(" and (e.endedAt is null or e.endedAt > :from)");
            parameters.put("from", from);
        }
        TypedQuery<Long> count = em.createQuery("select count(e) from Encounter e" + where, Long.class);
        TypedQuery<Encounter> page = em.createQuery("select e from Encounter e join fetch e.patient" + where
                + " order by e.startedAt desc, e.id desc", Encounter.class);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            page.setParameter(name, value);
        });
        long total = count.getSingleResult();
        List<EncounterRecord> items = max == 0 ? List.of()
                : records(page.setFirstResult(first).setMaxResults(max).getResultList());
        return new Page<>(items, total, first, max);
    }

    private List<EncounterRecord> records(List<Encounter> encounters) {
        if (encounters.isEmpty()) {
            return List.of();
        }
        List<Long> ids = encounters.stream().map(Encounter::getId).toList();
        Map<Long, Admission> admissions = new HashMap<>();
        em.createQuery("select a from Admission a where a.encounter.id in :ids", Admission.class)
                .setParameter("ids", ids).getResultStream()
                .forEach(a -> admissions.put(a.getEncounter().getId(), a));
        Map<Long, List<EncounterRecord.BedPeriod>> beds = new HashMap<>();
        if (!admissions.isEmpty()) {
            em.createQuery("select s from BedStay s join fetch s.bed where s.admission.id in :ids and s.cancelled = false"
                            + " order by s.startedAt, s.id", BedStay.class)
                    .setParameter("ids", admissions.values().stream().map(Admission::getId).toList())
                    .getResultStream()
                    .forEach(s -> beds.computeIfAbsent(s.getAdmission().getId(), a -> new ArrayList<>())
                            .add(new EncounterRecord.BedPeriod(s.getBed().getId(), s.getBed().name(),
                                    s.getBed().getRoom(), s.getBed().getWard().getId(), s.getBed().getWard().getCode(),
                                    s.getBed().getWard().getName(), s.getStartedAt(), s.getEndedAt())));
        }
        List<EncounterRecord> records = new ArrayList<>();
        for (Encounter e : encounters) {
            Patient p = e.getPatient();
            Admission a = admissions.get(e.getId());
            records.add(new EncounterRecord(e.getId(), e.getVersion(), p.getId(),
                    p.getFamilyName() + ", " + p.getGivenName(), e.getKind(), e.getStatus(), e.getDepartment(),
                    e.getAttending(), e.getStartedAt(), e.getEndedAt(), a == null ? null : a.getId(),
                    a == null ? null : a.getSource(), a == null ? null : a.getDisposition(),
                    a == null ? List.of() : beds.getOrDefault(a.getId(), List.of())));
        }
        return records;
    }
}
