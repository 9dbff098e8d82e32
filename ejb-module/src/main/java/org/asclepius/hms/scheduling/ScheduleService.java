package org.asclepius.hms.scheduling;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.asclepius.hms.audit.AuditAction;
import org.asclepius.hms.audit.Audited;
import org.asclepius.hms.shared.ConcurrentUpdateException;
import org.asclepius.hms.shared.InputValidator;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.shared.NotFoundException;
import org.asclepius.hms.shared.Page;
import org.asclepius.hms.shared.Roles;

/**
 * Schedules: the resources, their weekly working hours and exceptions, the services and who offers them, and
 * the slots derived from all of that. Every change regenerates the resource's slots at once and returns the
 * appointments that now lie in blocked time, for rebooking.
 */
@Stateless
@Audited(resource = "Schedule")
public class ScheduleService {
    @PersistenceContext
    EntityManager em;
    @Inject
    SlotMaintenance slots;
    @Inject
    InputValidator validator;
    @Inject
    Clock clock;
    @Resource
    SessionContext session;

    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN, Roles.INTEGRATION,
            Roles.PRIVACY_OFFICER, Roles.BILLING_CLERK})
    public List<ResourceRecord> resources() {
        Map<Long, List<WeeklyPeriod>> hours = new LinkedHashMap<>();
        em.createQuery("select h from WorkingHours h", WorkingHours.class).getResultStream()
                .forEach(h -> hours.computeIfAbsent(h.getResource().getId(), k -> new ArrayList<>()).add(h.period()));
        return em.createQuery("select r from SchedulableResource r order by r.department, r.kind, r.name",
                        SchedulableResource.class).getResultStream()
                .map(r -> ResourceRecord.of(r, sorted(hours.getOrDefault(r.getId(), List.of())))).toList();
    }

    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN, Roles.INTEGRATION,
            Roles.PRIVACY_OFFICER, Roles.BILLING_CLERK})
    public ResourceRecord resource(long id) {
        return record(find(id));
    }

    @RolesAllowed(Roles.ADMIN)
    @Audited(action = AuditAction.CREATE, resource = "Schedule")
    public ResourceRecord createResource(ResourceData data) {
        validator.validate(data);
        checkUniqueName(data, null);
        SchedulableResource r = new SchedulableResource(data);
        r.touch(caller(), clock.instant());
        em.persist(r);
        em.flush();
        return record(r);
    }

    @RolesAllowed(Roles.ADMIN)
    @Audited(action = AuditAction.UPDATE, resource = "Schedule")
    public ScheduleChange updateResource(long id, long version, ResourceData data) {
        validator.validate(data);
        SchedulableResource r = lock(id, version);
        checkUniqueName(data, id);
        if (data.getKind() != r.getKind()) {
            throw InvalidInputException.of("kind", "cannot change; add a new resource instead");
        }
        if (data.getSlotMinutes() != r.getSlotMinutes() && futureHolds(r) > 0) {
            throw InvalidInputException.of("slotMinutes", "cannot change while " + r.getName()
                    + " has future appointments; block the time and rebook them first");
        }
        r.apply(data);
        r.touch(caller(), clock.instant());
        return change(r);
    }

    /** Replaces the resource's weekly working hours (periods of a day must not overlap). */
    @RolesAllowed(Roles.ADMIN)
    @Audited(action = AuditAction.UPDATE, resource = "Schedule")
    public ScheduleChange setHours(long resourceId, long version, List<WeeklyPeriod> hours) {
        SchedulableResource r = lock(resourceId, version);
        for (int i = 0; i < hours.size(); i++) {
            WeeklyPeriod p = hours.get(i);
            if (p == null || p.day() == null || p.start() == null || p.end() == null) {
                throw InvalidInputException.of("hours[" + i + "]", "enter the day, start and end");
            }
            if (!p.start().isBefore(p.end())) {
                throw InvalidInputException.of("hours[" + i + "].end", "must be after the start (" + p.start() + ")");
            }
            for (int j = 0; j < i; j++) {
                if (hours.get(j).overlaps(p)) {
                    throw InvalidInputException.of("hours[" + i + "]", "overlaps " + hours.get(j));
                }
            }
        }
        em.createQuery("delete from WorkingHours h where h.resource = :r").setParameter("r", r).executeUpdate();
        hours.forEach(p -> em.persist(new WorkingHours(r, p)));
        r.touch(caller(), clock.instant());
        em.flush();
        return change(r);
    }

    /** Leave, a holiday or blocked time: the slots inside are blocked; booked patients there are listed. */
    @RolesAllowed({Roles.ADMIN, Roles.RECEPTIONIST})
    @Audited(action = AuditAction.CREATE, resource = "Schedule")
    public ScheduleChange addException(long resourceId, ExceptionKind kind, Instant start, Instant end,
            String reason) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (kind == null) {
            errors.put("kind", "choose leave, holiday or blocked time");
        }
        if (start == null) {
            errors.put("start", "enter the start");
        }
        if (end == null) {
            errors.put("end", "enter the end");
        } else if (start != null && !end.isAfter(start)) {
            errors.put("end", "must be after the start");
        } else if (!end.isAfter(clock.instant())) {
            errors.put("end", "is in the past");
        }
        if (reason == null || reason.isBlank()) {
            errors.put("reason", "say why (e.g. annual leave, maintenance)");
        } else if (reason.length() > 300) {
            errors.put("reason", "at most 300 characters");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        SchedulableResource r = find(resourceId);
        em.persist(new ScheduleException(r, kind, start, end, reason, caller(), clock.instant()));
        em.flush();
        return change(r);
    }

    @RolesAllowed({Roles.ADMIN, Roles.RECEPTIONIST})
    @Audited(action = AuditAction.UPDATE, resource = "Schedule")
    public ScheduleChange removeException(long exceptionId) {
        ScheduleException e = em.find(ScheduleException.class, exceptionId);
        if (e == null) {
            throw new NotFoundException("Schedule exception", exceptionId);
        }
        SchedulableResource r = e.getResource();
        em.remove(e);
        em.flush();
        return change(r);
    }

    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN, Roles.INTEGRATION})
    public List<ExceptionRecord> exceptions(long resourceId, Instant from, Instant to) {
        return em.createQuery("select e from ScheduleException e where e.resource.id = :r and e.endsAt > :from"
                        + " and e.startsAt < :to order by e.startsAt", ScheduleException.class)
                .setParameter("r", resourceId).setParameter("from", from).setParameter("to", to)
                .getResultStream().map(ExceptionRecord::of).toList();
    }

    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN, Roles.INTEGRATION,
            Roles.PRIVACY_OFFICER, Roles.BILLING_CLERK})
    public List<ServiceTypeRecord> services() {
        return em.createQuery("select distinct s from ServiceType s left join fetch s.resources order by s.name",
                ServiceType.class).getResultStream().map(ServiceTypeRecord::of).toList();
    }

    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN, Roles.INTEGRATION,
            Roles.PRIVACY_OFFICER, Roles.BILLING_CLERK})
    public ServiceTypeRecord service(String code) {
        ServiceType s = code == null ? null : em.find(ServiceType.class, code);
        if (s == null) {
            throw new NotFoundException("Service", code);
        }
        return ServiceTypeRecord.of(s);
    }

    @RolesAllowed(Roles.ADMIN)
    @Audited(action = AuditAction.CREATE, resource = "Schedule")
    public ServiceTypeRecord createService(ServiceTypeData data) {
        validator.validate(data);
        if (em.find(ServiceType.class, data.getCode()) != null) {
            throw InvalidInputException.of("code", "is already used by another service");
        }
        ServiceType s = new ServiceType(data.getCode());
        s.apply(data, offeredBy(data));
        s.touch(caller(), clock.instant());
        em.persist(s);
        em.flush();
        return ServiceTypeRecord.of(s);
    }

    @RolesAllowed(Roles.ADMIN)
    @Audited(action = AuditAction.UPDATE, resource = "Schedule")
    public ServiceTypeRecord updateService(String code, long version, ServiceTypeData data) {
        validator.validate(data);
        ServiceType s = em.find(ServiceType.class, code, LockModeType.PESSIMISTIC_WRITE);
        if (s == null) {
            throw new NotFoundException("Service", code);
        }
        if (s.getVersion() != version) {
            throw new ConcurrentUpdateException("The service", s.getUpdatedBy(), s.getUpdatedAt());
        }
        if (!data.getCode().equals(code)) {
            throw InvalidInputException.of("code", "cannot change");
        }
        s.apply(data, offeredBy(data));
        s.touch(caller(), clock.instant());
        em.flush();
        return ServiceTypeRecord.of(s);
    }

    /** A resource's slots overlapping the period, optionally only free / busy / busy-unavailable ones. */
    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN, Roles.INTEGRATION})
    public Page<SlotRecord> slots(Long resourceId, Instant from, Instant to, String availability, int first,
            int max) {
        StringBuilder where = new StringBuilder(" where s.startsAt < :to and s.endsAt > :from");
        if (resourceId != null) {
            where.append(" and s.resource.id = :resource");
        }
        if (availability != null) {
            switch (availability) {
                case "free" -> where.append(" and s.status = 'OPEN' and s.booked = 0");
                case "busy" -> where.append(" and s.status = 'OPEN' and s.booked > 0");
                case "busy-unavailable" -> where.append(" and s.status = 'BLOCKED'");
                default -> throw InvalidInputException.of("status", "must be free, busy or busy-unavailable");
            }
        }
        var count = em.createQuery("select count(s) from Slot s" + where, Long.class);
        var query = em.createQuery("select s from Slot s join fetch s.resource" + where
                + " order by s.startsAt, s.id", Slot.class);
        for (var q : List.of(count, query)) {
            q.setParameter("from", from).setParameter("to", to);
            if (resourceId != null) {
                q.setParameter("resource", resourceId);
            }
        }
        return new Page<>(query.setFirstResult(first).setMaxResults(max).getResultStream().map(SlotRecord::of)
                .toList(), count.getSingleResult(), first, max);
    }

    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN, Roles.INTEGRATION})
    public SlotRecord slot(long id) {
        Slot s = em.find(Slot.class, id);
        if (s == null) {
            throw new NotFoundException("Slot", id);
        }
        return SlotRecord.of(s);
    }

    /** Extends every resource's slots to the horizon (nightly, and after a restart). */
    @RolesAllowed({Roles.SYSTEM, Roles.ADMIN})
    public int extendHorizon() {
        List<Long> ids = em.createQuery("select r.id from SchedulableResource r where r.active = true", Long.class)
                .getResultList();
        ids.forEach(slots::regenerate);
        return ids.size();
    }

    private ScheduleChange change(SchedulableResource r) {
        return new ScheduleChange(r.getId(), slots.regenerate(r.getId()).stream().map(AppointmentRecord::of)
                .toList());
    }

    private Set<SchedulableResource> offeredBy(ServiceTypeData data) {
        Set<SchedulableResource> resources = new HashSet<>();
        for (Long id : data.getResourceIds()) {
            SchedulableResource r = id == null ? null : em.find(SchedulableResource.class, id);
            if (r == null) {
                throw InvalidInputException.of("resourceIds", "resource " + id + " does not exist");
            }
            if (!data.getRequiredKinds().contains(r.getKind())) {
                throw InvalidInputException.of("resourceIds", r.getName() + " is a " + r.getKind().label()
                        .toLowerCase() + ", which the service does not need");
            }
            resources.add(r);
        }
        for (ResourceKind kind : data.getRequiredKinds()) {
            if (resources.stream().noneMatch(r -> r.getKind() == kind)) {
                throw InvalidInputException.of("resourceIds", "choose at least one " + kind.label().toLowerCase()
                        + " that offers the service");
            }
        }
        return resources;
    }

    private long futureHolds(SchedulableResource r) {
        return em.createQuery("select count(h) from AppointmentSlot h where h.slot.resource = :r"
                        + " and h.slot.startsAt >= :now", Long.class)
                .setParameter("r", r).setParameter("now", clock.instant()).getSingleResult();
    }

    private void checkUniqueName(ResourceData data, Long except) {
        boolean taken = em.createQuery("select count(r) from SchedulableResource r where r.kind = :kind"
                        + " and lower(r.name) = :name and (:except is null or r.id <> :except)", Long.class)
                .setParameter("kind", data.getKind()).setParameter("name", data.getName().trim().toLowerCase())
                .setParameter("except", except).getSingleResult() > 0;
        if (taken) {
            throw InvalidInputException.of("name", "another " + data.getKind().label().toLowerCase()
                    + " has this name");
        }
    }

    private SchedulableResource find(long id) {
        SchedulableResource r = em.find(SchedulableResource.class, id);
        if (r == null) {
            throw new NotFoundException("Resource", id);
        }
        return r;
    }

    private SchedulableResource lock(long id, long version) {
        SchedulableResource r = em.find(SchedulableResource.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            throw new NotFoundException("Resource", id);
        }
        if (r.getVersion() != version) {
            throw new ConcurrentUpdateException("The resource", r.getUpdatedBy(), r.getUpdatedAt());
        }
        return r;
    }

    private ResourceRecord record(SchedulableResource r) {
        return ResourceRecord.of(r, sorted(em.createQuery("select h from WorkingHours h where h.resource = :r",
                WorkingHours.class).setParameter("r", r).getResultStream().map(WorkingHours::period).toList()));
    }

    private static List<WeeklyPeriod> sorted(List<WeeklyPeriod> hours) {
        return hours.stream().sorted(java.util.Comparator.comparing(WeeklyPeriod::day)
                .thenComparing(WeeklyPeriod::start)).toList();
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }
}
