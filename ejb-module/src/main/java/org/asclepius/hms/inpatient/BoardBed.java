package org.asclepius.hms.inpatient;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.asclepius.hms.shared.PatientScoped;
import org.asclepius.hms.shared.PatientsScoped;

/**
 * A bed on the board: where it is, its kind and state, the patient in it (null when none) and, for a reserved
 * bed, the patient it is held for (null when none).
 */
public record BoardBed(long id, long version, long wardId, String ward, String room, String label, BedKind kind,
        BedStatus status, String note, BoardOccupant occupant, BoardReservation reservation)
        implements PatientsScoped, Serializable {

    /** "MED-3 R12-A". */
    public String name() {
        return ward + " " + room + "-" + label;
    }

    @Override
    public List<? extends PatientScoped> scopedParts() {
        List<PatientScoped> parts = new ArrayList<>(2);
        if (occupant != null) {
            parts.add(occupant);
        }
        if (reservation != null) {
            parts.add(reservation);
        }
        return parts;
    }
}
