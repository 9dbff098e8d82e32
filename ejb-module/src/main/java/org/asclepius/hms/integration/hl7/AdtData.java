package org.asclepius.hms.integration.hl7;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.asclepius.hms.encounter.AdtTrigger;
import org.asclepius.hms.patient.Address;
import org.asclepius.hms.patient.Sex;

/**
 * What an ADT message says, as plain values read from the database in the transaction of the change (see
 * {@link AdtState}); {@link AdtMessages} turns it into HL7 v2.5.1 without touching the database.
 *
 * @param trigger    the event
 * @param recordedAt when it happened (EVN-2)
 * @param operator   who did it (EVN-5)
 * @param patient    the patient (for A40 the surviving record)
 * @param visit      the visit, or null when the message is about the patient only
 * @param priorMrn   A40: the MRN of the record merged into the patient; null otherwise
 */
public record AdtData(AdtTrigger trigger, Instant recordedAt, String operator, PatientPart patient,
        VisitPart visit, String priorMrn) {

    /** An identifier besides the MRN: its value, the identifier type's code, its HL7 table 0203 code (or null). */
    public record Identifier(String value, String type, String v2Code) {
    }

    public record PatientPart(String mrn, List<Identifier> identifiers, String familyName, String givenName,
            String middleName, LocalDate birthDate, Sex sex, Address address, String phone) {
    }

    /** A bed: ward code, room, bed label. */
    public record Location(String ward, String room, String bed) {
    }

    /**
     * @param encounterId   the visit number
     * @param patientClass  HL7 table 0004: I inpatient, O outpatient, E emergency, P pre-admit, N not applicable
     * @param location      where the patient is (for a discharge: the bed left), or null
     * @param priorLocation the bed before a transfer (A02) or before a cancelled transfer (A12), else null
     * @param attending     the attending provider as recorded, or null
     * @param admittedAt    start of the visit
     * @param dischargedAt  end of the visit, or null
     * @param disposition   discharge disposition (A03), or null
     */
    public record VisitPart(long encounterId, String patientClass, Location location, Location priorLocation,
            String attending, Instant admittedAt, Instant dischargedAt, String disposition) {
    }
}
