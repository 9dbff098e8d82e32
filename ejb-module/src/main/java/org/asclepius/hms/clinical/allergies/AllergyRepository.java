package org.asclepius.hms.clinical.allergies;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.asclepius.hms.shared.Code;

/** Reads of allergies shared by the allergy service and the chart (callers check access and audit). */
@Dependent
public class AllergyRepository {
    @PersistenceContext
    EntityManager em;

    /**
     * The entries (active first, newest first; entered-in-error ones only when asked) and the latest assessment, in
     * one statement: the patient's row joined to each entry and to the latest assessment (one row, with no entry,
     * when there are none). Read as rows, not entities: no hydration, and nothing in the persistence context for
     * later queries to flush.
     */
    public AllergyList list(long patientId, boolean withErrors) {
        List<Row> rows = em.createQuery("select new " + Row.class.getName() + "(a.id, a.patient.id, a.encounter.id,"
                        + " a.allergenSystem, a.allergenCode, a.allergen, a.category, a.type, a.reaction, a.severity,"
                        + " a.status, a.verification, a.onsetDate, a.note, a.errorReason, a.createdBy, a.createdAt,"
                        + " a.version, x.finding, x.recordedBy, x.recordedAt) from Patient p"
                        + " left join Allergy a on a.patient = p and (:all = true or a.verification <> :error)"
                        // the latest: the highest id of the last time recorded (JPA subqueries have no order/limit)
                        + " left join AllergyAssessment x on x.id = (select max(l.id) from AllergyAssessment l"
                        + " where l.patient = p and l.recordedAt = (select max(m.recordedAt) from AllergyAssessment m"
                        + " where m.patient = p))"
                        + " where p.id = :p"
                        + " order by case when a.status = :active then 0 else 1 end, a.createdAt desc, a.id desc",
                        Row.class)
                .setParameter("p", patientId).setParameter("all", withErrors)
                .setParameter("error", Allergy.Verification.ENTERED_IN_ERROR)
                .setParameter("active", Allergy.Status.ACTIVE)
                .setMaxResults(200)
                .getResultList();
        List<AllergyRecord> items = rows.stream().filter(r -> r.id() != null).map(Row::entry).toList();
        Row first = rows.isEmpty() ? null : rows.get(0);
        return first == null ? new AllergyList(patientId, null, null, null, items)
                : new AllergyList(patientId, first.finding(), first.assessedBy(), first.assessedAt(), items);
    }

    /** A row of {@link #list}: an entry's columns (all null when the patient has none) and the latest assessment. */
    public record Row(Long id, Long patientId, Long encounterId, String allergenSystem, String allergenCode,
                      String allergen, Allergy.Category category, Allergy.Type type, String reaction,
                      Allergy.Severity severity, Allergy.Status status, Allergy.Verification verification,
                      LocalDate onsetDate, String note, String errorReason, String recordedBy, Instant recordedAt,
                      Long version, AllergyAssessment.Finding finding, String assessedBy, Instant assessedAt) {
        AllergyRecord entry() {
            return new AllergyRecord(id, patientId, encounterId, new Code(allergenSystem, allergenCode, allergen),
                    category, type, reaction, severity, status, verification, onsetDate, note, errorReason,
                    recordedBy, recordedAt, version);
        }
    }
}
