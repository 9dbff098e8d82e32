package org.asclepius.hms.web.clinical;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Locale;
import org.asclepius.hms.clinical.chart.TimelineEntry;
import org.asclepius.hms.encounter.EncounterRecord;
import org.asclepius.hms.web.shared.UiFormat;

/**
 * Labels of the chart's screens ({@code #{clinicalUi.…}}): enum values as people read them ("Day case",
 * "Entered in error"), an encounter as one line, a break-the-glass duration. Pure.
 */
@Named
@ApplicationScoped
public class ClinicalUi {

    /** "IN_PROGRESS" → "In progress". */
    public String label(Enum<?> value) {
        return sentence(value);
    }

    public static String sentence(Enum<?> value) {
        if (value == null) {
            return "";
        }
        String words = value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** "30 min", "1 h", "12 h". */
    public String duration(int minutes) {
        return minutes(minutes);
    }

    static String minutes(int minutes) {
        return minutes < 60 ? minutes + " min" : minutes % 60 == 0 ? minutes / 60 + " h"
                : minutes / 60 + " h " + minutes % 60 + " min";
    }

    /** "Tue 3 Jun 2025 09:30 – Wed 4 Jun 2025 11:00", or "since …" while it runs. */
    public String period(TimelineEntry e) {
        return e == null ? "" : period(e.start(), e.end());
    }

    static String period(java.time.Instant start, java.time.Instant end) {
        return end == null ? "since " + UiFormat.formatWhen(start)
                : UiFormat.formatWhen(start) + " – " + UiFormat.formatWhen(end);
    }

    /** "Outpatient · Cardiology · since Tue 3 Jun 2025 09:30 · physician" (an encounter to choose). */
    static String encounter(EncounterRecord e) {
        StringBuilder s = new StringBuilder(sentence(e.kind()));
        if (e.department() != null && !e.department().isBlank()) {
            s.append(" · ").append(e.department());
        }
        s.append(" · ").append(period(e.start(), e.end()));
        if (e.attending() != null && !e.attending().isBlank()) {
            s.append(" · ").append(e.attending());
        }
        return s.toString();
    }
}
