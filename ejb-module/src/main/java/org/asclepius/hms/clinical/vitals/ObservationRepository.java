package org.asclepius.hms.clinical.vitals;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;

/** Reads of vital signs shared by the vital-sign service and the chart (callers check access and audit). */
@Dependent
public class ObservationRepository {
    @PersistenceContext
    EntityManager em;

    /** The latest final value of each vital sign (with its encounter): one indexed lookup per kind. */
    public List<ObservationRecord> latest(long patientId) {
        List<ObservationRecord> latest = new ArrayList<>();
        for (VitalSign kind : VitalSign.values()) {
            em.createQuery("select o from Observation o join fetch o.encounter where o.patient.id = :p and o.kind = :k"
                            + " and o.status = :final order by o.effectiveAt desc, o.id desc", Observation.class)
                    .setParameter("p", patientId).setParameter("k", kind)
                    .setParameter("final", Observation.Status.FINAL)
                    .setMaxResults(1).getResultStream().findFirst()
                    .map(ObservationRecord::of).ifPresent(latest::add);
        }
        return latest;
    }
}
