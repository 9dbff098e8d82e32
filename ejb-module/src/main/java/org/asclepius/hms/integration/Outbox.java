package org.asclepius.hms.integration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import org.asclepius.hms.patient.Patient;

/**
 * Where modules put messages, inside their own transaction: the message exists exactly when the business change
 * does. Delivery is {@link OutboxDelivery}'s job.
 */
@ApplicationScoped
public class Outbox {
    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;

    public OutboxMessage enqueue(OutgoingMessage message, Patient patient, String user) {
        OutboxMessage m = new OutboxMessage(message, patient);
        m.touch(user, clock.instant());
        em.persist(m);
        return m;
    }

    /** Cancels what is still waiting to go out about a reference (e.g. the reminder of a cancelled appointment). */
    public int cancelPending(String reference, String topic, String user) {
        var pending = em.createQuery("select m from OutboxMessage m where m.reference = :ref and m.topic = :topic"
                        + " and m.status = :pending", OutboxMessage.class)
                .setParameter("ref", reference).setParameter("topic", topic)
                .setParameter("pending", OutboxStatus.PENDING).getResultList();
        pending.forEach(m -> {
            m.cancel();
            m.touch(user, clock.instant());
        });
        return pending.size();
    }
}
