package org.asclepius.hms.systemtest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.asclepius.hms.encounter.AdtEvent;
import org.asclepius.hms.encounter.AdtTrigger;

/** Test-only observer of the ADT events the services fire (deployed with the tests that check them). */
@ApplicationScoped
public class AdtEvents {
    private static final List<AdtEvent> SEEN = new CopyOnWriteArrayList<>();

    void on(@Observes AdtEvent event) {
        SEEN.add(event);
    }

    /** The triggers fired for the encounter, in order. */
    public static List<AdtTrigger> of(long encounterId) {
        return SEEN.stream().filter(e -> e.encounterId() != null && e.encounterId() == encounterId)
                .map(AdtEvent::trigger).toList();
    }
}
