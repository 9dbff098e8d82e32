package org.asclepius.hms.fhir;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.method.ResponsePage;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.InstantType;

/**
 * One page of a search, already fetched, with the total. Tells HAPI its offset and size so that HAPI writes
 * {@code next}/{@code previous} links with {@code _offset}/{@code _count} (nothing is stored on the server: any
 * node of the cluster answers any page), using the page size really applied (a {@code _count} above the maximum
 * is capped, and the links follow the cap).
 */
final class OffsetPage implements IBundleProvider {
    private final List<IBaseResource> resources;
    private final int total;
    private final int offset;
    private final int pageSize;
    private final String uuid = UUID.randomUUID().toString();
    private final InstantType published = InstantType.now();

    OffsetPage(List<IBaseResource> resources, long total, int offset, int pageSize) {
        this.resources = List.copyOf(resources);
        this.total = (int) Math.min(total, Integer.MAX_VALUE);
        this.offset = offset;
        this.pageSize = pageSize;
    }

    /** One page of a result the service returns whole (a patient's appointments, the schedules). */
    static OffsetPage slice(List<? extends IBaseResource> all, Integer offset, Integer count) {
        int first = first(offset);
        int pageSize = pageSize(count);
        int from = Math.min(first, all.size());
        List<IBaseResource> page = new ArrayList<>(all.subList(from, Math.min(all.size(), from + pageSize)));
        return new OffsetPage(page, all.size(), first, pageSize);
    }

    /** {@code _offset}: 0 when absent, never negative. */
    static int first(Integer offset) {
        int first = offset == null ? 0 : offset;
        if (first < 0) {
            throw new InvalidRequestException("_offset must not be negative");
        }
        return first;
    }

    /** {@code _count}: the default when absent, capped at the maximum; 0 asks for the total only. */
    static int pageSize(Integer count) {
        int pageSize = count == null ? PatientResourceProvider.DEFAULT_COUNT
                : Math.min(count, PatientResourceProvider.MAX_COUNT);
        if (pageSize < 0) {
            throw new InvalidRequestException("_count must not be negative");
        }
        return pageSize;
    }

    @Override
    public Integer getCurrentPageOffset() {
        return offset;
    }

    @Override
    public Integer getCurrentPageSize() {
        return pageSize;
    }

    @Override
    public String getNextPageId() {
        return pageSize > 0 && (long) offset + pageSize < total ? "next" : null;
    }

    @Override
    public String getPreviousPageId() {
        return pageSize > 0 && offset > 0 ? "previous" : null;
    }

    @Override
    public IPrimitiveType<java.util.Date> getPublished() {
        return published;
    }

    @Override
    public List<IBaseResource> getResources(int fromIndex, int toIndex, ResponsePage.ResponsePageBuilder builder) {
        builder.setTotalRequestedResourcesFetched(resources.size());
        return resources.subList(Math.min(Math.max(fromIndex, 0), resources.size()),
                Math.min(Math.max(toIndex, 0), resources.size()));
    }

    @Override
    public String getUuid() {
        return uuid;
    }

    @Override
    public Integer preferredPageSize() {
        return pageSize;
    }

    @Override
    public Integer size() {
        return total;
    }
}
