package org.asclepius.hms.shared;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/** Values of a native query's row as the JDBC driver of the database (H2 or PostgreSQL) hands them over. */
public final class NativeRows {
    private NativeRows() {
    }

    public static long number(Object value) {
        return ((Number) value).longValue();
    }

    public static Long numberOrNull(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    /** A timestamp with time zone (null stays null). */
    public static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
