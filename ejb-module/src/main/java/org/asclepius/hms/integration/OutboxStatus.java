package org.asclepius.hms.integration;

/** PENDING until delivered (retried with back-off), SENT, DEAD after the last attempt failed, or CANCELLED. */
public enum OutboxStatus {
    PENDING, SENT, DEAD, CANCELLED
}
