package org.asclepius.hms.clinical.chart;

import java.io.Serializable;
import java.time.Instant;
import org.asclepius.hms.encounter.EncounterKind;
import org.asclepius.hms.encounter.EncounterStatus;

/** An encounter on the chart's timeline, with how much was recorded in it (opened for the detail). */
public record TimelineEntry(long encounterId, EncounterKind kind, EncounterStatus status, String department,
        String attending, Instant start, Instant end, long vitalSigns, long notes, long orders, long diagnoses)
        implements Serializable {
}
