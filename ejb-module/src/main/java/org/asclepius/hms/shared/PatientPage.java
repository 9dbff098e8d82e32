package org.asclepius.hms.shared;

import java.io.Serializable;
import java.util.List;

/**
 * One page of one patient's records (vital signs, orders, notes…) with the number of all that match: audited, like
 * {@link PatientItems}, as one read of that patient — one event per patient per request, however long the page.
 */
public record PatientPage<T>(long patientId, List<T> items, long total) implements PatientScoped, Serializable {
    public PatientPage {
        items = List.copyOf(items);
    }
}
