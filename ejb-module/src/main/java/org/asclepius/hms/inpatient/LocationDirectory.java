package org.asclepius.hms.inpatient;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.asclepius.hms.audit.AuditAction;
import org.asclepius.hms.audit.AuditTrail;
import org.asclepius.hms.audit.Audited;
import org.asclepius.hms.shared.NotFoundException;
import org.asclepius.hms.shared.Roles;

/**
 * Wards, rooms and beds for other systems (FHIR Location), read-only. Each call is audited once, without a patient
 * (a bed's status says whether it is occupied, never by whom).
 */
@Stateless
@Audited(resource = "Location")
public class LocationDirectory {
    private static final Pattern WARD = Pattern.compile("ward-(\\d{1,18})");
    private static final Pattern ROOM = Pattern.compile("room-(\\d{1,18})-([A-Za-z0-9-]{1,20})");
    private static final Pattern BED = Pattern.compile("bed-(\\d{1,18})");

    @PersistenceContext
    EntityManager em;
    @EJB
    AuditTrail audit;

    /** Every ward, then each ward's rooms and beds: ward by code, rooms and beds by name. */
    @RolesAllowed({Roles.ADMIN, Roles.PHYSICIAN, Roles.NURSE, Roles.RECEPTIONIST, Roles.INTEGRATION})
    @Audited(action = AuditAction.SEARCH, resource = "Location")
    public List<LocationRecord> all() {
        List<Bed> beds = em.createQuery("select b from Bed b join fetch b.ward order by b.ward.code, b.room, b.label",
                Bed.class).getResultList();
        List<Ward> wards = em.createQuery("select w from Ward w order by w.code", Ward.class).getResultList();
        Map<String, LocationRecord> rooms = new LinkedHashMap<>();
        List<LocationRecord> places = new ArrayList<>();
        wards.forEach(w -> places.add(ward(w)));
        for (Bed b : beds) {
            rooms.computeIfAbsent(LocationRecord.roomId(b.getWard().getId(), b.getRoom()), id -> room(b));
        }
        places.addAll(rooms.values());
        beds.forEach(b -> places.add(bed(b)));
        audit.recordSuccess(AuditAction.SEARCH, "Location", "all", null);
        return places;
    }

    /** A ward, room or bed by its id ({@link LocationRecord}). */
    @RolesAllowed({Roles.ADMIN, Roles.PHYSICIAN, Roles.NURSE, Roles.RECEPTIONIST, Roles.INTEGRATION})
    @Audited(action = AuditAction.READ, resource = "Location")
    public LocationRecord get(String id) {
        LocationRecord found = find(id == null ? "" : id);
        if (found == null) {
            throw new NotFoundException("Location", id);
        }
        audit.recordSuccess(AuditAction.READ, "Location", found.id(), null);
        return found;
    }

    private LocationRecord find(String id) {
        Matcher m;
        if ((m = WARD.matcher(id)).matches()) {
            Ward w = em.find(Ward.class, Long.parseLong(m.group(1)));
            return w == null ? null : ward(w);
        }
        if ((m = BED.matcher(id)).matches()) {
            List<Bed> b = em.createQuery("select b from Bed b join fetch b.ward where b.id = :id", Bed.class)
                    .setParameter("id", Long.parseLong(m.group(1))).getResultList();
            return b.isEmpty() ? null : bed(b.get(0));
        }
        if ((m = ROOM.matcher(id)).matches()) {
            List<Bed> b = em.createQuery("select b from Bed b join fetch b.ward where b.ward.id = :ward"
                            + " and b.room = :room", Bed.class)
                    .setParameter("ward", Long.parseLong(m.group(1))).setParameter("room", m.group(2))
                    .setMaxResults(1).getResultList();
            return b.isEmpty() ? null : room(b.get(0));
        }
        return null;
    }

    private static LocationRecord ward(Ward w) {
        return new LocationRecord(LocationRecord.wardId(w.getId()), LocationRecord.Level.WARD, w.getName(),
                w.getCode(), null, w.isActive(), null, null, w.getId(), w.getCode(), w.getDepartment());
    }

    private static LocationRecord room(Bed b) {
        Ward w = b.getWard();
        return new LocationRecord(LocationRecord.roomId(w.getId(), b.getRoom()), LocationRecord.Level.ROOM,
                w.getCode() + " room " + b.getRoom(), null, LocationRecord.wardId(w.getId()), w.isActive(), null,
                null, w.getId(), w.getCode(), w.getDepartment());
    }

    private static LocationRecord bed(Bed b) {
        Ward w = b.getWard();
        return new LocationRecord(LocationRecord.bedId(b.getId()), LocationRecord.Level.BED, b.name(), null,
                LocationRecord.roomId(w.getId(), b.getRoom()), w.isActive(), b.getStatus(), b.getKind(), w.getId(),
                w.getCode(), w.getDepartment());
    }
}
