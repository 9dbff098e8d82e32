package org.asclepius.hms.shared;

import java.io.Serializable;
import java.util.List;

/**
 * A list of one patient's records (vital signs, notes, orders…): audited as one read of that patient — one event
 * per patient per request, however long the list.
 */
public record PatientItems<T>(long patientId, List<T> items) implements PatientScoped, Serializable {
    public PatientItems {
        items = List.copyOf(items);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }
}
