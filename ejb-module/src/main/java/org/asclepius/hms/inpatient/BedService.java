package org.asclepius.hms.inpatient;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import org.asclepius.hms.audit.AuditAction;
import org.asclepius.hms.audit.Audited;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.InputValidator;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.shared.NotFoundException;
import org.asclepius.hms.shared.Roles;

/** Wards and beds: configuration by administrators, blocking and the release of a cleaned bed. */
@Stateless
@Audited(resource = "Bed")
public class BedService {
    @PersistenceContext
    EntityManager em;
    @Inject
    InputValidator validator;
    @Inject
    Clock clock;
    @Resource
    SessionContext session;

    @RolesAllowed(Roles.ADMIN)
    @Audited(action = AuditAction.CREATE, resource = "Ward")
    public long createWard(WardData data) {
        validator.validate(data);
        boolean taken = em.createQuery("select count(w) from Ward w where upper(w.code) = :code", Long.class)
                .setParameter("code", data.getCode().trim().toUpperCase(java.util.Locale.ROOT))
                .getSingleResult() > 0;
        if (taken) {
            throw InvalidInputException.of("code", "another ward has this code");
        }
        Ward ward = new Ward(data);
        ward.touch(caller(), clock.instant());
        em.persist(ward);
        em.flush();
        return ward.getId();
    }

    @RolesAllowed(Roles.ADMIN)
    @Audited(action = AuditAction.CREATE, resource = "Bed")
    public BedRecord addBed(long wardId, String room, String label, BedKind kind) {
        Ward ward = em.find(Ward.class, wardId);
        if (ward == null) {
            throw new NotFoundException("Ward", wardId);
        }
        if (room == null || !room.trim().matches("[A-Za-z0-9-]{1,20}")) {
            throw InvalidInputException.of("room", "1 to 20 letters, digits or -");
        }
        if (label == null || !label.trim().matches("[A-Za-z0-9-]{1,20}")) {
            throw InvalidInputException.of("label", "1 to 20 letters, digits or -");
        }
        if (kind == null) {
            throw InvalidInputException.of("kind", "choose the kind of bed");
        }
        boolean taken = em.createQuery("select count(b) from Bed b where b.ward = :ward and b.room = :room"
                        + " and b.label = :label", Long.class)
                .setParameter("ward", ward).setParameter("room", room.trim()).setParameter("label", label.trim())
                .getSingleResult() > 0;
        if (taken) {
            throw InvalidInputException.of("label", "room " + room.trim() + " already has a bed " + label.trim());
        }
        Bed bed = new Bed(ward, room.trim(), label.trim(), kind);
        bed.touch(caller(), clock.instant());
        em.persist(bed);
        em.flush();
        return BedRecord.of(bed);
    }

    @RolesAllowed({Roles.ADMIN, Roles.NURSE, Roles.PHYSICIAN, Roles.RECEPTIONIST})
    public List<BedRecord> beds(long wardId) {
        return em.createQuery("select b from Bed b join fetch b.ward where b.ward.id = :ward"
                        + " order by b.room, b.label", Bed.class)
                .setParameter("ward", wardId).getResultStream().map(BedRecord::of).toList();
    }

    /** Takes a free bed out of use (maintenance, an outbreak), with the reason shown on the board. */
    @RolesAllowed({Roles.ADMIN, Roles.NURSE})
    @Audited(action = AuditAction.UPDATE, resource = "Bed")
    public BedRecord block(long bedId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "say why the bed is blocked");
        }
        Bed bed = lock(bedId);
        if (bed.getStatus() != BedStatus.FREE && bed.getStatus() != BedStatus.NEEDS_CLEANING) {
            throw new DomainException("Bed " + bed.name() + " is " + label(bed.getStatus())
                    + "; only a free bed or one waiting for cleaning can be blocked.");
        }
        bed.setStatus(BedStatus.BLOCKED, reason.trim());
        bed.touch(caller(), clock.instant());
        return BedRecord.of(bed);
    }

    /** Housekeeping is done (or the block is over): the bed is free again. */
    @RolesAllowed({Roles.ADMIN, Roles.NURSE})
    @Audited(action = AuditAction.UPDATE, resource = "Bed")
    public BedRecord release(long bedId) {
        Bed bed = lock(bedId);
        if (bed.getStatus() != BedStatus.NEEDS_CLEANING && bed.getStatus() != BedStatus.BLOCKED) {
            throw new DomainException("Bed " + bed.name() + " is " + label(bed.getStatus())
                    + "; only a bed waiting for cleaning or a blocked bed can be released.");
        }
        bed.setStatus(BedStatus.FREE, null);
        bed.touch(caller(), clock.instant());
        return BedRecord.of(bed);
    }

    static String label(BedStatus status) {
        return status.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    private Bed lock(long bedId) {
        Bed bed = em.find(Bed.class, bedId, LockModeType.PESSIMISTIC_WRITE);
        if (bed == null) {
            throw new NotFoundException("Bed", bedId);
        }
        return bed;
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }
}
