package org.asclepius.hms.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.asclepius.hms.integration.EmailChannel;
import org.asclepius.hms.integration.Outbox;
import org.asclepius.hms.integration.OutgoingMessage;
import org.asclepius.hms.integration.SmsChannel;
import org.asclepius.hms.patient.Patient;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Messages to patients about their appointments, through the outbox: a reminder {@code hms.reminders.lead}
 * (default 24 h) before a booked appointment, unless the patient opted out, by email when the patient has an
 * address, else by SMS to their phone; and waitlist offers. Cancelling or moving an appointment cancels its
 * pending reminder (a moved one gets a new one).
 */
@ApplicationScoped
public class Reminders {
    public static final String REMINDER = "appointment-reminder";
    public static final String OFFER = "waitlist-offer";

    @PersistenceContext
    EntityManager em;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "hms.reminders.lead", defaultValue = "PT24H")
    Duration lead;
    @Inject
    @ConfigProperty(name = "hms.hospital.name", defaultValue = "Asclepius Hospital")
    String hospital;

    public boolean optedOut(Patient patient) {
        return em.createQuery("select count(o) from ReminderOptOut o where o.patient = :p", Long.class)
                .setParameter("p", patient).getSingleResult() > 0;
    }

    /** Plans the reminder of a booked appointment (none when opted out or without any address). */
    public void schedule(Appointment a, String user) {
        cancel(a, user);
        Patient p = a.getPatient();
        if (optedOut(p)) {
            return;
        }
        Instant now = clock.instant();
        Instant due = a.getStartsAt().minus(lead);
        String text = "Reminder from " + hospital + ": " + a.getService().getName() + " on "
                + Bookings.when(a.getStartsAt()) + " with " + names(a) + ". To cancel or change it, please call us.";
        send(p, REMINDER, "Your appointment on " + Bookings.when(a.getStartsAt()), "Dear " + p.getGivenName()
                + ",\n\n" + text + "\n", text, reference(a), due.isBefore(now) ? now : due, user);
    }

    /** Tells the patient a slot they waited for is held for them until the offer expires. */
    public void offer(Appointment a, String user) {
        Patient p = a.getPatient();
        String text = hospital + ": a " + a.getService().getName() + " appointment on " + Bookings.when(a.getStartsAt())
                + " with " + names(a) + " has become free for you. It is held until "
                + Bookings.when(a.getOfferExpiresAt()) + "; please call us to take it.";
        send(p, OFFER, "An appointment has become available", "Dear " + p.getGivenName() + ",\n\n" + text + "\n",
                text, reference(a), clock.instant(), user);
    }

    public void cancel(Appointment a, String user) {
        outbox.cancelPending(reference(a), REMINDER, user);
        outbox.cancelPending(reference(a), OFFER, user);
    }

    public static String reference(Appointment a) {
        return "Appointment/" + a.getId();
    }

    private void send(Patient p, String topic, String subject, String mailBody, String smsText, String reference,
            Instant due, String user) {
        if (p.getEmail() != null) {
            outbox.enqueue(new OutgoingMessage(EmailChannel.NAME, topic, p.getEmail(), subject, mailBody, reference,
                    due), p, user);
        } else if (p.getPhone() != null) {
            outbox.enqueue(new OutgoingMessage(SmsChannel.NAME, topic, p.getPhone(), null, smsText, reference, due),
                    p, user);
        }
    }

    private static String names(Appointment a) {
        return String.join(", ", a.getResources().stream().map(SchedulableResource::getName).sorted().toList());
    }
}
