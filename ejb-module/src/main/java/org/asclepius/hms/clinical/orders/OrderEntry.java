package org.asclepius.hms.clinical.orders;

import java.io.Serializable;

/**
 * An order as the prescriber enters it: the orderable's code (from the order catalogue), priority, reason,
 * instructions; for medications the dose, route and frequency (required) and the duration in days.
 */
public record OrderEntry(Long encounterId, OrderKind kind, String code, OrderPriority priority, String reason,
        String instructions, String dose, String route, String frequency, Integer durationDays)
        implements Serializable {
}
