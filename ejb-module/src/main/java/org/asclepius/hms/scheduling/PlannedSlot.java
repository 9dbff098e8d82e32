package org.asclepius.hms.scheduling;

import java.time.Instant;

/** A slot as the schedule says it should be. */
public record PlannedSlot(Instant start, Instant end, boolean blocked) {
}
