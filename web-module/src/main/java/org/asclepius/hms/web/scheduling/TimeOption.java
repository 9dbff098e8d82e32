package org.asclepius.hms.web.scheduling;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.asclepius.hms.web.shared.UiFormat;

/**
 * A start time a clerk can choose: free, or (for a service whose policy allows more than one booking per slot)
 * already booked, so that choosing it asks for the reason to overbook. The value is the instant (ISO-8601), the
 * label the local time.
 */
public record TimeOption(Instant start, boolean overbook) implements Serializable {

    public String getValue() {
        return start.toString();
    }

    public String getLabel() {
        return UiFormat.formatClock(start) + (overbook ? " (overbook)" : "");
    }

    /** The free times, then the busy ones not among them, in time order. */
    static List<TimeOption> of(Collection<Instant> free, Collection<Instant> busy) {
        List<TimeOption> options = new ArrayList<>();
        free.forEach(t -> options.add(new TimeOption(t, false)));
        busy.stream().filter(t -> !free.contains(t)).distinct().forEach(t -> options.add(new TimeOption(t, true)));
        options.sort(Comparator.comparing(TimeOption::start));
        return options;
    }
}
