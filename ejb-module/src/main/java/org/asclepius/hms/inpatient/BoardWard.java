package org.asclepius.hms.inpatient;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * A ward on the board: its rooms in order with the beds shown, and how many of all its beds are in each state
 * (the counts ignore the board's kind and state filter).
 */
public record BoardWard(long id, String code, String name, String department, boolean open, String rules,
        List<Room> rooms, Map<BedStatus, Integer> counts) implements Serializable {

    /** A room of the ward with its beds (those the filter shows). */
    public record Room(String name, List<BoardBed> beds) implements Serializable {
    }

    public int count(BedStatus status) {
        return counts.getOrDefault(status, 0);
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    public List<BoardBed> beds() {
        return rooms.stream().flatMap(r -> r.beds().stream()).toList();
    }
}
