package org.asclepius.hms.integration;

/**
 * A way out of the hospital for outbox messages (email, SMS; HL7 v2 over MLLP later). Implementations are CDI
 * beans; the outbox finds the channel by {@link #name()}. A failure is thrown as {@link DeliveryException} with a
 * message staff can act on (it is shown in the dead-letter view); it must not contain the message text.
 */
public interface MessageChannel {
    String name();

    void deliver(String recipient, String subject, String body) throws DeliveryException;
}
