package org.asclepius.hms.clinical.orders;

/** How soon. */
public enum OrderPriority { ROUTINE, URGENT, STAT }
