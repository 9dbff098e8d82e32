package org.asclepius.hms.systemtest.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import org.asclepius.hms.shared.InvalidInputException;

/** What a refused service call threw, and the message it gave a field. */
public final class Refusals {
    private Refusals() {
    }

    /** Runs the action, which must fail, and returns what it threw. */
    public static Throwable refusal(Callable<?> action) {
        try {
            action.call();
        } catch (Throwable t) {
            return t;
        }
        throw new AssertionError("expected a refusal");
    }

    /** The message of an {@link InvalidInputException} for one field. */
    public static String fieldError(Throwable e, String field) {
        assertThat(e).isInstanceOf(InvalidInputException.class);
        return ((InvalidInputException) e).getFieldErrors().get(field);
    }
}
