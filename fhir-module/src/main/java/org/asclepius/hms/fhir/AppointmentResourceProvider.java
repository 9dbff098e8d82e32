package org.asclepius.hms.fhir;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.asclepius.hms.scheduling.AppointmentRecord;
import org.asclepius.hms.scheduling.AppointmentService;
import org.asclepius.hms.scheduling.AppointmentStatus;
import org.asclepius.hms.scheduling.BookingRequest;
import org.asclepius.hms.scheduling.ResourceKind;
import org.asclepius.hms.scheduling.ResourceRef;
import org.asclepius.hms.scheduling.ScheduleService;
import org.asclepius.hms.scheduling.SeriesScope;
import org.asclepius.hms.scheduling.SlotRecord;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.shared.NotFoundException;
import org.asclepius.hms.shared.TimeFormat;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.IdType;

/**
 * Appointment read, book (create), cancel and move (update), and search over {@link AppointmentService}. Only
 * translation happens here: the service validates, checks roles and audits; failures become FHIR answers in
 * {@link FhirExceptionInterceptor} (a taken slot or a needed override reason: 409).
 *
 * <p>Create books: status booked (or absent), the patient, the service, start (end optional) and the resources as
 * slots or participants (see {@link FhirSchedulingMapper#toBooking}). Update is version-aware like Patient's
 * (If-Match or meta.versionId) and does one of two things: status {@code cancelled} with a cancelationReason
 * cancels; status {@code booked} with another start, other slots or other participants moves the appointment.
 * Anything else (another patient or service, a changed comment, another status) is refused with 422.
 *
 * <p>Search: {@code patient}, {@code actor} (a practitioner, location or device; a patient counts as
 * {@code patient}), {@code date} (the start; prefixes eq, ge, gt, le, lt) and {@code status}. At least one of
 * patient, actor, date. An actor's or a date's search without a full period covers {@link #DEFAULT_PERIOD} from
 * today; a date search alone spans at most {@link #MAX_DAYS} days (the front desk's day lists, which integration
 * systems may not read).
 */
public class AppointmentResourceProvider implements IResourceProvider {
    public static final Duration DEFAULT_PERIOD = Duration.ofDays(14);
    public static final int MAX_DAYS = 31;

    private final AppointmentService appointments;
    private final ScheduleService schedules;
    private final Clock clock;

    public AppointmentResourceProvider(AppointmentService appointments, ScheduleService schedules) {
        this(appointments, schedules, Clock.systemUTC());
    }

    AppointmentResourceProvider(AppointmentService appointments, ScheduleService schedules, Clock clock) {
        this.appointments = appointments;
        this.schedules = schedules;
        this.clock = clock;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return Appointment.class;
    }

    /** Read, and vread of the current version (earlier versions are not kept). */
    @Read(version = true)
    public Appointment read(@IdParam IdType id) {
        long appointmentId = ScheduleResourceProvider.numericId("Appointment", id);
        AppointmentRecord a = appointments.get(appointmentId);
        if (id.hasVersionIdPart() && !id.getVersionIdPart().equals(Long.toString(a.version()))) {
            throw new ResourceNotFoundException("Version " + id.getVersionIdPart() + " of Appointment/"
                    + appointmentId + " is not kept: only the current version (" + a.version() + ") can be read");
        }
        return FhirSchedulingMapper.toFhir(a);
    }

    @Create
    public MethodOutcome create(@ResourceParam Appointment appointment, RequestDetails request) {
        if (appointment.hasStatus() && appointment.getStatus() != Appointment.AppointmentStatus.BOOKED) {
            throw InvalidInputException.of("Appointment.status", "a new appointment is booked: send status booked"
                    + " (it is cancelled later with an update)");
        }
        FhirSchedulingMapper.Mapped mapped = FhirSchedulingMapper.toBooking(appointment, this::slotOrNull);
        request.getUserData().put(FhirExceptionInterceptor.FIELD_PATHS, mapped.paths());
        AppointmentRecord saved;
        try {
            saved = appointments.book(mapped.request());
        } catch (NotFoundException noPatient) {
            // the only record a booking looks up by id and does not check as input
            throw InvalidInputException.of("patientId", noPatient.getMessage());
        }
        Appointment created = FhirSchedulingMapper.toFhir(saved);
        MethodOutcome outcome = new MethodOutcome(created.getIdElement(), true);
        outcome.setResource(created);
        return outcome;
    }

    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam Appointment appointment, RequestDetails request) {
        long appointmentId = ScheduleResourceProvider.numericId("Appointment", id);
        long version = PatientResourceProvider.expectedVersion(id, appointment);
        Appointment.AppointmentStatus status = appointment.hasStatus() ? appointment.getStatus() : null;
        if (status == Appointment.AppointmentStatus.CANCELLED) {
            request.getUserData().put(FhirExceptionInterceptor.FIELD_PATHS, FhirSchedulingMapper.appointmentPaths(
                    false));
            String reason = FhirSchedulingMapper.cancelReason(appointment);
            if (reason == null) {
                throw InvalidInputException.of("Appointment.cancelationReason", "say why the appointment is"
                        + " cancelled (cancelationReason.text)");
            }
            appointments.cancel(appointmentId, version, reason, SeriesScope.THIS);
            return updated(appointments.get(appointmentId));
        }
        if (status == Appointment.AppointmentStatus.BOOKED) {
            return move(appointmentId, version, appointment, request);
        }
        throw InvalidInputException.of("Appointment.status", (status == null ? "give the status"
                : "status " + status.toCode() + " cannot be set through this API")
                + ": an update cancels a booked appointment (status cancelled with a cancelationReason) or moves it"
                + " (status booked with a new start, other slots or other participants)");
    }

    private MethodOutcome move(long appointmentId, long version, Appointment appointment, RequestDetails request) {
        FhirSchedulingMapper.Mapped mapped = FhirSchedulingMapper.toBooking(appointment, this::slotOrNull);
        FhirFieldPaths paths = mapped.paths();
        request.getUserData().put(FhirExceptionInterceptor.FIELD_PATHS, paths);
        BookingRequest wanted = mapped.request();
        AppointmentRecord current = appointments.get(appointmentId);
        if (current.status() != AppointmentStatus.BOOKED) {
            throw InvalidInputException.of("Appointment.status", "the appointment is "
                    + FhirSchedulingMapper.status(current.status()).toCode() + ", not booked: it cannot be booked"
                    + " again or moved; book a new appointment");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (!Objects.equals(wanted.getPatientId(), current.patient())) {
            errors.put(paths.expressionFor("patientId"), "the patient of an appointment cannot change: cancel it"
                    + " and book one for the other patient");
        }
        if (wanted.getServiceCode() != null && !wanted.getServiceCode().equals(current.serviceCode())) {
            errors.put(paths.expressionFor("serviceCode"), "the service of an appointment cannot change: cancel it"
                    + " and book the other service");
        }
        Instant start = wanted.getStart();
        Duration length = Duration.between(current.start(), current.end());
        if (start == null) {
            errors.put("Appointment.start", "give the start (a new one moves the appointment)");
        } else if (wanted.getEnd() != null && !wanted.getEnd().equals(start.plus(length))) {
            errors.put("Appointment.end", current.serviceName() + " lasts " + length.toMinutes()
                    + " minutes; the end must be the start plus that");
        }
        if (!Objects.equals(wanted.getNote(), current.note())) {
            errors.put("Appointment.comment", "cannot be changed through this API; only the start, the slots and"
                    + " the participants of a booked appointment can");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Set<Long> currentResources = current.resources().stream().map(ResourceRef::id).collect(Collectors.toSet());
        List<Long> resources = wanted.getResourceIds();
        boolean sameResources = resources.isEmpty() || new HashSet<>(resources).equals(currentResources);
        if (start.equals(current.start()) && sameResources) {
            throw InvalidInputException.of("Appointment", "Nothing to change: an update moves a booked appointment"
                    + " (a new start, other slots or other participants) or cancels it (status cancelled with a"
                    + " cancelationReason)");
        }
        appointments.reschedule(appointmentId, version, start, sameResources ? null : resources,
                wanted.getOverbookReason(), wanted.getOverlapReason(), SeriesScope.THIS);
        // read again: the version is the one committed
        return updated(appointments.get(appointmentId));
    }

    private static MethodOutcome updated(AppointmentRecord saved) {
        Appointment updated = FhirSchedulingMapper.toFhir(saved);
        MethodOutcome outcome = new MethodOutcome(updated.getIdElement(), false);
        outcome.setResource(updated);
        return outcome;
    }

    @Search
    public IBundleProvider search(
            @OptionalParam(name = Appointment.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = Appointment.SP_ACTOR) ReferenceParam actor,
            @OptionalParam(name = Appointment.SP_DATE) DateRangeParam date,
            @OptionalParam(name = Appointment.SP_STATUS) TokenParam status,
            @Offset Integer offset,
            @Count Integer count) {
        ZoneId zone = TimeFormat.hospitalZone();
        Long patientId = patient == null ? null : patientId(Appointment.SP_PATIENT, patient);
        Long resourceId = null;
        ResourceKind kind = null;
        if (actor != null && "Patient".equals(actor.getResourceType())) {
            long named = patientId(Appointment.SP_ACTOR, actor);
            if (patientId != null && patientId != named) {
                return OffsetPage.slice(List.of(), offset, count);
            }
            patientId = named;
        } else if (actor != null) {
            resourceId = ScheduleResourceProvider.resourceId(Appointment.SP_ACTOR, actor);
            kind = FhirSchedulingMapper.kindOf(actor.getResourceType());
        }
        AppointmentStatus wantedStatus = status == null ? null : status(status);
        FhirDateRange period = FhirDateRange.parse(Appointment.SP_DATE, date, zone);
        Instant today = LocalDate.now(clock.withZone(zone)).atStartOfDay(zone).toInstant();

        List<AppointmentRecord> found;
        if (patientId != null) {
            found = appointments.forPatient(patientId);
        } else if (resourceId != null) {
            period = period.orDefault(today, DEFAULT_PERIOD);
            found = appointments.forResource(resourceId, period.from(), period.to());
        } else if (!period.isOpen()) {
            period = period.orDefault(today, DEFAULT_PERIOD);
            found = dayLists(period, zone);
        } else {
            throw new InvalidRequestException("Give at least one search parameter: patient, actor or date"
                    + " (a search for every appointment is not offered; status only narrows a search)");
        }
        FhirDateRange starts = period;
        Long wantedResource = resourceId;
        ResourceKind wantedKind = kind;
        List<IBaseResource> resources = found.stream()
                .filter(a -> starts.contains(a.start()))
                .filter(a -> wantedResource == null || a.resources().stream().anyMatch(r -> r.id() == wantedResource
                        && (wantedKind == null || r.kind() == wantedKind)))
                .filter(a -> wantedStatus == null || a.status() == wantedStatus)
                .sorted(Comparator.comparing(AppointmentRecord::start).thenComparing(AppointmentRecord::id))
                .map(a -> (IBaseResource) FhirSchedulingMapper.toFhir(a))
                .toList();
        return OffsetPage.slice(resources, offset, count);
    }

    /** Every appointment of the days the period touches (the front desk's lists), each once. */
    private List<AppointmentRecord> dayLists(FhirDateRange period, ZoneId zone) {
        LocalDate first = LocalDate.ofInstant(period.from(), zone);
        LocalDate last = LocalDate.ofInstant(period.to().minusMillis(1), zone);
        if (first.plusDays(MAX_DAYS).isBefore(last.plusDays(1))) {
            throw new InvalidRequestException("Search parameter 'date' without patient or actor spans at most "
                    + MAX_DAYS + " days");
        }
        Map<Long, AppointmentRecord> byId = new LinkedHashMap<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            appointments.dayList(day, null).forEach(a -> byId.putIfAbsent(a.id(), a));
        }
        return new ArrayList<>(byId.values());
    }

    private static long patientId(String parameter, ReferenceParam reference) {
        String type = reference.getResourceType();
        String id = reference.getIdPart();
        if ((reference.getChain() != null && !reference.getChain().isBlank())
                || (type != null && !"Patient".equals(type)) || id == null || !id.matches("\\d{1,18}")) {
            throw new InvalidRequestException("Search parameter '" + parameter + "' must name a patient: "
                    + parameter + "=Patient/<id>");
        }
        return Long.parseLong(id);
    }

    private static AppointmentStatus status(TokenParam token) {
        if (token.getModifier() != null || token.getMissing() != null) {
            throw new InvalidRequestException("Search parameter 'status' does not support modifiers");
        }
        Appointment.AppointmentStatus fhir;
        try {
            fhir = Appointment.AppointmentStatus.fromCode(token.getValue() == null ? null : token.getValue().trim());
        } catch (FHIRException unknown) {
            fhir = null;
        }
        AppointmentStatus status = FhirSchedulingMapper.status(fhir);
        if (status == null) {
            throw new InvalidRequestException("Search parameter 'status' must be one of proposed, booked,"
                    + " checked-in, cancelled, noshow");
        }
        return status;
    }

    private SlotRecord slotOrNull(long id) {
        try {
            return schedules.slot(id);
        } catch (NotFoundException none) {
            return null;
        }
    }
}
