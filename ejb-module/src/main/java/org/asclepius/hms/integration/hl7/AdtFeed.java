package org.asclepius.hms.integration.hl7;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.asclepius.hms.encounter.AdtEvent;
import org.asclepius.hms.integration.Outbox;
import org.asclepius.hms.integration.OutgoingMessage;
import org.asclepius.hms.patient.Patient;
import org.asclepius.hms.shared.TimeFormat;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * The ADT feed: hears every {@link AdtEvent} synchronously, inside the transaction that made the change, builds
 * the HL7 message from the database as it is now and writes one outbox message per active endpoint that wants the
 * trigger (channel {@code mllp}, topic {@code adt-A01}…, recipient the endpoint's name). A rolled-back change
 * sends nothing; a committed one is never lost. No endpoint: nothing is read or written.
 */
@ApplicationScoped
public class AdtFeed {
    public static final String TOPIC_PREFIX = "adt-";

    @PersistenceContext
    EntityManager em;
    @Inject
    AdtState state;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;
    @Inject
    Principal caller;
    @Inject
    @ConfigProperty(name = "hms.hl7.facility", defaultValue = "ASCLEPIUS")
    String facility;

    void on(@Observes AdtEvent event) {
        List<Hl7Endpoint> targets = em.createQuery("select e from Hl7Endpoint e where e.active = true order by e.name",
                Hl7Endpoint.class).getResultStream().filter(e -> e.wants(event.trigger())).toList();
        if (targets.isEmpty()) {
            return;
        }
        String operator = caller.getName();
        Instant now = clock.instant();
        AdtData data = state.load(event, operator, now);
        Patient patient = em.getReference(Patient.class, event.patientId());
        String reference = event.encounterId() != null ? "Encounter/" + event.encounterId()
                : "Patient/" + event.patientId();
        for (Hl7Endpoint endpoint : targets) {
            String controlId = "ASC" + nextControlNumber();
            String er7 = AdtMessages.encode(data, new AdtMessages.Header(facility, endpoint.getName(), controlId,
                    now, TimeFormat.hospitalZone()));
            outbox.enqueue(new OutgoingMessage(MllpChannel.NAME, TOPIC_PREFIX + event.trigger().name(),
                    endpoint.getName(), "ADT^" + event.trigger().name() + " " + controlId, er7, reference, now),
                    patient, operator);
        }
    }

    private long nextControlNumber() {
        var dialect = em.unwrap(Session.class).getSessionFactory().unwrap(SessionFactoryImplementor.class)
                .getJdbcServices().getDialect();
        String sql = dialect.getSequenceSupport().getSequenceNextValString("hl7_control_seq");
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
