package org.asclepius.hms.audit;

/** What was done to the resource. */
public enum AuditAction {
    CREATE, READ, UPDATE, SEARCH, MERGE, UNMERGE, EXPORT, LOGIN, ACCESS
}
