package org.asclepius.hms.inpatient;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.asclepius.hms.shared.PatientScoped;
import org.asclepius.hms.shared.PatientsScoped;

/** The bed board: the wards shown, in code order, as read at one time. Every patient shown is audited. */
public record BedBoard(List<BoardWard> wards, Instant readAt) implements PatientsScoped, Serializable {

    public List<BoardBed> beds() {
        return wards.stream().flatMap(w -> w.beds().stream()).toList();
    }

    /** How many of the beds shown are in this state. */
    public long shown(BedStatus status) {
        return wards.stream().flatMap(w -> w.rooms().stream()).flatMap(r -> r.beds().stream())
                .filter(b -> b.status() == status).count();
    }

    @Override
    public List<? extends PatientScoped> scopedParts() {
        return beds().stream().flatMap(b -> b.scopedParts().stream()).toList();
    }
}
