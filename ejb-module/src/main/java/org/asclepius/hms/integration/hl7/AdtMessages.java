package org.asclepius.hms.integration.hl7;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.v251.message.ADT_A01;
import ca.uhn.hl7v2.model.v251.message.ADT_A02;
import ca.uhn.hl7v2.model.v251.message.ADT_A03;
import ca.uhn.hl7v2.model.v251.message.ADT_A05;
import ca.uhn.hl7v2.model.v251.message.ADT_A09;
import ca.uhn.hl7v2.model.v251.message.ADT_A12;
import ca.uhn.hl7v2.model.v251.message.ADT_A39;
import ca.uhn.hl7v2.util.Terser;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.asclepius.hms.encounter.AdtTrigger;
import org.asclepius.hms.patient.Address;
import org.asclepius.hms.patient.Sex;

/**
 * Builds HL7 v2.5.1 ADT messages (ER7, segments separated by carriage returns) from plain values with HAPI's
 * v2.5.1 model. The message structure of each trigger follows the standard's table (HAPI's event map): A01, A04,
 * A08 and A13 are ADT_A01; A05 is ADT_A05; A11 is ADT_A09; A12 is ADT_A12; A40 is ADT_A39.
 */
public final class AdtMessages {
    public static final String SENDING_APPLICATION = "ASCLEPIUS";
    public static final String VERSION = "2.5.1";
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmssZ");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    /** Only builds and encodes messages: no connection is ever opened through it. */
    private static final HapiContext HAPI = new DefaultHapiContext();

    private AdtMessages() {
    }

    /**
     * The header of one copy of a message.
     *
     * @param facility            the hospital (MSH-4, the MRN's assigning authority, locations' facility)
     * @param receivingApplication the endpoint's name (MSH-5)
     * @param controlId           unique message control id (MSH-10), at most 20 characters
     * @param createdAt           MSH-7
     * @param zone                the hospital's zone: times are sent as local time with offset
     */
    public record Header(String facility, String receivingApplication, String controlId, Instant createdAt,
            ZoneId zone) {
    }

    /** The message for the event as ER7 text. */
    public static String encode(AdtData data, Header header) {
        try {
            Message message = HAPI.newMessage(structureOf(data.trigger()));
            Terser t = new Terser(message);
            header(t, data.trigger(), header);
            t.set("/.EVN-1", data.trigger().name());
            t.set("/.EVN-2-1", ts(data.recordedAt(), header.zone()));
            t.set("/.EVN-5-1", data.operator());
            patient(t, data.patient(), header.facility());
            if (data.trigger() == AdtTrigger.A40) {
                t.set("/.MRG-1(0)-1", data.priorMrn());
                t.set("/.MRG-1(0)-4-1", header.facility());
                t.set("/.MRG-1(0)-5", "MR");
            } else {
                visit(t, data.trigger(), data.visit(), header);
            }
            return message.encode();
        } catch (HL7Exception e) {
            throw new IllegalStateException("ADT " + data.trigger() + " could not be built: " + e.getMessage(), e);
        }
    }

    /** The v2.5.1 message structure of a trigger event. */
    public static Class<? extends Message> structureOf(AdtTrigger trigger) {
        return switch (trigger) {
            case A01, A04, A08, A13 -> ADT_A01.class;
            case A02 -> ADT_A02.class;
            case A03 -> ADT_A03.class;
            case A05 -> ADT_A05.class;
            case A11 -> ADT_A09.class;
            case A12 -> ADT_A12.class;
            case A40 -> ADT_A39.class;
        };
    }

    private static void header(Terser t, AdtTrigger trigger, Header h) throws HL7Exception {
        t.set("/MSH-1", "|");
        t.set("/MSH-2", "^~\\&");
        t.set("/MSH-3-1", SENDING_APPLICATION);
        t.set("/MSH-4-1", h.facility());
        t.set("/MSH-5-1", h.receivingApplication());
        t.set("/MSH-7-1", ts(h.createdAt(), h.zone()));
        t.set("/MSH-9-1", "ADT");
        t.set("/MSH-9-2", trigger.name());
        t.set("/MSH-9-3", structureOf(trigger).getSimpleName());
        t.set("/MSH-10", h.controlId());
        t.set("/MSH-11-1", "P");
        t.set("/MSH-12-1", VERSION);
        t.set("/MSH-18(0)", "UNICODE UTF-8");
    }

    private static void patient(Terser t, AdtData.PatientPart p, String facility) throws HL7Exception {
        t.set("/.PID-1", "1");
        t.set("/.PID-3(0)-1", p.mrn());
        t.set("/.PID-3(0)-4-1", facility);
        t.set("/.PID-3(0)-5", "MR");
        List<AdtData.Identifier> others = p.identifiers() == null ? List.of() : p.identifiers();
        for (int i = 0; i < others.size(); i++) {
            AdtData.Identifier id = others.get(i);
            t.set("/.PID-3(" + (i + 1) + ")-1", id.value());
            t.set("/.PID-3(" + (i + 1) + ")-4-1", id.type());
            if (id.v2Code() != null && !id.v2Code().isBlank()) {
                t.set("/.PID-3(" + (i + 1) + ")-5", id.v2Code());
            }
        }
        t.set("/.PID-5(0)-1-1", p.familyName());
        t.set("/.PID-5(0)-2", p.givenName());
        t.set("/.PID-5(0)-3", p.middleName());
        t.set("/.PID-5(0)-7", "L");
        if (p.birthDate() != null) {
            t.set("/.PID-7-1", p.birthDate().format(DATE));
        }
        t.set("/.PID-8", sex(p.sex()));
        Address a = p.address();
        if (a != null && !a.oneLine().isEmpty()) {
            t.set("/.PID-11(0)-1-1", a.getLine1());
            t.set("/.PID-11(0)-2", a.getLine2());
            t.set("/.PID-11(0)-3", a.getCity());
            t.set("/.PID-11(0)-4", a.getState());
            t.set("/.PID-11(0)-5", a.getPostalCode());
            t.set("/.PID-11(0)-6", a.getCountry());
            t.set("/.PID-11(0)-7", "H");
        }
        if (p.phone() != null && !p.phone().isBlank()) {
            t.set("/.PID-13(0)-1", p.phone());
            t.set("/.PID-13(0)-2", "PRN");
            t.set("/.PID-13(0)-3", "PH");
        }
    }

    private static void visit(Terser t, AdtTrigger trigger, AdtData.VisitPart v, Header h) throws HL7Exception {
        t.set("/.PV1-1", "1");
        if (v == null) {
            t.set("/.PV1-2", "N"); // about the patient only: no visit
            return;
        }
        t.set("/.PV1-2", v.patientClass());
        location(t, "/.PV1-3", v.location(), h.facility());
        if (trigger == AdtTrigger.A02 || trigger == AdtTrigger.A12) {
            location(t, "/.PV1-6", v.priorLocation(), h.facility());
        }
        if (v.attending() != null) {
            t.set("/.PV1-7(0)-1", v.attending());
        }
        t.set("/.PV1-19-1", String.valueOf(v.encounterId()));
        t.set("/.PV1-19-4-1", h.facility());
        t.set("/.PV1-19-5", "VN");
        if (trigger == AdtTrigger.A03 && v.disposition() != null) {
            t.set("/.PV1-36", v.disposition());
        }
        if (v.admittedAt() != null) {
            t.set("/.PV1-44-1", ts(v.admittedAt(), h.zone()));
        }
        if (v.dischargedAt() != null) {
            t.set("/.PV1-45(0)-1", ts(v.dischargedAt(), h.zone()));
        }
    }

    private static void location(Terser t, String field, AdtData.Location l, String facility) throws HL7Exception {
        if (l == null) {
            return;
        }
        t.set(field + "-1", l.ward());
        t.set(field + "-2", l.room());
        t.set(field + "-3", l.bed());
        t.set(field + "-4-1", facility);
    }

    /** HL7 table 0001. */
    static String sex(Sex sex) {
        if (sex == null) {
            return "U";
        }
        return switch (sex) {
            case FEMALE -> "F";
            case MALE -> "M";
            case OTHER -> "O";
            case UNKNOWN -> "U";
        };
    }

    private static String ts(Instant at, ZoneId zone) {
        return at == null ? null : TS.format(at.atZone(zone));
    }
}
