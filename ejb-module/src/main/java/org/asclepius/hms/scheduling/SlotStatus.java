package org.asclepius.hms.scheduling;

/** A slot is open inside working hours; blocked when an exception covers it or the hours no longer include it. */
public enum SlotStatus {
    OPEN, BLOCKED
}
