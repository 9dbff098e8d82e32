package org.asclepius.bench.booking;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.asclepius.bench.common.TokenSource;

/**
 * The race for the same slots. The slots are taken in time order through one shared cursor: every client books
 * the slot under the cursor for a random patient, and the cursor moves on (once) when an answer says the slot is
 * taken: 201 (this client got it) or 409 (someone else did). With C clients up to C requests hit one slot at once.
 * Closed model: each client sends its next request when the previous one is answered; a request's latency is from
 * sending to the full answer. Requests of client t alternate between the nodes, starting at node t mod N, so that
 * both nodes get half of them at any moment. The cursor carries on across phases and levels: every slot is raced
 * for once.
 */
final class Race {
    private final Fixture fixture;
    private final List<Fixture.BenchSlot> slots;
    private final List<String> fhirBases;
    private final TokenSource tokens;
    private final Duration timeout;
    private final int maxErrors;
    private final AtomicInteger cursor = new AtomicInteger();
    private final SplittableRandom seeds;
    /** client t always uses the same HttpClient, so its connections stay open from the warm-up on */
    private final List<BookingClient> httpClients = new ArrayList<>();

    /** What one phase did. */
    record Phase(List<Sample> samples, double seconds, boolean outOfSlots, String abortReason, int firstSlot,
            int nextSlot) {
    }

    Race(Fixture fixture, List<Fixture.BenchSlot> slots, List<String> fhirBases, TokenSource tokens, Duration timeout,
            int maxErrors, long seed) {
        this.fixture = fixture;
        this.slots = slots;
        this.fhirBases = fhirBases;
        this.tokens = tokens;
        this.timeout = timeout;
        this.maxErrors = maxErrors;
        this.seeds = new SplittableRandom(seed);
    }

    int slotsLeft() {
        return Math.max(0, slots.size() - cursor.get());
    }

    int cursor() {
        return cursor.get();
    }

    /**
     * Runs C clients for the given seconds (or until the slots run out, or more than --max-errors answers other
     * than 201/409 came back).
     */
    Phase run(int clients, String phase, double seconds) throws InterruptedException {
        int firstSlot = cursor.get();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean outOfSlots = new AtomicBoolean();
        AtomicLong others = new AtomicLong();
        String[] abort = new String[1];
        List<List<Sample>> perClient = new ArrayList<>();
        List<SplittableRandom> randoms = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            perClient.add(new ArrayList<>());
            randoms.add(seeds.split());
        }
        while (httpClients.size() < clients) {
            httpClients.add(new BookingClient(tokens, timeout));
        }
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        for (int t = 0; t < clients; t++) {
            int client = t;
            List<Sample> mine = perClient.get(t);
            BookingClient http = httpClients.get(t);
            SplittableRandom random = randoms.get(t);
            Thread thread = new Thread(() -> {
                int node = client % fhirBases.size();
                while (!stop.get() && System.nanoTime() < deadline) {
                    int i = cursor.get();
                    if (i >= slots.size()) {
                        outOfSlots.set(true);
                        break;
                    }
                    Fixture.BenchSlot slot = slots.get(i);
                    long patient = fixture.patientIds()[random.nextInt(fixture.patientIds().length)];
                    long sent = System.nanoTime();
                    BookingClient.Answer a;
                    try {
                        a = http.book(fhirBases.get(node), fixture.serviceCode(), slot, patient);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                    long latency = System.nanoTime() - sent;
                    mine.add(new Sample(clients, phase, client, node, i, slot.id(), patient, a.status(), latency,
                            a.appointmentId(), (sent - start) / 1_000_000, a.error()));
                    if (a.status() == 201 || a.status() == 409) {
                        cursor.compareAndSet(i, i + 1);
                    } else if (others.incrementAndGet() > maxErrors) {
                        synchronized (abort) {
                            if (abort[0] == null) {
                                abort[0] = "more than " + maxErrors + " answers other than 201/409, the last: "
                                        + a.error();
                            }
                        }
                        stop.set(true);
                    }
                    node = (node + 1) % fhirBases.size();
                }
            }, "client-" + t);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        List<Sample> all = new ArrayList<>();
        perClient.forEach(all::addAll);
        synchronized (abort) {
            return new Phase(all, elapsed, outOfSlots.get(), abort[0], firstSlot, cursor.get());
        }
    }
}
