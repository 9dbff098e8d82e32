package org.asclepius.hms.integration;

/** A message could not be delivered this time; the outbox retries it later. */
public class DeliveryException extends Exception {
    private static final long serialVersionUID = 1L;

    public DeliveryException(String message) {
        super(message);
    }

    public DeliveryException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The innermost cause as "Class message" (e.g. "ConnectException Connection refused"), for messages to staff. */
    public static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : " " + t.getMessage());
    }
}
