package org.asclepius.hms.clinical;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;
import jakarta.persistence.LockModeType;
import org.asclepius.hms.clinical.access.ClinicalAccess;
import org.asclepius.hms.shared.ConcurrentUpdateException;
import org.asclepius.hms.shared.TrackedEntity;
import org.asclepius.hms.encounter.Encounter;
import org.asclepius.hms.encounter.EncounterStatus;
import org.asclepius.hms.patient.Patient;
import org.asclepius.hms.patient.PatientRepository;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.shared.NotFoundException;

/**
 * What every part of the health record needs before it writes: the patient (locked, so that checks and writes
 * about one patient never interleave; a merged-away record is refused), the encounter the entry hangs on (it must
 * be the patient's and not cancelled), the caller and the time. Access is checked by the caller through
 * {@link org.asclepius.hms.clinical.access.ClinicalAccess} first.
 */
@Stateless
public class ClinicalContext {
    @PersistenceContext
    EntityManager em;
    @Resource
    SessionContext session;
    @Inject
    Clock clock;
    @Inject
    PatientRepository patients;
    @Inject
    ClinicalAccess access;

    /** The patient, locked for the rest of the transaction. */
    @PermitAll
    public Patient writable(long patientId) {
        Patient patient = patients.lock(patientId).orElseThrow(() -> new NotFoundException("Patient", patientId));
        if (patient.getMergedInto() != null) {
            throw InvalidInputException.of("patientId", "this record was merged into MRN "
                    + patient.getMergedInto().getMrn() + "; record on the surviving record");
        }
        return patient;
    }

    /** The patient's encounter that an entry hangs on; refuses another patient's or a cancelled one. */
    @PermitAll
    public Encounter encounter(Patient patient, Long encounterId) {
        if (encounterId == null) {
            throw InvalidInputException.of("encounterId", "choose the encounter (visit) this belongs to");
        }
        Encounter encounter = em.find(Encounter.class, encounterId);
        if (encounter == null || !encounter.getPatient().getId().equals(patient.getId())) {
            throw InvalidInputException.of("encounterId", "this encounter is not one of this patient's");
        }
        if (encounter.getStatus() == EncounterStatus.CANCELLED) {
            throw InvalidInputException.of("encounterId", "this encounter was cancelled (entered in error)");
        }
        return encounter;
    }

    /**
     * A record of the health record, locked for a change: it must exist, and still be the version the caller saw
     * (else who changed it when). Access to the patient's chart is the caller's to check (see {@link #lockForChange}).
     */
    @PermitAll
    public <T extends TrackedEntity> T lock(Class<T> type, long id, long version, String name, String theRecord) {
        T row = em.find(type, id, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            throw new NotFoundException(name, id);
        }
        if (row.getVersion() != version) {
            throw new ConcurrentUpdateException(theRecord, row.getUpdatedBy(), row.getUpdatedAt());
        }
        return row;
    }

    /** As {@link #lock}, after checking the caller's access to the chart of the record's patient. */
    @PermitAll
    public <T extends TrackedEntity> T lockForChange(Class<T> type, long id, long version, String name,
                                                     String theRecord, Function<T, Patient> patientOf) {
        T row = em.find(type, id, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            throw new NotFoundException(name, id);
        }
        access.require(patientOf.apply(row).getId());
        return lock(type, id, version, name, theRecord);
    }

    /** A record of the health record to read: it must exist, and the caller must have access to the chart. */
    @PermitAll
    public <T> T readable(Class<T> type, long id, String name, Function<T, Patient> patientOf) {
        T row = em.find(type, id);
        if (row == null) {
            throw new NotFoundException(name, id);
        }
        access.require(patientOf.apply(row).getId());
        return row;
    }

    @PermitAll
    public String caller() {
        return session.getCallerPrincipal().getName();
    }

    @PermitAll
    public Instant now() {
        return clock.instant();
    }
}
