package org.asclepius.hms.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Server-side validation of service input, whatever the screen or API did before. Turns Bean Validation
 * violations into an {@link InvalidInputException} with one message per field.
 */
@ApplicationScoped
public class InputValidator {
    @Inject
    Validator validator;

    public <T> T validate(T input) {
        if (input == null) {
            throw InvalidInputException.of("input", "is required");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(toFieldErrors(violations));
        }
        return input;
    }

    public static <T> Map<String, String> toFieldErrors(Set<ConstraintViolation<T>> violations) {
        Map<String, String> errors = new LinkedHashMap<>();
        violations.stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .forEach(v -> errors.merge(v.getPropertyPath().toString(), v.getMessage(), (a, b) -> a + "; " + b));
        return errors;
    }
}
