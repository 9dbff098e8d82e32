package org.asclepius.hms.fhir;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.asclepius.hms.scheduling.ScheduleService;
import org.asclepius.hms.scheduling.SlotRecord;
import org.asclepius.hms.shared.Page;
import org.asclepius.hms.shared.TimeFormat;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Slot;

/**
 * Slot read and search over {@link ScheduleService#slots}: {@code schedule=Schedule/<id>} (optional: without it,
 * every resource's slots), {@code start} as a period with the prefixes eq, ge, gt, le, lt (default: from now for
 * {@link #DEFAULT_PERIOD}), {@code status} free, busy or busy-unavailable. Each page is one call of the service
 * ({@code _offset}, {@code _count}). A slot is found when it overlaps the period, so a slot that began before its
 * lower bound and has not ended yet is included.
 */
public class SlotResourceProvider implements IResourceProvider {
    /** The period searched when {@code start} leaves it open. */
    public static final Duration DEFAULT_PERIOD = Duration.ofDays(14);
    private static final String SLOT_STATUS_SYSTEM = "http://hl7.org/fhir/slotstatus";
    private static final Set<String> STATUSES = Set.of("free", "busy", "busy-unavailable");

    private final ScheduleService schedules;
    private final Clock clock;

    public SlotResourceProvider(ScheduleService schedules) {
        this(schedules, Clock.systemUTC());
    }

    SlotResourceProvider(ScheduleService schedules, Clock clock) {
        this.schedules = schedules;
        this.clock = clock;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return Slot.class;
    }

    @Read
    public Slot read(@IdParam IdType id) {
        return FhirSchedulingMapper.toFhir(schedules.slot(ScheduleResourceProvider.numericId("Slot", id)));
    }

    @Search
    public IBundleProvider search(
            @OptionalParam(name = Slot.SP_SCHEDULE) ReferenceParam schedule,
            @OptionalParam(name = Slot.SP_START) DateRangeParam start,
            @OptionalParam(name = Slot.SP_STATUS) TokenParam status,
            @Offset Integer offset,
            @Count Integer count) {
        Long resourceId = schedule == null ? null : scheduleId(schedule);
        String availability = status == null ? null : availability(status);
        FhirDateRange period = FhirDateRange.parse(Slot.SP_START, start, TimeFormat.hospitalZone())
                .orDefault(clock.instant(), DEFAULT_PERIOD);
        int first = OffsetPage.first(offset);
        int pageSize = OffsetPage.pageSize(count);
        // _count=0 asks for the total only: HAPI then writes Bundle.total alone
        Page<SlotRecord> page = schedules.slots(resourceId, period.from(), period.to(), availability, first,
                Math.max(pageSize, 1));
        List<IBaseResource> resources = pageSize == 0 ? List.of()
                : page.items().stream().map(s -> (IBaseResource) FhirSchedulingMapper.toFhir(s)).toList();
        return new OffsetPage(resources, page.total(), first, pageSize);
    }

    private static long scheduleId(ReferenceParam schedule) {
        if (schedule.getChain() != null && !schedule.getChain().isBlank()) {
            throw new InvalidRequestException("Search parameter 'schedule' does not support chains");
        }
        String type = schedule.getResourceType();
        String id = schedule.getIdPart();
        if ((type != null && !"Schedule".equals(type)) || id == null || !id.matches("\\d{1,18}")) {
            throw new InvalidRequestException("Search parameter 'schedule' must name a schedule:"
                    + " schedule=Schedule/<id>");
        }
        return Long.parseLong(id);
    }

    private static String availability(TokenParam status) {
        if (status.getModifier() != null || status.getMissing() != null) {
            throw new InvalidRequestException("Search parameter 'status' does not support modifiers");
        }
        String system = status.getSystem();
        String code = status.getValue() == null ? "" : status.getValue().trim();
        if ((system != null && !system.isBlank() && !SLOT_STATUS_SYSTEM.equals(system)) || !STATUSES.contains(code)) {
            throw new InvalidRequestException("Search parameter 'status' must be free, busy or busy-unavailable");
        }
        return code;
    }
}
