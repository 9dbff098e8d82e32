package org.asclepius.hms.clinical.coding;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a full load of a code file changes in the table: codes new to it are added, codes whose description or
 * billable flag changed are updated, inactive codes listed again are reactivated, and active codes the file no
 * longer lists are deactivated — never deleted, because recorded diagnoses refer to them.
 */
public record IcdLoadPlan(List<IcdFileEntry> added, List<IcdFileEntry> updated, List<IcdFileEntry> reactivated,
        List<String> deactivated, int unchanged) {

    /** A code as the table holds it now. */
    public record Existing(String display, boolean billable, boolean active) {
    }

    public IcdLoadPlan {
        added = List.copyOf(added);
        updated = List.copyOf(updated);
        reactivated = List.copyOf(reactivated);
        deactivated = List.copyOf(deactivated);
    }

    public static IcdLoadPlan of(Map<String, Existing> existing, List<IcdFileEntry> entries) {
        List<IcdFileEntry> added = new ArrayList<>();
        List<IcdFileEntry> updated = new ArrayList<>();
        List<IcdFileEntry> reactivated = new ArrayList<>();
        int unchanged = 0;
        Set<String> listed = new HashSet<>();
        for (IcdFileEntry e : entries) {
            listed.add(e.code());
            Existing now = existing.get(e.code());
            if (now == null) {
                added.add(e);
            } else if (!now.active()) {
                reactivated.add(e);
            } else if (!now.display().equals(e.display()) || now.billable() != e.billable()) {
                updated.add(e);
            } else {
                unchanged++;
            }
        }
        List<String> deactivated = new ArrayList<>();
        existing.forEach((code, now) -> {
            if (now.active() && !listed.contains(code)) {
                deactivated.add(code);
            }
        });
        deactivated.sort(null);
        return new IcdLoadPlan(added, updated, reactivated, deactivated, unchanged);
    }
}
