package org.asclepius.hms.clinical.coding;

import java.io.Serializable;
import java.time.Instant;

/** A code set as loaded now: its version, where it came from, when and by whom, and how many codes it holds. */
public record CodeSetStatus(String name, String version, String source, Instant loadedAt, String loadedBy,
        long active, long inactive) implements Serializable {
}
