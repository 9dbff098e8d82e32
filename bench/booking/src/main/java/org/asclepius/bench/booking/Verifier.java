package org.asclepius.bench.booking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
/**
 * Checks over JDBC, after a level, everything the run has done so far (warm-ups included) against the database:
 * <ol>
 *   <li>every slot of the bench provider: at most one appointment holds it (capacity 1) and {@code slot.booked}
 *       equals the number of holds;</li>
 *   <li>every appointment of the bench service is BOOKED and holds exactly one slot, the one at its start;</li>
 *   <li>the 201 answers and the appointments are the same: as many, the same ids (no booking lost after its 201, no
 *       booking made without one), each holding the slot its request asked for, and never two 201 for one slot;</li>
 *   <li>every 409 was for a slot that is in fact taken.</li>
 * </ol>
 */
final class Verifier {
    private static final int CAPACITY = 1;
    private static final int MAX_LINES_PER_CHECK = 20;

    record Result(List<String> violations, String summary) {
        boolean ok() {
            return violations.isEmpty();
        }
    }

    private Verifier() {
    }

    static Result verify(Connection c, Fixture f, List<Sample> samples) throws SQLException {
        Map<String, List<String>> found = new LinkedHashMap<>();

        // 1. slots: holds <= capacity, booked = holds
        Map<Long, Integer> holdsBySlot = new HashMap<>();
        Map<Long, Instant> slotStart = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select s.id, s.starts_at, s.booked, count(h.appointment_id),"
                + " string_agg(h.appointment_id::text, ',' order by h.appointment_id)"
                + " from slot s left join appointment_slot h on h.slot_id = s.id where s.resource_id = ?"
                + " group by s.id, s.starts_at, s.booked order by s.starts_at")) {
            ps.setLong(1, f.resourceId());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long slot = rs.getLong(1);
                    Instant start = rs.getObject(2, OffsetDateTime.class).toInstant();
                    int booked = rs.getInt(3);
                    int holds = rs.getInt(4);
                    holdsBySlot.put(slot, holds);
                    slotStart.put(slot, start);
                    if (holds > CAPACITY) {
                        add(found, "double bookings", "slot " + slot + " (" + start + ") is held by " + holds
                                + " appointments (" + rs.getString(5) + "), capacity " + CAPACITY);
                    }
                    if (booked != holds) {
                        add(found, "slot counters", "slot " + slot + " (" + start + "): booked = " + booked + " but "
                                + holds + " appointment(s) hold it");
                    }
                }
            }
        }

        // 2. appointments of the bench service: BOOKED, exactly one hold, the slot at its start
        Map<Long, List<Long>> heldSlots = new TreeMap<>();
        Map<Long, String> statusById = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select a.id, a.status, a.starts_at, h.slot_id"
                + " from appointment a left join appointment_slot h on h.appointment_id = a.id"
                + " where a.service_code = ? order by a.id, h.slot_id")) {
            ps.setString(1, f.serviceCode());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    List<Long> held = heldSlots.computeIfAbsent(id, k -> new ArrayList<>());
                    long slot = rs.getLong(4);
                    if (!rs.wasNull()) {
                        held.add(slot);
                        Instant start = rs.getObject(3, OffsetDateTime.class).toInstant();
                        if (!start.equals(slotStart.get(slot))) {
                            add(found, "appointments", "appointment " + id + " starts " + start + " but holds slot "
                                    + slot + " of " + slotStart.get(slot));
                        }
                    }
                    statusById.put(id, rs.getString(2));
                }
            }
        }
        heldSlots.forEach((id, held) -> {
            if (!"BOOKED".equals(statusById.get(id))) {
                add(found, "appointments", "appointment " + id + " is " + statusById.get(id) + ", not BOOKED");
            }
            if (held.isEmpty()) {
                add(found, "appointments", "appointment " + id + " holds no slot");
            } else if (held.size() > 1) {
                add(found, "appointments", "appointment " + id + " holds " + held.size() + " slots " + held);
            }
        });

        // 3. 201 answers against the appointments
        List<Sample> created = samples.stream().filter(s -> s.status() == 201).toList();
        Map<Long, Sample> createdById = new HashMap<>();
        for (Sample s : created) {
            if (s.appointmentId() < 0) {
                add(found, "201 answers", "a 201 for slot " + s.slotId() + " named no appointment: " + s.error());
            } else if (createdById.put(s.appointmentId(), s) != null) {
                add(found, "201 answers", "two 201 answers named appointment " + s.appointmentId());
            }
        }
        if (created.size() != heldSlots.size()) {
            add(found, "201 answers", created.size() + " answers 201 but " + heldSlots.size()
                    + " appointments of " + f.serviceCode() + " in the database");
        }
        for (Sample s : created) {
            if (s.appointmentId() < 0) {
                continue;
            }
            List<Long> held = heldSlots.get(s.appointmentId());
            if (held == null) {
                add(found, "lost bookings", "201 for appointment " + s.appointmentId() + " (slot " + s.slotId()
                        + ", node " + (s.node() + 1) + ") but it is not in the database");
            } else if (!held.contains(s.slotId())) {
                add(found, "lost bookings", "201 for slot " + s.slotId() + " but appointment " + s.appointmentId()
                        + " holds " + held);
            }
        }
        Map<Long, List<Sample>> createdBySlot = created.stream().collect(Collectors.groupingBy(Sample::slotId));
        createdBySlot.forEach((slot, list) -> {
            if (list.size() > 1) {
                add(found, "double bookings", "slot " + slot + " got " + list.size() + " answers 201 (appointments "
                        + list.stream().map(s -> Long.toString(s.appointmentId())).collect(Collectors.joining(", "))
                        + ")");
            }
        });
        Map<Long, List<Sample>> bySlot = samples.stream().collect(Collectors.groupingBy(Sample::slotId));
        heldSlots.keySet().stream().filter(id -> !createdById.containsKey(id)).forEach(id -> {
            List<Long> held = heldSlots.get(id);
            String answers = held.isEmpty() ? "" : bySlot.getOrDefault(held.get(0), List.of()).stream()
                    .collect(Collectors.groupingBy(s -> s.status() == 0 ? "no answer" : Integer.toString(s.status()),
                            TreeMap::new, Collectors.counting())).toString();
            add(found, "bookings without a 201", "appointment " + id + " (slot " + held + ") was booked but no"
                    + " request got a 201 for it; answers for that slot: " + answers);
        });

        // 4. every 409 was for a slot that is taken
        Map<Long, Long> conflictsBySlot = samples.stream().filter(s -> s.status() == 409)
                .collect(Collectors.groupingBy(Sample::slotId, TreeMap::new, Collectors.counting()));
        conflictsBySlot.forEach((slot, n) -> {
            if (holdsBySlot.getOrDefault(slot, 0) == 0) {
                add(found, "false conflicts", n + " answer(s) 409 for slot " + slot + " (" + slotStart.get(slot)
                        + ") but nobody holds it");
            }
        });

        List<String> violations = new ArrayList<>();
        found.forEach((check, lines) -> {
            lines.stream().limit(MAX_LINES_PER_CHECK).forEach(l -> violations.add(check + ": " + l));
            if (lines.size() > MAX_LINES_PER_CHECK) {
                violations.add(check + ": ... and " + (lines.size() - MAX_LINES_PER_CHECK) + " more");
            }
        });
        long booked = holdsBySlot.values().stream().filter(h -> h > 0).count();
        String summary = String.format("%d slots of the provider (%d booked), %d appointments, %d answers 201,"
                        + " %d answers 409 on %d slots", holdsBySlot.size(), booked, heldSlots.size(), created.size(),
                conflictsBySlot.values().stream().mapToLong(Long::longValue).sum(), conflictsBySlot.size());
        return new Result(violations, summary);
    }

    private static void add(Map<String, List<String>> found, String check, String line) {
        found.computeIfAbsent(check, k -> new ArrayList<>()).add(line);
    }
}
