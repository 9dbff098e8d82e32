package org.asclepius.hms.integration;

import java.io.Serializable;
import java.time.Instant;
import org.asclepius.hms.shared.PatientScoped;

/** An outbox message as staff see it in the delivery view (the text itself is not shown there). */
public record OutboxRecord(long id, String channel, String topic, String recipient, String subject,
        Long patient, String reference, OutboxStatus status, int attempts, Instant dueAt, Instant nextAttemptAt,
        String lastError, Instant sentAt) implements PatientScoped, Serializable {

    static OutboxRecord of(OutboxMessage m) {
        return new OutboxRecord(m.getId(), m.getChannel(), m.getTopic(), m.getRecipient(), m.getSubject(),
                m.getPatient() == null ? null : m.getPatient().getId(), m.getReference(), m.getStatus(),
                m.getAttempts(), m.getDueAt(), m.getNextAttemptAt(), m.getLastError(), m.getSentAt());
    }

    @Override
    public long patientId() {
        return patient == null ? 0 : patient;
    }

    @Override
    public String resourceId() {
        return String.valueOf(id);
    }
}
