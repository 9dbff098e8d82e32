package org.asclepius.hms.integration;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.asclepius.hms.health.SchemaStatus;
import org.asclepius.hms.shared.Roles;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/**
 * Delivers due outbox messages. Every node runs the worker every few seconds; a message is claimed by locking
 * its row with SKIP LOCKED, so two nodes never send the same message, and the lock is held while it is sent.
 * A failure is retried with exponential back-off ({@code hms.outbox.first-retry}, doubling up to
 * {@code hms.outbox.max-retry}); after {@code hms.outbox.max-attempts} the message is dead and staff see it.
 * Delivery is at least once: a node that dies after the SMTP server accepted a message but before the commit
 * sends it again. Messages of an {@link MessageChannel#ordered() ordered} channel (HL7 over MLLP) go to one
 * recipient in the order they were written: a message waits while an older one to the same recipient is pending.
 */
@Stateless
@RunAs(Roles.SYSTEM)
@RunAsPrincipal(Roles.SYSTEM)
public class OutboxDelivery {
    private static final Logger LOG = Logger.getLogger(OutboxDelivery.class.getName());
    private static final int BATCH = 100;

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    @Any
    Instance<MessageChannel> channels;
    @Resource
    SessionContext session;
    @Inject
    @ConfigProperty(name = "hms.outbox.first-retry", defaultValue = "PT1M")
    Duration firstRetry;
    @Inject
    @ConfigProperty(name = "hms.outbox.max-retry", defaultValue = "PT1H")
    Duration maxRetry;
    @Inject
    @ConfigProperty(name = "hms.outbox.max-attempts", defaultValue = "6")
    int maxAttempts;

    @Schedule(second = "*/10", minute = "*", hour = "*", persistent = false, info = "outbox-delivery")
    public void deliverOnSchedule() {
        if (SchemaStatus.migratedVersion() == null) {
            return;
        }
        deliverDue();
    }

    /** Delivers every message due now; returns how many were sent. */
    @RolesAllowed({Roles.SYSTEM, Roles.ADMIN})
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int deliverDue() {
        OutboxDelivery self = session.getBusinessObject(OutboxDelivery.class);
        int sent = 0;
        for (Long id : self.dueIds()) {
            if (self.deliverOne(id)) {
                sent++;
            }
        }
        return sent;
    }

    @RolesAllowed({Roles.SYSTEM, Roles.ADMIN})
    public List<Long> dueIds() {
        List<String> ordered = orderedChannels();
        var query = em.createQuery("select m.id from OutboxMessage m where m.status = :pending"
                        + " and m.nextAttemptAt <= :now" + inTurn(ordered) + " order by m.nextAttemptAt, m.id",
                        Long.class)
                .setParameter("pending", OutboxStatus.PENDING)
                .setParameter("now", clock.instant())
                .setMaxResults(BATCH);
        if (!ordered.isEmpty()) {
            query.setParameter("ordered", ordered);
        }
        return query.getResultList();
    }

    /** Sends one message if it is still due and no other node has it; true when it went out. */
    @RolesAllowed({Roles.SYSTEM, Roles.ADMIN})
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean deliverOne(long id) {
        List<String> ordered = orderedChannels();
        var query = em.createQuery("select m from OutboxMessage m where m.id = :id"
                        + " and m.status = :pending and m.nextAttemptAt <= :now" + inTurn(ordered), OutboxMessage.class)
                .setParameter("id", id)
                .setParameter("pending", OutboxStatus.PENDING)
                .setParameter("now", clock.instant())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2); // SKIP LOCKED: another node is sending it
        if (!ordered.isEmpty()) {
            query.setParameter("ordered", ordered);
        }
        List<OutboxMessage> claimed = query.getResultList();
        if (claimed.isEmpty()) {
            return false;
        }
        OutboxMessage m = claimed.get(0);
        Instant now = clock.instant();
        try {
            channel(m.getChannel()).deliver(m.getRecipient(), m.getSubject(), m.getBody());
            m.sent(now);
            m.touch(Roles.SYSTEM, now);
            return true;
        } catch (DeliveryException e) {
            m.failed(e.getMessage(), now, new RetryPolicy(firstRetry, maxRetry, maxAttempts));
            m.touch(Roles.SYSTEM, now);
            LOG.log(Level.WARNING, "Outbox message {0} ({1}) failed, attempt {2}: {3}",
                    new Object[] {m.getId(), m.getChannel(), m.getAttempts(), e.getMessage()});
            return false;
        }
    }

    /** The channels whose messages to one recipient go out in the order they were written. */
    private List<String> orderedChannels() {
        return channels.stream().filter(MessageChannel::ordered).map(MessageChannel::name).sorted().toList();
    }

    /**
     * The condition that a message of an ordered channel is next in line for its recipient: no older message to
     * the same channel and recipient is still pending (waiting for its turn, or for a retry after a failure).
     * Older is written earlier (created_at, then id: ids come in blocks per node and say nothing across nodes).
     * A dead message no longer holds the line; staff see it in the dead-letter view.
     */
    private static String inTurn(List<String> ordered) {
        if (ordered.isEmpty()) {
            return "";
        }
        return " and (m.channel not in :ordered or not exists (select o.id from OutboxMessage o"
                + " where o.channel = m.channel and o.recipient = m.recipient and o.status = :pending"
                + " and (o.createdAt < m.createdAt or (o.createdAt = m.createdAt and o.id < m.id))))";
    }

    private MessageChannel channel(String name) throws DeliveryException {
        for (MessageChannel c : channels) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new DeliveryException("No channel named " + name + " is installed.");
    }
}
