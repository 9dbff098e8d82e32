package org.asclepius.hms.clinical.orders;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.asclepius.hms.shared.Code;
import org.asclepius.hms.shared.PatientScoped;

/** An order as screens and the API read it, with its status history. */
public record OrderRecord(long id, long patientId, long encounterId, OrderKind kind, Code code,
        OrderPriority priority, String reason, String instructions, String dose, String route, String frequency,
        Integer durationDays, OrderStatus status, String orderedBy, Instant orderedAt, String signedBy,
        Instant signedAt, String statusReason, List<Change> history, long version)
        implements PatientScoped, Serializable {

    /** One status the order went to. */
    public record Change(OrderStatus status, Instant at, String by, String note) implements Serializable {
    }

    static OrderRecord of(ClinicalOrder o) {
        return new OrderRecord(o.getId(), o.getPatient().getId(), o.getEncounter().getId(), o.getKind(), o.getCode(),
                o.getPriority(), o.getReason(), o.getInstructions(), o.getDose(), o.getRoute(), o.getFrequency(),
                o.getDurationDays(), o.getStatus(), o.getOrderedBy(), o.getCreatedAt(), o.getSignedBy(),
                o.getSignedAt(), o.getStatusReason(), o.getHistory().stream()
                .map(h -> new Change(h.getStatus(), h.getChangedAt(), h.getChangedBy(), h.getNote())).toList(),
                o.getVersion());
    }

    @Override
    public String resourceId() {
        return String.valueOf(id);
    }

    /** "500 MG Oral Tablet — 1 tablet, oral, twice daily, 7 days" for medications; the name otherwise. */
    public String summary() {
        if (kind != OrderKind.MEDICATION) {
            return code.display();
        }
        return code.display() + " — " + dose + ", " + route + ", " + frequency
                + (durationDays == null ? "" : ", " + durationDays + " days");
    }
}
