package org.asclepius.hms.web.shared;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.asclepius.hms.shared.Page;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * A PrimeFaces lazy model over a service that returns one {@link Page} (items and total) per call: paging is
 * done by the service, and each table request costs one service call (PrimeFaces asks for the count before
 * the rows; the count of the previous call is used, and refreshed by the call that fetches the rows).
 */
public class PagedModel<T> extends LazyDataModel<T> {
    private static final long serialVersionUID = 1L;

    /** Fetches one page; serializable, as the model lives in a view. */
    @FunctionalInterface
    public interface Source<T> extends Serializable {
        Page<T> fetch(int first, int max);
    }

    /** The row key of an item (for PrimeFaces' row handling). */
    @FunctionalInterface
    public interface Key<T> extends Serializable {
        String of(T item);
    }

    private final Source<T> source;
    private final Key<T> key;
    private final int defaultPageSize;
    private Long total;
    private transient Page<T> prefetched;

    public PagedModel(Source<T> source, Key<T> key, int defaultPageSize) {
        this.source = source;
        this.key = key;
        this.defaultPageSize = defaultPageSize;
    }

    /** Starts with a page already fetched (a screen's search that had to check the input first). */
    public PagedModel<T> startingWith(Page<T> first) {
        this.prefetched = first;
        this.total = first.total();
        return this;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        if (total == null) {
            prefetched = source.fetch(0, pageSize());
            total = prefetched.total();
        }
        return (int) Math.min(Integer.MAX_VALUE, total);
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        Page<T> page = prefetched;
        prefetched = null;
        if (page == null || page.first() != first || page.max() != pageSize) {
            page = source.fetch(first, pageSize);
        }
        total = page.total();
        setRowCount((int) Math.min(Integer.MAX_VALUE, total));
        return page.items();
    }

    private int pageSize() {
        return getPageSize() > 0 ? getPageSize() : defaultPageSize;
    }

    @Override
    public String getRowKey(T item) {
        return key.of(item);
    }

    @Override
    public T getRowData(String rowKey) {
        List<T> rows = getWrappedData();
        if (rows != null) {
            for (T row : rows) {
                if (key.of(row).equals(rowKey)) {
                    return row;
                }
            }
        }
        return null;
    }

    /** The total of the last fetch (null before the first). */
    public Long getTotal() {
        return total;
    }
}
