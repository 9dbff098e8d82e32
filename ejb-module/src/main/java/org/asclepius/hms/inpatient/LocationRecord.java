package org.asclepius.hms.inpatient;

import java.io.Serializable;

/**
 * A place of the inpatient side as other systems see it (FHIR Location): a ward, a room of a ward, or a bed of a
 * room. Ids name the level: {@code ward-<ward id>}, {@code room-<ward id>-<room>}, {@code bed-<bed id>}; a room
 * has no row of its own (it is the room of its beds). {@code partOf} is the id of the level above (null for a
 * ward). {@code active} is false in a closed ward. Beds carry their status and kind. No patient data.
 */
public record LocationRecord(String id, Level level, String name, String description, String partOf,
        boolean active, BedStatus bedStatus, BedKind bedKind, long wardId, String wardCode, String department)
        implements Serializable {

    public enum Level { WARD, ROOM, BED }

    public static String wardId(long wardId) {
        return "ward-" + wardId;
    }

    public static String roomId(long wardId, String room) {
        return "room-" + wardId + "-" + room;
    }

    public static String bedId(long bedId) {
        return "bed-" + bedId;
    }
}
