package org.asclepius.hms.encounter;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.asclepius.hms.inpatient.AdmissionSource;
import org.asclepius.hms.shared.PatientScoped;

/**
 * A visit as the API shows it: kind, status, department, attending, period and — for an inpatient stay — where the
 * patient came from, the disposition at discharge and the beds, in time order.
 */
public record EncounterRecord(long id, long version, long patient, String patientName, EncounterKind kind,
        EncounterStatus status, String department, String attending, Instant start, Instant end, Long admissionId,
        AdmissionSource admissionSource, String disposition, List<BedPeriod> beds)
        implements PatientScoped, Serializable {

    public EncounterRecord {
        beds = List.copyOf(beds);
    }

    /** A bed of the stay from a time until a time (null: the patient is there now). */
    public record BedPeriod(long bedId, String bed, String room, long wardId, String wardCode, String wardName,
            Instant start, Instant end) implements Serializable {
    }

    @Override
    public long patientId() {
        return patient;
    }

    @Override
    public String resourceId() {
        return String.valueOf(id);
    }
}
