package org.asclepius.hms.systemtest.callers;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.asclepius.hms.patient.MergeGuard;

/**
 * Stands in for patient flow's guard until admissions exist: a test marks a patient as admitted and the merge
 * service must then refuse, with this guard's message, through the same {@link MergeGuard} contract patient
 * flow will implement. Only in the test deployment.
 */
@ApplicationScoped
public class OpenAdmissionsForTests implements MergeGuard {
    private static final Set<Long> ADMITTED = ConcurrentHashMap.newKeySet();

    public static void admit(long patientId) {
        ADMITTED.add(patientId);
    }

    public static void discharge(long patientId) {
        ADMITTED.remove(patientId);
    }

    @Override
    public Optional<String> refusal(long patientId) {
        return ADMITTED.contains(patientId)
                ? Optional.of("the patient has an open admission; merge after discharge")
                : Optional.empty();
    }
}
