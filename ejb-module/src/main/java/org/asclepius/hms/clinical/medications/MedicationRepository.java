package org.asclepius.hms.clinical.medications;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Reads of the medication list shared by the medication service and the chart (callers check access and audit). */
@Dependent
public class MedicationRepository {
    @PersistenceContext
    EntityManager em;

    /**
     * Active lines first (then stopped ones when asked), newest first. Read as records, not entities: no hydration,
     * and nothing in the persistence context for later queries to flush.
     */
    public List<MedicationRecord> list(long patientId, boolean withStopped) {
        return em.createQuery("select new " + MedicationRecord.class.getName() + "(m.id, m.patient.id, m.order.id,"
                        + " m.codeSystem, m.code, m.display, m.dose, m.route, m.frequency, m.source, m.status,"
                        + " m.startedOn, m.stoppedAt, m.stoppedBy, m.stopReason, m.createdBy, m.createdAt, m.version)"
                        + " from Medication m where m.patient.id = :p"
                        + " and (m.status = :active or :all = true)"
                        + " order by case when m.status = :active then 0 else 1 end, m.startedOn desc, m.id desc",
                        MedicationRecord.class)
                .setParameter("p", patientId).setParameter("active", Medication.Status.ACTIVE)
                .setParameter("all", withStopped)
                .setMaxResults(500).getResultList();
    }
}
