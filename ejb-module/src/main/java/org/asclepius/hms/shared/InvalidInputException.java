package org.asclepius.hms.shared;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Input that breaks a rule. Carries one message per field (the field's property path, e.g.
 * {@code birthDate} or {@code identifiers[0].value}), so that screens show them beside the fields and the
 * API returns them as issues.
 */
public class InvalidInputException extends DomainException {
    private static final long serialVersionUID = 1L;
    private final LinkedHashMap<String, String> fieldErrors;

    public InvalidInputException(Map<String, String> fieldErrors) {
        super(summary(fieldErrors));
        this.fieldErrors = new LinkedHashMap<>(fieldErrors);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(Map.of(field, message));
    }

    public Map<String, String> getFieldErrors() {
        return Collections.unmodifiableMap(fieldErrors);
    }

    private static String summary(Map<String, String> errors) {
        StringBuilder sb = new StringBuilder("Please correct the highlighted fields:");
        errors.forEach((field, message) -> sb.append(' ').append(field).append(": ").append(message).append(';'));
        return sb.substring(0, sb.length() - 1) + ".";
    }
}
