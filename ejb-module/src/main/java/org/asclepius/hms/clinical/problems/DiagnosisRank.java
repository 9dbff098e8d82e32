package org.asclepius.hms.clinical.problems;

/** A diagnosis is the encounter's primary one (at most one) or a secondary one. */
public enum DiagnosisRank { PRIMARY, SECONDARY }
