package org.asclepius.bench.booking;

/**
 * One booking request. clients: the level; phase: warm-up or measured; node: index into --nodes (the node the
 * request went to, which is the node that answered: each node is addressed directly); slotIndex: place of the
 * slot in the race's time order; status 0: no answer; appointmentId: from the Location of a 201, else -1;
 * atMillis: when it was sent, from the start of its phase.
 */
record Sample(int clients, String phase, int client, int node, int slotIndex, long slotId, long patientId, int status,
        long latencyNanos, long appointmentId, long atMillis, String error) {

    static final String WARMUP = "warmup";
    static final String MEASURED = "measured";

    double latencyMs() {
        return latencyNanos / 1e6;
    }
}
