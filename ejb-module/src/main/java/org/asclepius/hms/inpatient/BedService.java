package org.asclepius.hms.inpatient;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.util.List;
import org.asclepius.hms.audit.AuditAction;
import org.asclepius.hms.audit.Audited;
import org.asclepius.hms.patient.Sex;
import org.asclepius.hms.shared.ConcurrentUpdateException;
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
        checkCodeFree(data.getCode(), null);
        Ward ward = new Ward(data);
        ward.touch(caller(), clock.instant());
        em.persist(ward);
        em.flush();
        return ward.getId();
    }

    /**
     * Changes a ward's code, name, department, rules or whether it is open. A ward is closed only when none of
     * its beds is occupied or reserved; beds of a closed ward take no admissions or transfers.
     */
    @RolesAllowed(Roles.ADMIN)
    @Audited(action = AuditAction.UPDATE, resource = "Ward")
    public WardRecord updateWard(long wardId, long version, WardData data) {
        validator.validate(data);
        Ward ward = em.find(Ward.class, wardId, LockModeType.PESSIMISTIC_WRITE);
        if (ward == null) {
            throw new NotFoundException("Ward", wardId);
        }
        if (ward.getVersion() != version) {
            throw new ConcurrentUpdateException("Ward " + ward.getCode(), ward.getUpdatedBy(), ward.getUpdatedAt());
        }
        checkCodeFree(data.getCode(), ward.getId());
        if (ward.isActive() && !data.isOpen()) {
            long inUse = inUse(ward.getId());
            if (inUse > 0) {
                throw InvalidInputException.of("open", inUse + (inUse == 1 ? " bed is" : " beds are")
                        + " occupied or reserved: transfer or discharge the patients before closing the ward");
            }
        }
        ward.update(data);
        ward.touch(caller(), clock.instant());
        em.flush();
        return ward(ward.getId());
    }

    /** Every ward with its number of beds and of beds in use, by code. */
    @RolesAllowed({Roles.ADMIN, Roles.NURSE, Roles.PHYSICIAN, Roles.RECEPTIONIST})
    public List<WardRecord> wards() {
        return wardRecords(null);
    }

    @RolesAllowed({Roles.ADMIN, Roles.NURSE, Roles.PHYSICIAN, Roles.RECEPTIONIST})
    public WardRecord ward(long wardId) {
        return wardRecords(wardId).stream().findFirst().orElseThrow(() -> new NotFoundException("Ward", wardId));
    }

    private List<WardRecord> wardRecords(Long only) {
        TypedQuery<Object[]> query = em.createQuery("select w.id, w.version, w.code, w.name, w.department,"
                        + " w.sexRule, w.minAge, w.maxAge, w.active, count(b.id),"
                        + " sum(case when b.status in (:occupied, :reserved) then 1 else 0 end)"
                        + " from Ward w left join Bed b on b.ward = w"
                        + (only == null ? "" : " where w.id = :only")
                        + " group by w.id, w.version, w.code, w.name, w.department, w.sexRule, w.minAge, w.maxAge,"
                        + " w.active order by w.code", Object[].class)
                .setParameter("occupied", BedStatus.OCCUPIED).setParameter("reserved", BedStatus.RESERVED);
        if (only != null) {
            query.setParameter("only", only);
        }
        return query.getResultStream()
                .map(r -> new WardRecord((Long) r[0], ((Number) r[1]).longValue(), (String) r[2], (String) r[3],
                        (String) r[4], (Sex) r[5], (Integer) r[6], (Integer) r[7], (Boolean) r[8],
                        ((Number) r[9]).longValue(), r[10] == null ? 0 : ((Number) r[10]).longValue()))
                .toList();
    }

    private long inUse(long wardId) {
        return em.createQuery("select count(b) from Bed b where b.ward.id = :ward and b.status in :inUse", Long.class)
                .setParameter("ward", wardId).setParameter("inUse", List.of(BedStatus.OCCUPIED, BedStatus.RESERVED))
                .getSingleResult();
    }

    private void checkCodeFree(String code, Long except) {
        TypedQuery<Long> query = em.createQuery("select count(w) from Ward w where upper(w.code) = :code"
                        + (except == null ? "" : " and w.id <> :except"), Long.class)
                .setParameter("code", Ward.normalCode(code));
        if (except != null) {
            query.setParameter("except", except);
        }
        if (query.getSingleResult() > 0) {
            throw InvalidInputException.of("code", "another ward has this code");
        }
    }

    @RolesAllowed(Roles.ADMIN)
    @Audited(action = AuditAction.CREATE, resource = "Bed")
    public BedRecord addBed(long wardId, String room, String label, BedKind kind) {
        Ward ward = em.find(Ward.class, wardId);
        if (ward == null) {
            throw new NotFoundException("Ward", wardId);
        }
        String[] place = checkPlace(ward, room, label, kind, null);
        Bed bed = new Bed(ward, place[0], place[1], kind);
        bed.touch(caller(), clock.instant());
        em.persist(bed);
        em.flush();
        return BedRecord.of(bed);
    }

    /** Moves a bed to another room of its ward, relabels it or changes its kind; its state stays. */
    @RolesAllowed(Roles.ADMIN)
    @Audited(action = AuditAction.UPDATE, resource = "Bed")
    public BedRecord updateBed(long bedId, long version, String room, String label, BedKind kind) {
        Bed bed = lock(bedId);
        if (bed.getVersion() != version) {
            throw new ConcurrentUpdateException("Bed " + bed.name(), bed.getUpdatedBy(), bed.getUpdatedAt());
        }
        String[] place = checkPlace(bed.getWard(), room, label, kind, bed.getId());
        bed.update(place[0], place[1], kind);
        bed.touch(caller(), clock.instant());
        em.flush();
        return BedRecord.of(bed);
    }

    /**
     * Removes a bed entered by mistake. A bed that ever held a patient stays (its stays are history): block it
     * instead.
     */
    @RolesAllowed(Roles.ADMIN)
    @Audited(action = AuditAction.UPDATE, resource = "Bed")
    public void removeBed(long bedId) {
        Bed bed = lock(bedId);
        if (bed.getStatus() == BedStatus.OCCUPIED || bed.getStatus() == BedStatus.RESERVED) {
            throw new DomainException("Bed " + bed.name() + " is " + label(bed.getStatus()) + "; it cannot be removed.");
        }
        long stays = em.createQuery("select count(s) from BedStay s where s.bed = :bed", Long.class)
                .setParameter("bed", bed).getSingleResult();
        if (stays > 0) {
            throw new DomainException("Bed " + bed.name() + " has been used (" + stays
                    + (stays == 1 ? " stay" : " stays") + "); it stays in the records: block it instead.");
        }
        em.remove(bed);
        em.flush();
    }

    /** [room, label] trimmed, after checking them, the kind, and that the ward has no other bed there. */
    private String[] checkPlace(Ward ward, String room, String label, BedKind kind, Long except) {
        if (room == null || !room.trim().matches("[A-Za-z0-9-]{1,20}")) {
            throw InvalidInputException.of("room", "1 to 20 letters, digits or -");
        }
        if (label == null || !label.trim().matches("[A-Za-z0-9-]{1,20}")) {
            throw InvalidInputException.of("label", "1 to 20 letters, digits or -");
        }
        if (kind == null) {
            throw InvalidInputException.of("kind", "choose the kind of bed");
        }
        TypedQuery<Long> query = em.createQuery("select count(b) from Bed b where b.ward = :ward and b.room = :room"
                        + " and b.label = :label" + (except == null ? "" : " and b.id <> :except"), Long.class)
                .setParameter("ward", ward).setParameter("room", room.trim()).setParameter("label", label.trim());
        if (except != null) {
            query.setParameter("except", except);
        }
        if (query.getSingleResult() > 0) {
            throw InvalidInputException.of("label", "room " + room.trim() + " already has a bed " + label.trim());
        }
        return new String[] {room.trim(), label.trim()};
    }

    @RolesAllowed({Roles.ADMIN, Roles.NURSE, Roles.PHYSICIAN, Roles.RECEPTIONIST})
    public List<BedRecord> beds(long wardId) {
        return em.createQuery("select b from Bed b join fetch b.ward where b.ward.id = :ward"
                        + " order by b.room, b.label", Bed.class)
                .setParameter("ward", wardId).getResultStream().map(BedRecord::of).toList();
    }

    /** The free beds of open wards, by ward, room and label: where a patient can be admitted or moved to. */
    @RolesAllowed({Roles.ADMIN, Roles.NURSE, Roles.PHYSICIAN, Roles.RECEPTIONIST})
    public List<BedRecord> freeBeds() {
        return em.createQuery("select b from Bed b join fetch b.ward where b.status = :free and b.ward.active = true"
                        + " order by b.ward.code, b.room, b.label", Bed.class)
                .setParameter("free", BedStatus.FREE).getResultStream().map(BedRecord::of).toList();
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
