package org.asclepius.hms.clinical.medications;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.hibernate.jpa.HibernateHints;

/** Reads of the medication list shared by the medication service and the chart (callers check access and audit). */
@Dependent
public class MedicationRepository {
    @PersistenceContext
    EntityManager em;

    /** Active lines first (then stopped ones when asked), newest first. */
    public List<MedicationRecord> list(long patientId, boolean withStopped) {
        return em.createQuery("select m from Medication m where m.patient.id = :p"
                        + " and (m.status = :active or :all = true)"
                        + " order by case when m.status = :active then 0 else 1 end, m.startedOn desc, m.id desc",
                        Medication.class)
                .setParameter("p", patientId).setParameter("active", Medication.Status.ACTIVE)
                .setParameter("all", withStopped)
                .setHint(HibernateHints.HINT_READ_ONLY, true) // records only: nothing to dirty-check at flush
                .setMaxResults(500).getResultList().stream()
                .map(MedicationRecord::of).toList();
    }
}
