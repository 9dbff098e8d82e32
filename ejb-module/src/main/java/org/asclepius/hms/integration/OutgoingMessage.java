package org.asclepius.hms.integration;

import java.time.Instant;

/**
 * What a module hands to the outbox: the channel ({@code email}, {@code sms}, later {@code mllp}…), a topic for
 * staff (e.g. {@code appointment-reminder}), the recipient's address on that channel, the text, a reference to
 * what it is about (e.g. {@code Appointment/42}) and when it is due.
 */
public record OutgoingMessage(String channel, String topic, String recipient, String subject, String body,
        String reference, Instant dueAt) {
}
