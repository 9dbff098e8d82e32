package org.asclepius.hms.shared;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times are stored in UTC and shown in the hospital's zone ({@code hms.zone}, default the server's). */
public final class TimeFormat {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    private TimeFormat() {
    }

    public static ZoneId hospitalZone() {
        String zone = System.getProperty("hms.zone", System.getenv().getOrDefault("HMS_ZONE", ""));
        return zone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(zone);
    }

    public static String forUsers(Instant instant) {
        return instant == null ? "an unknown time" : FORMAT.format(instant.atZone(hospitalZone()));
    }
}
