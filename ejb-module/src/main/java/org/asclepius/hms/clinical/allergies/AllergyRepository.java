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

    /** The entries (active first, newest first; entered-in-error ones only when asked) and the latest assessment. */
    public AllergyList list(long patientId, boolean withErrors) {
        List<AllergyRecord> items = em.createQuery("select a from Allergy a where a.patient.id = :p"
                        + " and (:all = true or a.verification <> :error)"
                        + " order by case when a.status = :active then 0 else 1 end, a.createdAt desc, a.id desc",
                        Allergy.class)
                .setParameter("p", patientId).setParameter("all", withErrors)
                .setParameter("error", Allergy.Verification.ENTERED_IN_ERROR)
                .setParameter("active", Allergy.Status.ACTIVE)
                .setHint(HibernateHints.HINT_READ_ONLY, true) // records only: nothing to dirty-check at flush
                .setMaxResults(200)
                .getResultList().stream().map(AllergyRecord::of).toList();
        AllergyAssessment latest = em.createQuery("select a from AllergyAssessment a where a.patient.id = :p"
                        + " order by a.recordedAt desc, a.id desc", AllergyAssessment.class)
                .setParameter("p", patientId).setMaxResults(1).getResultList().stream().findFirst().orElse(null);
        return new AllergyList(patientId, latest == null ? null : latest.getFinding(),
                latest == null ? null : latest.getRecordedBy(), latest == null ? null : latest.getRecordedAt(), items);
    }
}
