package org.asclepius.bench.patientsearch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
/**
 * Open model: request k is due at start + k / rate, whatever happened to the others; at most {@code clients}
 * are in flight (one per client thread). A request's latency is counted from when it was due, not from when a
 * client got to send it, so a server that falls behind is charged for the queue it causes (no coordinated
 * omission). Bounded by a duration and a request count.
 */
final class LoadRunner {
    /** What is measured: the app over HTTP, or the same SQL over JDBC. One worker per client thread. */
    interface Target {
        Worker worker(int client) throws Exception;
    }

    interface Worker extends AutoCloseable {
        /** Runs one search; returns the outcome, throws on a transport failure. */
        Outcome execute(BenchQuery query) throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    /** ok: answered as expected; hits: total matches (-1 if unknown); rank: 1-based place of the patient searched for, 0 if absent, -1 unknown */
    record Outcome(boolean ok, long hits, int rank, String error) {
    }

    record Sample(int queryIndex, String kind, long latencyNanos, boolean ok, long hits, int rank, String error) {
    }

    record Result(List<Sample> samples, double seconds, double targetRate, int clients) {
        double achievedRate() {
            return samples.size() / seconds;
        }

        long errors() {
            return samples.stream().filter(s -> !s.ok()).count();
        }
    }

    private LoadRunner() {
    }

    /** order: which query (index into queries) request k runs, cycled. */
    static Result run(Target target, List<BenchQuery> queries, int[] order, int clients, double rate,
                      double seconds, long maxRequests) throws Exception {
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            workers.add(target.worker(i));
        }
        long total = Math.min(maxRequests, (long) Math.ceil(rate * seconds));
        double intervalNanos = 1e9 / rate;
        AtomicLong next = new AtomicLong();
        List<List<Sample>> perThread = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime() + 50_000_000L;
        for (int t = 0; t < clients; t++) {
            List<Sample> mine = new ArrayList<>();
            perThread.add(mine);
            Worker w = workers.get(t);
            Thread thread = new Thread(() -> {
                for (long k; (k = next.getAndIncrement()) < total; ) {
                    long due = start + (long) (k * intervalNanos);
                    long wait;
                    while ((wait = due - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    BenchQuery q = queries.get(order[(int) (k % order.length)]);
                    Outcome o;
                    try {
                        o = w.execute(q);
                    } catch (Exception e) {
                        o = new Outcome(false, -1, -1, e.getClass().getSimpleName() + ": " + e.getMessage());
                    }
                    long latency = System.nanoTime() - due;
                    mine.add(new Sample(q.index, q.kind, latency, o.ok(), o.hits(), o.rank(), o.error()));
                }
            }, "client-" + t);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        for (Worker w : workers) {
            w.close();
        }
        List<Sample> all = new ArrayList<>();
        perThread.forEach(all::addAll);
        return new Result(all, elapsed, rate, clients);
    }
}
