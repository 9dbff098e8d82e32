package org.asclepius.hms.outpatient;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.asclepius.hms.shared.PatientScoped;

/**
 * A visit with its stage history (oldest first) and the waiting-time figures taken from it: arrival to (first)
 * triage, arrival to the (first) consultation; empty while the stage has not been reached.
 */
public record VisitHistory(VisitRecord visit, List<StageChangeRecord> changes) implements PatientScoped, Serializable {
    public VisitHistory {
        changes = List.copyOf(changes);
    }

    public Optional<Duration> arrivalToTriage() {
        return untilFirst(VisitStage.WAITING);
    }

    public Optional<Duration> arrivalToConsultation() {
        return untilFirst(VisitStage.IN_CONSULTATION);
    }

    private Optional<Duration> untilFirst(VisitStage stage) {
        return changes.stream().filter(c -> c.stage() == stage).findFirst()
                .map(c -> Duration.between(visit.arrivedAt(), c.at()));
    }

    @Override
    public long patientId() {
        return visit.patientId();
    }

    @Override
    public String resourceId() {
        return visit.resourceId();
    }
}
