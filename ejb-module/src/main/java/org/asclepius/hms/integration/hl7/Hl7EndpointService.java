package org.asclepius.hms.integration.hl7;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.util.List;
import org.asclepius.hms.audit.AuditAction;
import org.asclepius.hms.audit.AuditTrail;
import org.asclepius.hms.audit.Audited;
import org.asclepius.hms.shared.ConcurrentUpdateException;
import org.asclepius.hms.shared.InputValidator;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.shared.NotFoundException;
import org.asclepius.hms.shared.Roles;

/**
 * The systems that receive the ADT feed (HL7 v2 over MLLP). The administrator's; every change is audited with
 * what it was and what it became. Endpoints are never deleted (the outbox names them) but deactivated: an
 * inactive endpoint gets no new messages, and what still waits for it fails visibly in the outbox.
 */
@Stateless
@Audited(resource = "Hl7Endpoint")
public class Hl7EndpointService {
    @PersistenceContext
    EntityManager em;
    @Inject
    InputValidator validator;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;
    @Resource
    SessionContext session;

    @RolesAllowed(Roles.ADMIN)
    @Audited(action = AuditAction.READ, resource = "Hl7Endpoint")
    public List<Hl7EndpointRecord> list() {
        return em.createQuery("select e from Hl7Endpoint e order by e.active desc, e.name", Hl7Endpoint.class)
                .getResultStream().map(Hl7EndpointRecord::of).toList();
    }

    @RolesAllowed(Roles.ADMIN)
    @Audited(action = AuditAction.CREATE, resource = "Hl7Endpoint")
    public Hl7EndpointRecord add(Hl7EndpointData data) {
        validator.validate(data);
        checkNameFree(data.getName().trim());
        Hl7Endpoint e = new Hl7Endpoint(data);
        e.touch(caller(), clock.instant());
        em.persist(e);
        try {
            em.flush();
        } catch (PersistenceException raced) { // the unique constraint caught an add of the same name at once
            throw InvalidInputException.of("name", "another endpoint has this name");
        }
        audit.recordSuccess(AuditAction.CREATE, "Hl7Endpoint", String.valueOf(e.getId()), null,
                "HL7 endpoint added: " + describe(e));
        return Hl7EndpointRecord.of(e);
    }

    /** Changes an endpoint as the caller loaded it (someone else's change in between is not overwritten). */
    @RolesAllowed(Roles.ADMIN)
    @Audited(action = AuditAction.UPDATE, resource = "Hl7Endpoint")
    public Hl7EndpointRecord update(long id, long loadedVersion, Hl7EndpointData data) {
        validator.validate(data);
        Hl7Endpoint e = lock(id, loadedVersion);
        if (!e.getName().equals(data.getName().trim())) {
            throw InvalidInputException.of("name", "cannot be changed: messages waiting in the outbox name it;"
                    + " add a new endpoint and deactivate this one");
        }
        String before = describe(e);
        e.apply(data);
        e.touch(caller(), clock.instant());
        em.flush();
        audit.recordSuccess(AuditAction.UPDATE, "Hl7Endpoint", String.valueOf(id), null,
                "HL7 endpoint changed from " + before + " to " + describe(e));
        return Hl7EndpointRecord.of(e);
    }

    /** Stops sending to an endpoint; it stays listed (and can be switched on again by a change). */
    @RolesAllowed(Roles.ADMIN)
    @Audited(action = AuditAction.UPDATE, resource = "Hl7Endpoint")
    public Hl7EndpointRecord deactivate(long id, long loadedVersion) {
        Hl7Endpoint e = lock(id, loadedVersion);
        e.deactivate();
        e.touch(caller(), clock.instant());
        em.flush();
        audit.recordSuccess(AuditAction.UPDATE, "Hl7Endpoint", String.valueOf(id), null,
                "HL7 endpoint deactivated: " + describe(e));
        return Hl7EndpointRecord.of(e);
    }

    private Hl7Endpoint lock(long id, long loadedVersion) {
        Hl7Endpoint e = em.find(Hl7Endpoint.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            throw new NotFoundException("HL7 endpoint", id);
        }
        if (e.getVersion() != loadedVersion) {
            throw new ConcurrentUpdateException("This endpoint", e.getUpdatedBy(), e.getUpdatedAt());
        }
        return e;
    }

    private void checkNameFree(String name) {
        boolean taken = em.createQuery("select count(e) from Hl7Endpoint e where upper(e.name) = upper(:name)",
                Long.class).setParameter("name", name).getSingleResult() > 0;
        if (taken) {
            throw InvalidInputException.of("name", "another endpoint has this name");
        }
    }

    private static String describe(Hl7Endpoint e) {
        Hl7EndpointRecord r = Hl7EndpointRecord.of(e);
        return r.name() + " " + r.address() + " triggers " + r.triggerText() + (r.active() ? "" : " (inactive)");
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }
}
