package org.asclepius.hms.inpatient;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.asclepius.hms.audit.AuditAction;
import org.asclepius.hms.audit.Audited;
import org.asclepius.hms.patient.Sex;
import org.asclepius.hms.shared.NotFoundException;
import org.asclepius.hms.shared.Roles;

/**
 * The bed board: every ward's beds with their state, the patient in each and the patient a reserved bed is held
 * for. Read with two projection queries whatever the size of the hospital (the wards; the beds with their current
 * stay, admission, patient and encounter and their waiting reservation in one outer join), so no entity is managed
 * and nothing is loaded per bed. Each patient shown is audited as a read of their admission (or admission
 * request), one event per patient and request.
 */
@Stateless
@Audited(action = AuditAction.READ, resource = "Admission")
public class BedBoardService {
    /** The columns of {@link #BEDS}, by position. */
    private static final String BEDS = "select b.id, b.version, w.id, w.code, b.room, b.label, b.kind, b.status,"
            + " b.note, a.id, a.version, a.status, p.id, p.familyName, p.givenName, p.middleName, p.mrn,"
            + " p.birthDate, p.birthDateEstimated, p.sex, a.admittedAt, e.attending, a.leaveUntil,"
            + " r.id, r.priority, r.plannedFor, rp.id, rp.familyName, rp.givenName, rp.middleName, rp.mrn,"
            + " rp.birthDate, rp.sex"
            + " from Bed b join b.ward w"
            + " left join BedStay s on s.currentBedId = b.id"
            + " left join s.admission a left join a.patient p left join a.encounter e"
            // a waiting request holding the bed (reserved_bed_id is unique and set only while it waits)
            + " left join AdmissionRequest r on r.reservedBed = b left join r.patient rp";

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;

    @RolesAllowed({Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN, Roles.RECEPTIONIST})
    @Audited(action = AuditAction.READ, resource = "Admission")
    public BedBoard board(BoardFilter filter) {
        BoardFilter f = filter == null ? BoardFilter.ALL : filter;
        Instant now = clock.instant();
        TypedQuery<Object[]> wardQuery = em.createQuery("select w.id, w.code, w.name, w.department, w.active,"
                + " w.sexRule, w.minAge, w.maxAge from Ward w"
                + (f.wardId() == null ? "" : " where w.id = :ward") + " order by w.code", Object[].class);
        TypedQuery<Object[]> bedQuery = em.createQuery(BEDS
                + (f.wardId() == null ? "" : " where w.id = :ward") + " order by w.code, b.room, b.label",
                Object[].class);
        if (f.wardId() != null) {
            wardQuery.setParameter("ward", f.wardId());
            bedQuery.setParameter("ward", f.wardId());
        }
        Map<Long, List<BoardBed>> bedsByWard = new LinkedHashMap<>();
        for (Object[] row : bedQuery.getResultList()) {
            BoardBed bed = bed(row);
            bedsByWard.computeIfAbsent(bed.wardId(), k -> new ArrayList<>()).add(bed);
        }
        List<BoardWard> wards = new ArrayList<>();
        for (Object[] w : wardQuery.getResultList()) {
            long id = (Long) w[0];
            List<BoardBed> all = bedsByWard.getOrDefault(id, List.of());
            Map<BedStatus, Integer> counts = new EnumMap<>(BedStatus.class);
            Map<String, List<BoardBed>> rooms = new LinkedHashMap<>();
            for (BoardBed b : all) {
                counts.merge(b.status(), 1, Integer::sum);
                if (f.shows(b)) {
                    rooms.computeIfAbsent(b.room(), k -> new ArrayList<>()).add(b);
                }
            }
            if (f.narrowsBeds() && rooms.isEmpty()) {
                continue;
            }
            String rules = new WardRecord(id, 0, (String) w[1], (String) w[2], (String) w[3], (Sex) w[5],
                    (Integer) w[6], (Integer) w[7], (Boolean) w[4], 0, 0).rules();
            wards.add(new BoardWard(id, (String) w[1], (String) w[2], (String) w[3], (Boolean) w[4], rules,
                    rooms.entrySet().stream().map(r -> new BoardWard.Room(r.getKey(), List.copyOf(r.getValue())))
                            .toList(), counts));
        }
        return new BedBoard(List.copyOf(wards), now);
    }

    /** One bed with its patient, as on the board (the details before an action). */
    @RolesAllowed({Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN, Roles.RECEPTIONIST})
    @Audited(action = AuditAction.READ, resource = "Admission")
    public BoardBed bed(long bedId) {
        return em.createQuery(BEDS + " where b.id = :bed", Object[].class).setParameter("bed", bedId)
                .getResultStream().findFirst().map(BedBoardService::bed)
                .orElseThrow(() -> new NotFoundException("Bed", bedId));
    }

    private static BoardBed bed(Object[] r) {
        BoardOccupant occupant = r[9] == null ? null : new BoardOccupant((Long) r[9], ((Number) r[10]).longValue(),
                (AdmissionStatus) r[11], (Long) r[12], (String) r[13], (String) r[14], (String) r[15],
                (String) r[16], (LocalDate) r[17], (Boolean) r[18], (Sex) r[19], (Instant) r[20], (String) r[21],
                (Instant) r[22]);
        BoardReservation reservation = r[23] == null ? null : new BoardReservation((Long) r[23],
                (AdmissionPriority) r[24], (LocalDate) r[25], (Long) r[26], (String) r[27], (String) r[28],
                (String) r[29], (String) r[30], (LocalDate) r[31], (Sex) r[32]);
        return new BoardBed((Long) r[0], ((Number) r[1]).longValue(), (Long) r[2], (String) r[3], (String) r[4],
                (String) r[5], (BedKind) r[6], (BedStatus) r[7], (String) r[8], occupant, reservation);
    }
}
