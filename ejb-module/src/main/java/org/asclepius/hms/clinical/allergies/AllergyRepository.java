package org.asclepius.hms.clinical.allergies;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.hibernate.jpa.HibernateHints;

/** Reads of allergies shared by the allergy service and the chart (callers check access and audit). */
@Dependent
public class AllergyRepository {
    @PersistenceContext
    EntityManager em;

    /**
     * The entries (active first, newest first; entered-in-error ones only when asked) and the latest assessment, in
     * one statement: the patient's row joined to each entry and to the latest assessment (one row, with no entry,
     * when there are none).
     */
    public AllergyList list(long patientId, boolean withErrors) {
        List<Object[]> rows = em.createQuery("select a, x from Patient p"
                        + " left join Allergy a on a.patient = p and (:all = true or a.verification <> :error)"
                        // the latest: the highest id of the last time recorded (JPA subqueries have no order/limit)
                        + " left join AllergyAssessment x on x.id = (select max(l.id) from AllergyAssessment l"
                        + " where l.patient = p and l.recordedAt = (select max(m.recordedAt) from AllergyAssessment m"
                        + " where m.patient = p))"
                        + " where p.id = :p"
                        + " order by case when a.status = :active then 0 else 1 end, a.createdAt desc, a.id desc",
                        Object[].class)
                .setParameter("p", patientId).setParameter("all", withErrors)
                .setParameter("error", Allergy.Verification.ENTERED_IN_ERROR)
                .setParameter("active", Allergy.Status.ACTIVE)
                .setHint(HibernateHints.HINT_READ_ONLY, true) // records only: nothing to dirty-check at flush
                .setMaxResults(200)
                .getResultList();
        List<AllergyRecord> items = rows.stream().filter(r -> r[0] != null).map(r -> AllergyRecord.of((Allergy) r[0]))
                .toList();
        AllergyAssessment latest = rows.isEmpty() ? null : (AllergyAssessment) rows.get(0)[1];
        return new AllergyList(patientId, latest == null ? null : latest.getFinding(),
                latest == null ? null : latest.getRecordedBy(), latest == null ? null : latest.getRecordedAt(), items);
    }
}
