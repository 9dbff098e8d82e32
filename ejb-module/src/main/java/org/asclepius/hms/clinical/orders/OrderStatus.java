package org.asclepius.hms.clinical.orders;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an order stands, and where it may go next: a draft is signed (or discarded as cancelled); a signed order is
 * started by whoever fulfils it, then completed; a signed or started order may be cancelled; any order may be marked
 * entered in error.
 */
public enum OrderStatus {
    DRAFT, SIGNED, IN_PROGRESS, COMPLETED, CANCELLED, ENTERED_IN_ERROR;

    public Set<OrderStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SIGNED, CANCELLED, ENTERED_IN_ERROR);
            case SIGNED -> EnumSet.of(IN_PROGRESS, COMPLETED, CANCELLED, ENTERED_IN_ERROR);
            case IN_PROGRESS -> EnumSet.of(COMPLETED, CANCELLED, ENTERED_IN_ERROR);
            case COMPLETED -> EnumSet.of(ENTERED_IN_ERROR);
            case CANCELLED, ENTERED_IN_ERROR -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    public boolean open() {
        return this == DRAFT || this == SIGNED || this == IN_PROGRESS;
    }

    public String label() {
        return switch (this) {
            case DRAFT -> "Draft";
            case SIGNED -> "Signed";
            case IN_PROGRESS -> "In progress";
            case COMPLETED -> "Completed";
            case CANCELLED -> "Cancelled";
            case ENTERED_IN_ERROR -> "Entered in error";
        };
    }
}
