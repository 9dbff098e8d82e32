package org.asclepius.hms.shared;

import java.io.Serializable;
import java.util.List;

/** One page of a server-side paged result and the total number of matches. */
public record Page<T>(List<T> items, long total, int first, int max) implements Serializable {
    public Page {
        items = List.copyOf(items);
    }
}
