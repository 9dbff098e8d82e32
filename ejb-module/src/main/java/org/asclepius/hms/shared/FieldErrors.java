package org.asclepius.hms.shared;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects one message per field while a service checks its input, then refuses all of them at once with an
 * {@link InvalidInputException} — so a screen shows every mistake beside its field in one go.
 */
public final class FieldErrors {
    private final Map<String, String> errors = new LinkedHashMap<>();

    public void add(String field, String message) {
        errors.putIfAbsent(field, message);
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    /** Required free text: trimmed; a message when blank, too long or carrying markup. */
    public String text(String field, String value, int max, String whenMissing) {
        if (value == null || value.isBlank()) {
            add(field, whenMissing);
            return null;
        }
        return optionalText(field, value, max);
    }

    /** Optional free text: trimmed, null when blank; a message when too long or carrying markup. */
    public String optionalText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String t = value.strip();
        if (t.length() > max) {
            add(field, "at most " + max + " characters");
        } else if (t.chars().anyMatch(c -> c == '<' || c == '>' || (Character.isISOControl(c) && c != '\n'
                && c != '\r' && c != '\t'))) {
            add(field, "must not contain < or > or control characters");
        }
        return t;
    }

    /**
     * Clinical prose (note sections, addenda): trimmed, null when blank; may contain {@code <} and {@code >}
     * ("BP > 140" — screens escape everything they show), but no control characters other than line breaks and tabs.
     */
    public String prose(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String t = value.strip();
        if (t.length() > max) {
            add(field, "at most " + max + " characters");
        } else if (t.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            add(field, "must not contain control characters");
        }
        return t;
    }

    /** A required value. */
    public <T> T required(String field, T value, String whenMissing) {
        if (value == null) {
            add(field, whenMissing);
        }
        return value;
    }

    /** A number within its plausible range (inclusive); null passes (use {@link #required} for that). */
    public BigDecimal range(String field, BigDecimal value, BigDecimal min, BigDecimal max, String unit) {
        if (value != null && (value.compareTo(min) < 0 || value.compareTo(max) > 0)) {
            add(field, "must be between " + min.toPlainString() + " and " + max.toPlainString()
                    + (unit == null || unit.isBlank() ? "" : " " + unit) + " — check the value");
        }
        return value;
    }

    public void refuseIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
