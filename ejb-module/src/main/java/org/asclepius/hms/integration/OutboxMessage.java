package org.asclepius.hms.integration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.asclepius.hms.patient.Patient;
import org.asclepius.hms.shared.TrackedEntity;

/**
 * A message to a person or system, written in the business transaction that caused it and delivered later by
 * {@link OutboxDelivery} through its channel, with retry and exponential back-off.
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage extends TrackedEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_seq")
    @SequenceGenerator(name = "outbox_seq", sequenceName = "outbox_seq", allocationSize = 50)
    private Long id;
    @Column(name = "channel", nullable = false, length = 20)
    private String channel;
    @Column(name = "topic", nullable = false, length = 40)
    private String topic;
    @Column(name = "recipient", nullable = false, length = 200)
    private String recipient;
    @Column(name = "subject", length = 200)
    private String subject;
    @Column(name = "body", nullable = false, length = 4000)
    private String body;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "patient_id")
    private Patient patient;
    @Column(name = "reference", length = 60)
    private String reference;
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private OutboxStatus status = OutboxStatus.PENDING;
    @Column(name = "attempts", nullable = false)
    private int attempts;
    @Column(name = "due_at", nullable = false)
    private Instant dueAt;
    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;
    @Column(name = "last_error", length = 500)
    private String lastError;
    @Column(name = "sent_at")
    private Instant sentAt;

    protected OutboxMessage() {
    }

    public OutboxMessage(OutgoingMessage m, Patient patient) {
        this.channel = m.channel();
        this.topic = m.topic();
        this.recipient = m.recipient();
        this.subject = m.subject();
        this.body = m.body();
        this.reference = m.reference();
        this.patient = patient;
        this.dueAt = m.dueAt();
        this.nextAttemptAt = m.dueAt();
    }

    void sent(Instant now) {
        status = OutboxStatus.SENT;
        attempts++;
        sentAt = now;
        lastError = null;
    }

    void failed(String error, Instant now, RetryPolicy retry) {
        attempts++;
        lastError = error == null ? "unknown error" : error.length() > 500 ? error.substring(0, 500) : error;
        if (attempts >= retry.maxAttempts()) {
            status = OutboxStatus.DEAD;
        } else {
            nextAttemptAt = now.plus(retry.delayAfter(attempts));
        }
    }

    void retryNow(Instant now) {
        status = OutboxStatus.PENDING;
        attempts = 0;
        nextAttemptAt = now;
    }

    void cancel() {
        status = OutboxStatus.CANCELLED;
    }

    public Long getId() { return id; }
    public String getChannel() { return channel; }
    public String getTopic() { return topic; }
    public String getRecipient() { return recipient; }
    public String getSubject() { return subject; }
    public String getBody() { return body; }
    public Patient getPatient() { return patient; }
    public String getReference() { return reference; }
    public OutboxStatus getStatus() { return status; }
    public int getAttempts() { return attempts; }
    public Instant getDueAt() { return dueAt; }
    public Instant getNextAttemptAt() { return nextAttemptAt; }
    public String getLastError() { return lastError; }
    public Instant getSentAt() { return sentAt; }
}
