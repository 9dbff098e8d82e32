package org.asclepius.hms.scheduling;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.asclepius.hms.shared.PatientScoped;
import org.asclepius.hms.shared.PatientsScoped;

/** A recurring series as booked: its appointments and the occurrences left out, with why. */
public record SeriesResult(long seriesId, int everyWeeks, int occurrences, List<AppointmentRecord> appointments,
        List<Skipped> skipped) implements PatientsScoped, Serializable {

    public record Skipped(int occurrence, Instant plannedStart, String reason) implements Serializable {
    }

    @Override
    public List<? extends PatientScoped> scopedParts() {
        return appointments;
    }
}
