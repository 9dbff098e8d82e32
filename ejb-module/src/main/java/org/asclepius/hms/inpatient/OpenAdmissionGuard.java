package org.asclepius.hms.inpatient;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.asclepius.hms.patient.MergeGuard;

/** Patient flow's veto on merges: a patient with an open admission is not merged or unmerged until discharged. */
@ApplicationScoped
public class OpenAdmissionGuard implements MergeGuard {
    @PersistenceContext
    EntityManager em;

    @Override
    public Optional<String> refusal(long patientId) {
        long open = em.createQuery("select count(a) from Admission a where a.patient.id = :p and a.status in"
                        + " (org.asclepius.hms.inpatient.AdmissionStatus.ADMITTED,"
                        + " org.asclepius.hms.inpatient.AdmissionStatus.ON_LEAVE)", Long.class)
                .setParameter("p", patientId).getSingleResult();
        return open == 0 ? Optional.empty()
                : Optional.of("The patient is admitted; merge the records after the discharge.");
    }
}
