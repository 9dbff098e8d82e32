package org.asclepius.hms.scheduling;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.asclepius.hms.audit.AuditAction;
import org.asclepius.hms.audit.Audited;
import org.asclepius.hms.audit.PatientRef;
import org.asclepius.hms.patient.Patient;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.InputValidator;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.shared.NotFoundException;
import org.asclepius.hms.shared.Roles;

/**
 * Booking and the life of an appointment: book (single or a weekly series), cancel with a reason, reschedule
 * (this one or this and the following of a series), check in, no-show; its status history; the lists the front
 * desk and the calendars show. No slot ever holds more bookings than the service's policy: see {@link Bookings}.
 */
@Stateless
@Audited(resource = "Appointment")
public class AppointmentService {
    private static final String[] BOOKERS = {Roles.RECEPTIONIST, Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN,
            Roles.INTEGRATION};
    private static final String[] READERS = {Roles.RECEPTIONIST, Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN,
            Roles.INTEGRATION, Roles.PRIVACY_OFFICER};

    @PersistenceContext
    EntityManager em;
    @Inject
    Bookings bookings;
    @Inject
    AppointmentLifecycle lifecycle;
    @Inject
    Reminders reminders;
    @Inject
    InputValidator validator;
    @Inject
    Clock clock;
    @Resource
    SessionContext session;

    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN, Roles.INTEGRATION})
    @Audited(action = AuditAction.CREATE, resource = "Appointment")
    public AppointmentRecord book(BookingRequest request) {
        validator.validate(request);
        ServiceType service = bookings.service(request.getServiceCode());
        checkEnd(request, service);
        Set<SchedulableResource> resources = bookings.resources(service, request.getResourceIds());
        bookings.refuseIfFull(service, request.getStart(), resources);
        Patient patient = bookings.lockPatient(request.getPatientId());
        Bookings.Placement placement = bookings.check(patient, service, request.getStart(), resources,
                request.getOverbookReason(), request.getOverlapReason(), Set.of());
        return AppointmentRecord.of(create(patient, service, placement, request.getNote(), null, 0));
    }

    /**
     * Books {@code occurrences} appointments every {@code everyWeeks} weeks at the same local time as the first
     * (so daylight-saving changes do not move them). The first must be bookable; a later occurrence that cannot be
     * booked (a holiday, a full slot) or is listed in {@code skip} is left out and reported with its reason.
     */
    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN})
    @Audited(action = AuditAction.CREATE, resource = "Appointment")
    public SeriesResult bookSeries(BookingRequest request, int everyWeeks, int occurrences, Set<Integer> skip) {
        validator.validate(request);
        if (everyWeeks < 1 || everyWeeks > 12) {
            throw InvalidInputException.of("everyWeeks", "must be between 1 and 12 weeks");
        }
        if (occurrences < 2 || occurrences > 52) {
            throw InvalidInputException.of("occurrences", "must be between 2 and 52");
        }
        ServiceType service = bookings.service(request.getServiceCode());
        Patient patient = bookings.lockPatient(request.getPatientId());
        Set<SchedulableResource> resources = bookings.resources(service, request.getResourceIds());
        AppointmentSeries series = new AppointmentSeries(patient, service, everyWeeks, occurrences);
        series.touch(caller(), clock.instant());
        em.persist(series);
        ZoneId zone = Bookings.zone();
        LocalDateTime first = LocalDateTime.ofInstant(request.getStart(), zone);
        List<AppointmentRecord> booked = new ArrayList<>();
        List<SeriesResult.Skipped> skipped = new ArrayList<>();
        for (int n = 1; n <= occurrences; n++) {
            Instant start = first.plusWeeks((long) (n - 1) * everyWeeks).atZone(zone).toInstant();
            String reason = skip != null && skip.contains(n) ? "left out when the series was booked" : null;
            Bookings.Placement placement = null;
            if (reason == null) {
                try {
                    placement = bookings.check(patient, service, start, resources, request.getOverbookReason(),
                            request.getOverlapReason(), Set.of());
                } catch (DomainException e) {
                    if (n == 1) {
                        throw e;
                    }
                    reason = e.getMessage();
                }
            }
            if (placement == null) {
                em.persist(new SeriesException(series, n, start, truncate(reason)));
                skipped.add(new SeriesResult.Skipped(n, start, reason));
            } else {
                booked.add(AppointmentRecord.of(create(patient, service, placement, request.getNote(), series, n)));
            }
        }
        return new SeriesResult(series.getId(), everyWeeks, occurrences, booked, skipped);
    }

    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN, Roles.INTEGRATION})
    @Audited(action = AuditAction.UPDATE, resource = "Appointment")
    public List<AppointmentRecord> cancel(long id, long version, String reason, SeriesScope scope) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "say why the appointment is cancelled");
        }
        Appointment a = lifecycle.lock(id, version);
        requireStatus(a, "cancelled", AppointmentStatus.BOOKED);
        List<Appointment> affected = scoped(a, scope);
        for (Appointment each : affected) {
            lifecycle.end(each, AppointmentStatus.CANCELLED, reason, caller(), null);
        }
        em.flush();
        return records(affected);
    }

    /**
     * Moves an appointment to a new start (and, optionally, other resources of the same kinds). For a series with
     * {@link SeriesScope#THIS_AND_FOLLOWING}, every following booked occurrence moves by the same local-time shift;
     * if any of them cannot move, none does.
     */
    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN, Roles.INTEGRATION})
    @Audited(action = AuditAction.UPDATE, resource = "Appointment")
    public List<AppointmentRecord> reschedule(long id, long version, Instant newStart, List<Long> resourceIds,
            String overbookReason, String overlapReason, SeriesScope scope) {
        if (newStart == null) {
            throw InvalidInputException.of("start", "choose the new time");
        }
        Appointment a = lifecycle.lock(id, version);
        requireStatus(a, "moved", AppointmentStatus.BOOKED, AppointmentStatus.PROPOSED);
        Set<SchedulableResource> resources = resourceIds == null || resourceIds.isEmpty()
                ? new HashSet<>(a.getResources()) : bookings.resources(a.getService(), resourceIds);
        ZoneId zone = Bookings.zone();
        Duration shift = Duration.between(LocalDateTime.ofInstant(a.getStartsAt(), zone),
                LocalDateTime.ofInstant(newStart, zone));
        List<Appointment> moving = scoped(a, scope);
        Set<Long> movingIds = moving.stream().map(Appointment::getId).collect(Collectors.toSet());
        List<Slot> freed = new ArrayList<>();
        moving.forEach(m -> freed.addAll(bookings.release(m)));
        List<Bookings.Placement> placements = new ArrayList<>();
        for (Appointment m : moving) {
            Instant start = LocalDateTime.ofInstant(m.getStartsAt(), zone).plus(shift).atZone(zone).toInstant();
            try {
                placements.add(bookings.check(m.getPatient(), m.getService(), start,
                        m == a ? resources : mergeResources(m, resources), overbookReason, overlapReason, movingIds));
            } catch (DomainException e) {
                if (m == a) {
                    throw e;
                }
                throw new SlotConflictException("Occurrence " + m.getOccurrence() + " of the series ("
                        + Bookings.when(start) + ") cannot move: " + e.getMessage() + " Nothing was changed.");
            }
        }
        for (int i = 0; i < moving.size(); i++) {
            Appointment m = moving.get(i);
            Instant before = m.getStartsAt();
            bookings.hold(m, placements.get(i));
            lifecycle.moved(m, before, null, caller());
            if (m.getStatus() == AppointmentStatus.BOOKED) {
                reminders.schedule(m, caller());
            }
        }
        freed.removeIf(s -> s.getBooked() > 0);
        lifecycle.offerFreed(freed, null, caller());
        em.flush();
        return records(moving);
    }

    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.ADMIN})
    @Audited(action = AuditAction.UPDATE, resource = "Appointment")
    public AppointmentRecord checkIn(long id, long version) {
        Appointment a = lifecycle.lock(id, version);
        requireStatus(a, "checked in", AppointmentStatus.BOOKED);
        LocalDate today = LocalDate.ofInstant(clock.instant(), Bookings.zone());
        if (!LocalDate.ofInstant(a.getStartsAt(), Bookings.zone()).equals(today)) {
            throw new DomainException("Only today's appointments can be checked in; this one is on "
                    + Bookings.when(a.getStartsAt()) + ".");
        }
        lifecycle.change(a, AppointmentStatus.CHECKED_IN, null, caller());
        em.flush();
        return AppointmentRecord.of(a);
    }

    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.ADMIN})
    @Audited(action = AuditAction.UPDATE, resource = "Appointment")
    public AppointmentRecord markNoShow(long id, long version) {
        Appointment a = lifecycle.lock(id, version);
        requireStatus(a, "marked as a no-show", AppointmentStatus.BOOKED);
        if (a.getStartsAt().isAfter(clock.instant())) {
            throw new DomainException("The appointment has not started yet (" + Bookings.when(a.getStartsAt())
                    + "); it can be marked as a no-show after its start.");
        }
        lifecycle.end(a, AppointmentStatus.NO_SHOW, "did not come", caller(), null);
        em.flush();
        return AppointmentRecord.of(a);
    }

    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN, Roles.INTEGRATION,
            Roles.PRIVACY_OFFICER})
    @Audited(action = AuditAction.READ, resource = "Appointment")
    public AppointmentRecord get(long id) {
        Appointment a = em.find(Appointment.class, id);
        if (a == null) {
            throw new NotFoundException("Appointment", id);
        }
        return AppointmentRecord.of(a);
    }

    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN, Roles.PRIVACY_OFFICER})
    @Audited(action = AuditAction.READ, resource = "Appointment")
    public AppointmentHistory history(long id) {
        AppointmentRecord a = get(id);
        return new AppointmentHistory(a, em.createQuery("select c from AppointmentStatusChange c"
                        + " where c.appointment.id = :id order by c.changedAt, c.id", AppointmentStatusChange.class)
                .setParameter("id", id).getResultStream().map(StatusChangeRecord::of).toList());
    }

    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN, Roles.INTEGRATION,
            Roles.PRIVACY_OFFICER})
    @Audited(action = AuditAction.READ, resource = "Appointment")
    public List<AppointmentRecord> forPatient(@PatientRef long patientId) {
        return query("a.patient.id = :patient", "patient", patientId, null, null);
    }

    /** A resource's appointments (every status) that overlap the period: its calendar. */
    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN, Roles.INTEGRATION})
    @Audited(action = AuditAction.SEARCH, resource = "Appointment")
    public List<AppointmentRecord> forResource(long resourceId, Instant from, Instant to) {
        return query(":resource member of a.resources", "resource", em.getReference(SchedulableResource.class,
                resourceId), from, to);
    }

    /** The front desk's list of a day (in the hospital's zone), optionally one department's. */
    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN, Roles.INTEGRATION})
    @Audited(action = AuditAction.SEARCH, resource = "Appointment")
    public List<AppointmentRecord> dayList(LocalDate day, String department) {
        ZoneId zone = Bookings.zone();
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        if (department == null || department.isBlank()) {
            return query("1 = 1", null, null, from, to);
        }
        return query("exists (select 1 from a.resources r where r.department = :department)", "department",
                department, from, to);
    }

    /** Booked appointments whose time a schedule change has blocked (leave, a block, changed hours). */
    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.ADMIN})
    @Audited(action = AuditAction.SEARCH, resource = "Appointment")
    public List<AppointmentRecord> needingRebooking() {
        return em.createQuery("select distinct a from AppointmentSlot h join h.appointment a join h.slot s"
                        + " where s.status = :blocked and s.startsAt >= :now and a.status in :holding"
                        + " order by a.startsAt", Appointment.class)
                .setParameter("blocked", SlotStatus.BLOCKED).setParameter("now", clock.instant())
                .setParameter("holding", Bookings.holding())
                .getResultStream().map(AppointmentRecord::of).toList();
    }

    /**
     * The start times on a day when the service can be booked with these resources (one of each kind it needs):
     * every slot it needs on each of them is open and has its first lane free.
     */
    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN, Roles.INTEGRATION})
    public List<Instant> freeStarts(String serviceCode, List<Long> resourceIds, LocalDate day) {
        ServiceType service = bookings.service(serviceCode);
        Set<SchedulableResource> resources = bookings.resources(service, resourceIds);
        ZoneId zone = Bookings.zone();
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        Instant now = clock.instant();
        List<Slot> free = em.createQuery("select s from Slot s where s.resource in :resources and s.status = :open"
                        + " and s.booked = 0 and s.startsAt >= :from and s.startsAt < :to order by s.startsAt",
                        Slot.class)
                .setParameter("resources", resources).setParameter("open", SlotStatus.OPEN)
                .setParameter("from", from).setParameter("to", to).getResultList();
        Duration length = Duration.ofMinutes(service.getDurationMinutes());
        List<Instant> starts = new ArrayList<>();
        SchedulableResource lead = resources.iterator().next();
        for (Slot s : free) {
            if (!s.getResource().getId().equals(lead.getId()) || s.getStartsAt().isBefore(now)) {
                continue;
            }
            Instant start = s.getStartsAt();
            Instant end = start.plus(length);
            boolean fits = resources.stream().allMatch(r -> covered(free, r, start, end));
            if (fits) {
                starts.add(start);
            }
        }
        return starts;
    }

    private static boolean covered(List<Slot> free, SchedulableResource r, Instant start, Instant end) {
        Instant cursor = start;
        for (Slot s : free) {
            if (s.getResource().getId().equals(r.getId()) && s.getStartsAt().equals(cursor)) {
                cursor = s.getEndsAt();
                if (!cursor.isBefore(end)) {
                    return true;
                }
            }
        }
        return false;
    }

    private Appointment create(Patient patient, ServiceType service, Bookings.Placement placement, String note,
            AppointmentSeries series, int occurrence) {
        Appointment a = new Appointment(patient, service, placement.resources(), AppointmentStatus.BOOKED);
        a.setNote(note == null || note.isBlank() ? null : note.trim());
        if (series != null) {
            a.setSeries(series, occurrence);
        }
        a.touch(caller(), clock.instant());
        bookings.hold(a, placement);
        em.persist(new AppointmentStatusChange(a, null, series == null ? "booked"
                : "booked as " + occurrence + " of " + series.getOccurrences() + " in a series", caller(),
                clock.instant()));
        reminders.schedule(a, caller());
        return a;
    }

    /** The appointment alone, or with the following booked occurrences of its series. */
    private List<Appointment> scoped(Appointment a, SeriesScope scope) {
        if (scope != SeriesScope.THIS_AND_FOLLOWING || a.getSeries() == null) {
            return List.of(a);
        }
        List<Appointment> following = new ArrayList<>(List.of(a));
        em.createQuery("select a from Appointment a where a.series = :series and a.occurrence > :n"
                        + " and a.status = :booked order by a.occurrence", Appointment.class)
                .setParameter("series", a.getSeries()).setParameter("n", a.getOccurrence())
                .setParameter("booked", AppointmentStatus.BOOKED)
                .getResultStream().map(o -> lifecycle.lock(o.getId(), null)).forEach(following::add);
        return following;
    }

    /** For a series occurrence moved with the first: the given resources, keeping its own for other kinds. */
    private static Set<SchedulableResource> mergeResources(Appointment m, Set<SchedulableResource> given) {
        Set<SchedulableResource> result = new HashSet<>(given);
        m.getResources().stream().filter(r -> given.stream().noneMatch(g -> g.getKind() == r.getKind()))
                .forEach(result::add);
        return result;
    }

    private List<AppointmentRecord> query(String condition, String name, Object value, Instant from, Instant to) {
        String period = from == null ? "" : " and a.startsAt < :to and a.endsAt > :from";
        var q = em.createQuery("select a from Appointment a join fetch a.patient join fetch a.service where "
                + condition + period + " order by a.startsAt, a.id", Appointment.class);
        if (name != null) {
            q.setParameter(name, value);
        }
        if (from != null) {
            q.setParameter("from", from).setParameter("to", to);
        }
        return q.getResultStream().map(AppointmentRecord::of).toList();
    }

    private static void checkEnd(BookingRequest request, ServiceType service) {
        if (request.getEnd() == null) {
            return;
        }
        if (!request.getEnd().isAfter(request.getStart())) {
            throw InvalidInputException.of("end", "must be after the start");
        }
        if (!request.getEnd().equals(request.getStart().plus(Duration.ofMinutes(service.getDurationMinutes())))) {
            throw InvalidInputException.of("end", service.getName() + " lasts " + service.getDurationMinutes()
                    + " minutes; the end must be the start plus that");
        }
    }

    private static void requireStatus(Appointment a, String action, AppointmentStatus... allowed) {
        for (AppointmentStatus s : allowed) {
            if (a.getStatus() == s) {
                return;
            }
        }
        throw new DomainException("A " + a.getStatus().label().toLowerCase() + " appointment cannot be " + action
                + ".");
    }

    private static List<AppointmentRecord> records(List<Appointment> list) {
        return list.stream().sorted(Comparator.comparing(Appointment::getStartsAt)).map(AppointmentRecord::of)
                .toList();
    }

    private static String truncate(String s) {
        return s.length() > 300 ? s.substring(0, 297) + "..." : s;
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }
}
