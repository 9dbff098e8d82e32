package org.asclepius.bench.booking;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
/** The report: a markdown summary (printed and written), one CSV row per level and one per request. */
final class Report {
    /** One level: its warm-up, its measured phase and the verification after it. */
    record Level(int clients, Race.Phase warmup, Race.Phase measured, Verifier.Result verification, String note) {
        List<Sample> samples() {
            return measured.samples();
        }

        long count(int status) {
            return samples().stream().filter(s -> s.status() == status).count();
        }

        long others() {
            return samples().stream().filter(s -> s.status() != 201 && s.status() != 409).count();
        }

        long onNode(int node) {
            return samples().stream().filter(s -> s.node() == node).count();
        }
    }

    private final List<String> header = new ArrayList<>();
    private final List<String> nodes;

    Report(List<String> nodes) {
        this.nodes = nodes;
    }

    void header(String line) {
        header.add(line);
    }

    String markdown(List<Level> levels) {
        StringBuilder sb = new StringBuilder();
        header.forEach(l -> sb.append(l).append('\n'));
        sb.append('\n').append("## Per level (measured phase; latency in ms from sending to the full answer)\n\n");
        sb.append("| clients | seconds | requests | booked (201) | conflicts (409) | other | requests/s | bookings/s"
                + " | requests per booking | p50 | p95 | p99 | max |");
        for (int n = 0; n < nodes.size(); n++) {
            sb.append(" node ").append(n + 1).append(" |");
        }
        sb.append(" verification |\n|");
        sb.append("---|".repeat(13 + nodes.size() + 1)).append('\n');
        for (Level l : levels) {
            long created = l.count(201);
            double secs = l.measured().seconds();
            sb.append(String.format(Locale.ROOT, "| %d | %.1f | %d | %d | %d | %d | %.1f | %.1f | %s | %s | %s | %s | %s |",
                    l.clients(), secs, l.samples().size(), created, l.count(409), l.others(),
                    l.samples().size() / secs, created / secs,
                    created == 0 ? "-" : String.format(Locale.ROOT, "%.1f", (double) l.samples().size() / created),
                    ms(pct(l.samples(), 50)), ms(pct(l.samples(), 95)), ms(pct(l.samples(), 99)),
                    ms(pct(l.samples(), 100))));
            for (int n = 0; n < nodes.size(); n++) {
                sb.append(' ').append(l.onNode(n)).append(" |");
            }
            sb.append(' ').append(l.verification() == null ? "not run" : l.verification().ok() ? "OK" : "**FAILED**")
                    .append(" |\n");
        }
        sb.append('\n');
        for (int n = 0; n < nodes.size(); n++) {
            sb.append("node ").append(n + 1).append(" = ").append(nodes.get(n)).append(n + 1 < nodes.size() ? "; " : "\n");
        }
        sb.append("\n## Per node and answer (measured phase, ms)\n\n");
        sb.append("| clients | node | requests | 201 | 409 | other | p50 | p95 | p99 | 201 p50 / p95 | 409 p50 / p95 |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Level l : levels) {
            for (int n = 0; n < nodes.size(); n++) {
                int node = n;
                List<Sample> s = l.samples().stream().filter(x -> x.node() == node).toList();
                List<Sample> ok = s.stream().filter(x -> x.status() == 201).toList();
                List<Sample> conflict = s.stream().filter(x -> x.status() == 409).toList();
                sb.append(String.format(Locale.ROOT, "| %d | %d | %d | %d | %d | %d | %s | %s | %s | %s / %s | %s / %s |%n",
                        l.clients(), n + 1, s.size(), ok.size(), conflict.size(), s.size() - ok.size() - conflict.size(),
                        ms(pct(s, 50)), ms(pct(s, 95)), ms(pct(s, 99)), ms(pct(ok, 50)), ms(pct(ok, 95)),
                        ms(pct(conflict, 50)), ms(pct(conflict, 95))));
            }
        }
        sb.append("\n## Details per level\n\n");
        for (Level l : levels) {
            Race.Phase m = l.measured();
            Race.Phase w = l.warmup();
            sb.append(String.format(Locale.ROOT, "- %d client(s): warm-up %.1f s, %d requests, %d booked; measured slots"
                            + " %d..%d (%d raced for)", l.clients(), w.seconds(), w.samples().size(),
                    w.samples().stream().filter(s -> s.status() == 201).count(), m.firstSlot(), m.nextSlot() - 1,
                    m.nextSlot() - m.firstSlot()));
            if (l.others() > 0) {
                Map<String, Long> byStatus = l.samples().stream().filter(s -> s.status() != 201 && s.status() != 409)
                        .collect(Collectors.groupingBy(s -> s.status() == 0 ? "no answer" : "HTTP " + s.status(),
                                TreeMap::new, Collectors.counting()));
                sb.append("; other answers ").append(byStatus);
            }
            long bare409 = l.samples().stream().filter(s -> s.status() == 409 && s.error() != null).count();
            if (bare409 > 0) {
                sb.append("; ").append(bare409).append(" answers 409 without an OperationOutcome");
            }
            sb.append('\n');
            List<String> errors = l.samples().stream().map(Sample::error).filter(e -> e != null).distinct().limit(3)
                    .toList();
            errors.forEach(e -> sb.append("  - e.g. ").append(e).append('\n'));
            if (l.note() != null) {
                sb.append("  - ").append(l.note()).append('\n');
            }
            if (l.verification() != null) {
                sb.append("  - verification (everything the run did so far): ").append(l.verification().summary())
                        .append(l.verification().ok() ? ": OK" : ": FAILED").append('\n');
                l.verification().violations().forEach(v -> sb.append("    - ").append(v).append('\n'));
            }
        }
        return sb.toString();
    }

    void write(Path out, List<Level> levels, List<Sample> allSamples) throws IOException {
        Files.createDirectories(out);
        Files.writeString(out.resolve("summary.md"), markdown(levels), StandardCharsets.UTF_8);
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("levels.csv"), StandardCharsets.UTF_8))) {
            StringBuilder h = new StringBuilder("clients,seconds,requests,booked_201,conflicts_409,other,requests_per_s,"
                    + "bookings_per_s,p50_ms,p95_ms,p99_ms,max_ms");
            for (int n = 0; n < nodes.size(); n++) {
                h.append(",requests_node").append(n + 1);
            }
            w.println(h.append(",verification"));
            for (Level l : levels) {
                double secs = l.measured().seconds();
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT,
                        "%d,%.3f,%d,%d,%d,%d,%.2f,%.2f,%.3f,%.3f,%.3f,%.3f", l.clients(), secs, l.samples().size(),
                        l.count(201), l.count(409), l.others(), l.samples().size() / secs, l.count(201) / secs,
                        pct(l.samples(), 50), pct(l.samples(), 95), pct(l.samples(), 99), pct(l.samples(), 100)));
                for (int n = 0; n < nodes.size(); n++) {
                    row.append(',').append(l.onNode(n));
                }
                w.println(row.append(',').append(l.verification() == null ? "not run"
                        : l.verification().ok() ? "OK" : "FAILED"));
            }
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("samples.csv"), StandardCharsets.UTF_8))) {
            w.println("clients,phase,client,node,slot_index,slot_id,patient_id,status,latency_ms,appointment_id,at_ms,error");
            for (Sample s : allSamples) {
                w.printf(Locale.ROOT, "%d,%s,%d,%d,%d,%d,%d,%d,%.3f,%s,%d,%s%n", s.clients(), s.phase(), s.client(),
                        s.node() + 1, s.slotIndex(), s.slotId(), s.patientId(), s.status(), s.latencyMs(),
                        s.appointmentId() < 0 ? "" : Long.toString(s.appointmentId()), s.atMillis(), csv(s.error()));
            }
        }
    }

    /** Nearest-rank percentile of the latencies in ms (p = 100: the maximum); NaN when there are none. */
    static double pct(List<Sample> samples, double p) {
        double[] ms = samples.stream().mapToDouble(Sample::latencyMs).toArray();
        if (ms.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(ms);
        int rank = (int) Math.ceil(p / 100.0 * ms.length);
        return ms[Math.max(0, Math.min(ms.length - 1, rank - 1))];
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String csv(String s) {
        return s == null ? "" : "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
