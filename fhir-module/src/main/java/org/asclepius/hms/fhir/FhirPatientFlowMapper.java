package org.asclepius.hms.fhir;

import java.util.Date;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.asclepius.hms.encounter.EncounterKind;
import org.asclepius.hms.encounter.EncounterRecord;
import org.asclepius.hms.encounter.EncounterStatus;
import org.asclepius.hms.inpatient.AdmissionSource;
import org.asclepius.hms.inpatient.BedStatus;
import org.asclepius.hms.inpatient.LocationRecord;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

/**
 * Maps patient flow to FHIR R4 {@link Encounter} and {@link Location}. Pure. The table of the mapping is in
 * docs/patient-flow-reports.md.
 *
 * <ul>
 *   <li>Encounter: id = the visit's id, meta.versionId = its version; class from v3-ActCode (IMP inpatient, AMB
 *       outpatient, EMER emergency, SS day case — "short stay": admitted for a planned stay of less than a day,
 *       which is what a day case is; AMB would hide that the patient had a bed); serviceType.text = the department;
 *       participant ATND (attender) with the attending's name as display (no Practitioner resources yet);
 *       hospitalization.admitSource / dischargeDisposition (HL7 admit-source / discharge-disposition where the
 *       hospital's value has a code, the text always); one location per bed of the stay
 *       ({@code Location/bed-<id>}, active while the patient is there, completed after).</li>
 *   <li>Location: {@code ward-<id>} (physicalType wa), {@code room-<ward id>-<room>} (ro, partOf the ward),
 *       {@code bed-<id>} (bd, partOf the room); status inactive in a closed ward; a bed's operationalStatus from
 *       HL7 v2 table 0116: O occupied, U unoccupied (free, and reserved: 0116 has no code for a bed held for an
 *       expected patient, and K means contaminated), H housekeeping (needs cleaning), C closed (blocked, or its ward
 *       is closed); the hospital's own status is kept in the extension {@link #BED_STATUS}.</li>
 * </ul>
 */
public final class FhirPatientFlowMapper {
    public static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    public static final String PARTICIPATION_TYPE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
    public static final String ADMIT_SOURCE = "http://terminology.hl7.org/CodeSystem/admit-source";
    public static final String DISCHARGE_DISPOSITION = "http://terminology.hl7.org/CodeSystem/discharge-disposition";
    public static final String PHYSICAL_TYPE = "http://terminology.hl7.org/CodeSystem/location-physical-type";
    public static final String BED_STATUS_0116 = "http://terminology.hl7.org/CodeSystem/v2-0116";
    /** Extension (valueCode) with the hospital's own bed status: free, reserved, occupied, needs-cleaning, blocked. */
    public static final String BED_STATUS = "urn:asclepius:fhir:bed-status";
    /** The kinds of bed (code = {@code BedKind}). */
    public static final String BED_KIND = "urn:asclepius:bed-kind";

    /** The encounter classes (v3 ActEncounterCode) a search may name; those not listed here are never used. */
    static final Set<String> ENCOUNTER_CLASSES = Set.of("AMB", "EMER", "FLD", "HH", "IMP", "ACUTE", "NONAC",
            "OBSENC", "PRENC", "SS", "VR");

    private static final Map<String, String> DISPOSITIONS = Map.ofEntries(
            Map.entry("home", "home"), Map.entry("discharged home", "home"),
            Map.entry("died", "exp"), Map.entry("deceased", "exp"), Map.entry("dead", "exp"),
            Map.entry("expired", "exp"),
            Map.entry("transferred", "other-hcf"), Map.entry("transfer", "other-hcf"),
            Map.entry("other hospital", "hosp"), Map.entry("against medical advice", "aadvice"),
            Map.entry("ama", "aadvice"), Map.entry("self-discharge", "aadvice"),
            Map.entry("rehabilitation", "rehab"), Map.entry("rehab", "rehab"),
            Map.entry("nursing home", "snf"), Map.entry("skilled nursing", "snf"),
            Map.entry("psychiatric", "psy"), Map.entry("long-term care", "long"), Map.entry("other", "oth"));

    private FhirPatientFlowMapper() {
    }

    // ---------------------------------------------------------------- Encounter

    public static Encounter toFhir(EncounterRecord r) {
        Encounter e = new Encounter();
        String version = Long.toString(r.version());
        e.setId(new IdType("Encounter", Long.toString(r.id()), version));
        e.getMeta().setVersionId(version);
        e.setStatus(status(r.status()));
        e.setClass_(encounterClass(r.kind()));
        e.setSubject(new Reference("Patient/" + r.patient()).setDisplay(r.patientName()));
        if (r.department() != null) {
            e.setServiceType(new CodeableConcept().setText(r.department()));
        }
        if (r.attending() != null) {
            e.addParticipant()
                    .addType(new CodeableConcept(new Coding(PARTICIPATION_TYPE, "ATND", "attender")))
                    .setIndividual(new Reference().setDisplay(r.attending()));
        }
        e.setPeriod(period(r.start(), r.end()));
        if (r.admissionId() != null) {
            Encounter.EncounterHospitalizationComponent h = e.getHospitalization();
            if (r.admissionSource() != null) {
                h.setAdmitSource(admitSource(r.admissionSource()));
            }
            if (r.disposition() != null) {
                h.setDischargeDisposition(dischargeDisposition(r.disposition()));
            }
        }
        for (EncounterRecord.BedPeriod bed : r.beds()) {
            e.addLocation()
                    .setLocation(new Reference("Location/" + LocationRecord.bedId(bed.bedId())).setDisplay(bed.bed()))
                    .setStatus(bed.end() == null ? Encounter.EncounterLocationStatus.ACTIVE
                            : Encounter.EncounterLocationStatus.COMPLETED)
                    .setPhysicalType(physicalType(LocationRecord.Level.BED))
                    .setPeriod(period(bed.start(), bed.end()));
        }
        return e;
    }

    public static Encounter.EncounterStatus status(EncounterStatus s) {
        return switch (s) {
            case PLANNED -> Encounter.EncounterStatus.PLANNED;
            case IN_PROGRESS -> Encounter.EncounterStatus.INPROGRESS;
            case ON_LEAVE -> Encounter.EncounterStatus.ONLEAVE;
            case FINISHED -> Encounter.EncounterStatus.FINISHED;
            case CANCELLED -> Encounter.EncounterStatus.CANCELLED;
        };
    }

    /** The hospital's statuses a FHIR status stands for: none for a valid FHIR status the hospital never uses. */
    static Set<EncounterStatus> statuses(Encounter.EncounterStatus fhir) {
        Set<EncounterStatus> found = EnumSet.noneOf(EncounterStatus.class);
        for (EncounterStatus s : EncounterStatus.values()) {
            if (status(s) == fhir) {
                found.add(s);
            }
        }
        return found;
    }

    public static Coding encounterClass(EncounterKind kind) {
        return switch (kind) {
            case INPATIENT -> new Coding(ACT_CODE, "IMP", "inpatient encounter");
            case OUTPATIENT -> new Coding(ACT_CODE, "AMB", "ambulatory");
            case EMERGENCY -> new Coding(ACT_CODE, "EMER", "emergency");
            case DAY_CASE -> new Coding(ACT_CODE, "SS", "short stay");
        };
    }

    /** The kinds of visit an encounter class stands for (none for a class the hospital never uses). */
    static Set<EncounterKind> kinds(String classCode) {
        Set<EncounterKind> found = EnumSet.noneOf(EncounterKind.class);
        for (EncounterKind k : EncounterKind.values()) {
            if (encounterClass(k).getCode().equals(classCode)) {
                found.add(k);
            }
        }
        return found;
    }

    static CodeableConcept admitSource(AdmissionSource source) {
        CodeableConcept c = new CodeableConcept().setText(source.name().toLowerCase(Locale.ROOT));
        switch (source) {
            case EMERGENCY -> c.addCoding(new Coding(ADMIT_SOURCE, "emd", "From accident/emergency department"));
            case OUTPATIENT -> c.addCoding(new Coding(ADMIT_SOURCE, "outp", "From outpatient department"));
            case DIRECT -> c.addCoding(new Coding(ADMIT_SOURCE, "mp", "Medical Practitioner/physician referral"));
            case ELECTIVE -> { /* planned from a waiting list: admit-source has no code for it */ }
        }
        return c;
    }

    /** The disposition as entered (text), with the HL7 code when the text names one. */
    static CodeableConcept dischargeDisposition(String disposition) {
        CodeableConcept c = new CodeableConcept().setText(disposition);
        String code = DISPOSITIONS.get(disposition.trim().toLowerCase(Locale.ROOT));
        if (code != null) {
            c.addCoding(new Coding(DISCHARGE_DISPOSITION, code, null));
        }
        return c;
    }

    private static Period period(java.time.Instant start, java.time.Instant end) {
        Period p = new Period().setStart(Date.from(start));
        if (end != null) {
            p.setEnd(Date.from(end));
        }
        return p;
    }

    // ---------------------------------------------------------------- Location

    public static Location toFhir(LocationRecord r) {
        Location l = new Location();
        l.setId(new IdType("Location", r.id()));
        l.setStatus(r.active() ? Location.LocationStatus.ACTIVE : Location.LocationStatus.INACTIVE);
        l.setName(r.name());
        if (r.level() == LocationRecord.Level.WARD) {
            l.addAlias(r.wardCode());
        }
        l.setDescription(r.department());
        l.setMode(Location.LocationMode.INSTANCE);
        l.setPhysicalType(physicalType(r.level()));
        if (r.partOf() != null) {
            l.setPartOf(new Reference("Location/" + r.partOf()));
        }
        if (r.level() == LocationRecord.Level.BED) {
            l.setOperationalStatus(operationalStatus(r.bedStatus(), r.active()));
            l.addExtension(BED_STATUS, new CodeType(bedStatusCode(r.bedStatus())));
            if (r.bedKind() != null) {
                l.addType(new CodeableConcept(new Coding(BED_KIND, r.bedKind().name(),
                        r.bedKind().name().charAt(0) + r.bedKind().name().substring(1).toLowerCase(Locale.ROOT))));
            }
        }
        return l;
    }

    public static CodeableConcept physicalType(LocationRecord.Level level) {
        return new CodeableConcept(switch (level) {
            case WARD -> new Coding(PHYSICAL_TYPE, "wa", "Ward");
            case ROOM -> new Coding(PHYSICAL_TYPE, "ro", "Room");
            case BED -> new Coding(PHYSICAL_TYPE, "bd", "Bed");
        });
    }

    static LocationRecord.Level level(String physicalTypeCode) {
        return switch (physicalTypeCode) {
            case "wa" -> LocationRecord.Level.WARD;
            case "ro" -> LocationRecord.Level.ROOM;
            case "bd" -> LocationRecord.Level.BED;
            default -> null;
        };
    }

    /** HL7 v2 table 0116; a bed in a closed ward is closed, whatever its own status. */
    public static Coding operationalStatus(BedStatus status, boolean wardOpen) {
        if (!wardOpen) {
            return new Coding(BED_STATUS_0116, "C", "Closed");
        }
        return switch (status) {
            case OCCUPIED -> new Coding(BED_STATUS_0116, "O", "Occupied");
            case FREE, RESERVED -> new Coding(BED_STATUS_0116, "U", "Unoccupied");
            case NEEDS_CLEANING -> new Coding(BED_STATUS_0116, "H", "Housekeeping");
            case BLOCKED -> new Coding(BED_STATUS_0116, "C", "Closed");
        };
    }

    static String bedStatusCode(BedStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
