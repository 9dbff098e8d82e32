package org.asclepius.hms.clinical.problems;

/** A problem on the patient's problem list, or a diagnosis of an encounter. */
public enum ConditionCategory { PROBLEM, DIAGNOSIS }
