package org.asclepius.hms.clinical.coding;

import java.io.Serializable;

/**
 * What a load of a CMS ICD-10-CM file did: the version and layout it had, how many codes it listed, and how many
 * were added, updated (description or billable flag changed), reactivated (listed again after being dropped),
 * deactivated (no longer listed) or unchanged, and how long it took.
 */
public record IcdLoadResult(String version, String fileName, String format, int codes, int added, int updated,
        int reactivated, int deactivated, int unchanged, long millis) implements Serializable {
}
