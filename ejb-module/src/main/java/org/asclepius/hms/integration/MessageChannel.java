package org.asclepius.hms.integration;

/**
 * A way out of the hospital for outbox messages (email, SMS, HL7 v2 over MLLP). Implementations are CDI
 * beans; the outbox finds the channel by {@link #name()}. A failure is thrown as {@link DeliveryException} with a
 * message staff can act on (it is shown in the dead-letter view); it must not contain the message text.
 */
public interface MessageChannel {
    String name();

    void deliver(String recipient, String subject, String body) throws DeliveryException;

    /**
     * Whether messages to one recipient must go out in the order they were written (HL7 ADT: an admission before
     * its transfer before its discharge). The outbox then sends a message only when no older one to the same
     * recipient is still waiting or being retried; a dead one does not hold the line.
     */
    default boolean ordered() {
        return false;
    }
}
