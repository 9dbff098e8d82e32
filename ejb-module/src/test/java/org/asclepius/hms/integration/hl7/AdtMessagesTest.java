package org.asclepius.hms.integration.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.v251.message.ADT_A01;
import ca.uhn.hl7v2.model.v251.message.ADT_A02;
import ca.uhn.hl7v2.model.v251.message.ADT_A03;
import ca.uhn.hl7v2.model.v251.message.ADT_A39;
import ca.uhn.hl7v2.model.v251.segment.MSH;
import ca.uhn.hl7v2.model.v251.segment.PID;
import ca.uhn.hl7v2.model.v251.segment.PV1;
import ca.uhn.hl7v2.util.Terser;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.asclepius.hms.encounter.AdtTrigger;
import org.asclepius.hms.patient.Address;
import org.asclepius.hms.patient.Sex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AdtMessagesTest {
    private static final HapiContext RECEIVER = new DefaultHapiContext();
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final Instant ADMITTED = Instant.parse("2026-03-02T08:15:00Z");
    private static final Instant NOW = Instant.parse("2026-03-04T10:30:05Z");

    @AfterAll
    static void close() throws Exception {
        RECEIVER.close();
    }

    private static AdtData.PatientPart patient() {
        return new AdtData.PatientPart("10000231", List.of(new AdtData.Identifier("X1234567", "PASSPORT", "PPN")),
                "Müller", "Anna", "Maria", LocalDate.of(1950, 6, 1), Sex.FEMALE,
                new Address("1 Main Street", "Flat 2", "Springfield", "IL", "62701", "US"), "+1 555 0100");
    }

    private static AdtData.VisitPart visit(AdtData.Location prior, Instant discharged, String disposition) {
        return new AdtData.VisitPart(4711, "I", new AdtData.Location("MED1", "R2", "B3"), prior, "dr.house",
                ADMITTED, discharged, disposition);
    }

    private static AdtMessages.Header header() {
        return new AdtMessages.Header("GENHOSP", "LABSYS", "ASC42", NOW, ZONE);
    }

    private static Message parse(String er7) throws Exception {
        return RECEIVER.getPipeParser().parse(er7);
    }

    @Test
    void a01_carriesHeaderEventPatientAndVisit() throws Exception {
        String er7 = AdtMessages.encode(new AdtData(AdtTrigger.A01, ADMITTED, "nurse.joy", patient(),
                visit(null, null, null), null), header());

        assertThat(er7).startsWith("MSH|^~\\&|ASCLEPIUS|GENHOSP|LABSYS||").contains("\rEVN|").contains("\rPID|")
                .contains("\rPV1|");
        ADT_A01 m = (ADT_A01) parse(er7);
        MSH msh = m.getMSH();
        assertThat(msh.getSendingApplication().getNamespaceID().getValue()).isEqualTo("ASCLEPIUS");
        assertThat(msh.getSendingFacility().getNamespaceID().getValue()).isEqualTo("GENHOSP");
        assertThat(msh.getReceivingApplication().getNamespaceID().getValue()).isEqualTo("LABSYS");
        assertThat(msh.getDateTimeOfMessage().getTime().getValue()).isEqualTo("20260304113005+0100");
        assertThat(msh.getMessageType().encode()).isEqualTo("ADT^A01^ADT_A01");
        assertThat(msh.getMessageControlID().getValue()).isEqualTo("ASC42");
        assertThat(msh.getProcessingID().getProcessingID().getValue()).isEqualTo("P");
        assertThat(msh.getVersionID().getVersionID().getValue()).isEqualTo("2.5.1");

        assertThat(m.getEVN().getEventTypeCode().getValue()).isEqualTo("A01");
        assertThat(m.getEVN().getRecordedDateTime().getTime().getValue()).isEqualTo("20260302091500+0100");
        assertThat(m.getEVN().getOperatorID(0).getIDNumber().getValue()).isEqualTo("nurse.joy");

        PID pid = m.getPID();
        assertThat(pid.getPatientIdentifierList(0).getIDNumber().getValue()).isEqualTo("10000231");
        assertThat(pid.getPatientIdentifierList(0).getAssigningAuthority().getNamespaceID().getValue())
                .isEqualTo("GENHOSP");
        assertThat(pid.getPatientIdentifierList(0).getIdentifierTypeCode().getValue()).isEqualTo("MR");
        assertThat(pid.getPatientIdentifierList(1).getIDNumber().getValue()).isEqualTo("X1234567");
        assertThat(pid.getPatientIdentifierList(1).getAssigningAuthority().getNamespaceID().getValue())
                .isEqualTo("PASSPORT");
        assertThat(pid.getPatientIdentifierList(1).getIdentifierTypeCode().getValue()).isEqualTo("PPN");
        assertThat(pid.getPatientName(0).getFamilyName().getSurname().getValue()).isEqualTo("Müller");
        assertThat(pid.getPatientName(0).getGivenName().getValue()).isEqualTo("Anna");
        assertThat(pid.getPatientName(0).getSecondAndFurtherGivenNamesOrInitialsThereof().getValue())
                .isEqualTo("Maria");
        assertThat(pid.getDateTimeOfBirth().getTime().getValue()).isEqualTo("19500601");
        assertThat(pid.getAdministrativeSex().getValue()).isEqualTo("F");
        assertThat(pid.getPatientAddress(0).getStreetAddress().getStreetOrMailingAddress().getValue())
                .isEqualTo("1 Main Street");
        assertThat(pid.getPatientAddress(0).getOtherDesignation().getValue()).isEqualTo("Flat 2");
        assertThat(pid.getPatientAddress(0).getCity().getValue()).isEqualTo("Springfield");
        assertThat(pid.getPatientAddress(0).getStateOrProvince().getValue()).isEqualTo("IL");
        assertThat(pid.getPatientAddress(0).getZipOrPostalCode().getValue()).isEqualTo("62701");
        assertThat(pid.getPatientAddress(0).getCountry().getValue()).isEqualTo("US");
        assertThat(pid.getPhoneNumberHome(0).getTelephoneNumber().getValue()).isEqualTo("+1 555 0100");

        PV1 pv1 = m.getPV1();
        assertThat(pv1.getPatientClass().getValue()).isEqualTo("I");
        assertThat(pv1.getAssignedPatientLocation().getPointOfCare().getValue()).isEqualTo("MED1");
        assertThat(pv1.getAssignedPatientLocation().getRoom().getValue()).isEqualTo("R2");
        assertThat(pv1.getAssignedPatientLocation().getBed().getValue()).isEqualTo("B3");
        assertThat(pv1.getAssignedPatientLocation().getFacility().getNamespaceID().getValue()).isEqualTo("GENHOSP");
        assertThat(pv1.getPriorPatientLocation().isEmpty()).isTrue();
        assertThat(pv1.getAttendingDoctor(0).getIDNumber().getValue()).isEqualTo("dr.house");
        assertThat(pv1.getVisitNumber().getIDNumber().getValue()).isEqualTo("4711");
        assertThat(pv1.getAdmitDateTime().getTime().getValue()).isEqualTo("20260302091500+0100");
        assertThat(pv1.getDischargeDateTime(0).isEmpty()).isTrue();
    }

    @Test
    void a02_carriesThePriorLocation() throws Exception {
        String er7 = AdtMessages.encode(new AdtData(AdtTrigger.A02, NOW, "nurse.joy", patient(),
                visit(new AdtData.Location("MED1", "R1", "B1"), null, null), null), header());

        ADT_A02 m = (ADT_A02) parse(er7);
        assertThat(m.getMSH().getMessageType().encode()).isEqualTo("ADT^A02^ADT_A02");
        assertThat(m.getPV1().getAssignedPatientLocation().getBed().getValue()).isEqualTo("B3");
        assertThat(m.getPV1().getPriorPatientLocation().getPointOfCare().getValue()).isEqualTo("MED1");
        assertThat(m.getPV1().getPriorPatientLocation().getRoom().getValue()).isEqualTo("R1");
        assertThat(m.getPV1().getPriorPatientLocation().getBed().getValue()).isEqualTo("B1");
    }

    @Test
    void a03_carriesDischargeTimeAndDisposition() throws Exception {
        String er7 = AdtMessages.encode(new AdtData(AdtTrigger.A03, NOW, "nurse.joy", patient(),
                visit(null, NOW, "home"), null), header());

        ADT_A03 m = (ADT_A03) parse(er7);
        assertThat(m.getPV1().getDischargeDateTime(0).getTime().getValue()).isEqualTo("20260304113005+0100");
        assertThat(m.getPV1().getDischargeDisposition().getValue()).isEqualTo("home");
        assertThat(m.getPV1().getAssignedPatientLocation().getBed().getValue()).isEqualTo("B3");
    }

    @Test
    void a40_carriesTheSurvivorAndThePriorMrn() throws Exception {
        String er7 = AdtMessages.encode(new AdtData(AdtTrigger.A40, NOW, "records", patient(), null, "10000249"),
                header());

        ADT_A39 m = (ADT_A39) parse(er7);
        assertThat(m.getMSH().getMessageType().encode()).isEqualTo("ADT^A40^ADT_A39");
        assertThat(m.getPATIENT().getPID().getPatientIdentifierList(0).getIDNumber().getValue()).isEqualTo("10000231");
        assertThat(m.getPATIENT().getMRG().getPriorPatientIdentifierList(0).getIDNumber().getValue())
                .isEqualTo("10000249");
        assertThat(m.getPATIENT().getMRG().getPriorPatientIdentifierList(0).getIdentifierTypeCode().getValue())
                .isEqualTo("MR");
        assertThat(m.getPATIENT().getMRG().getPriorPatientIdentifierList(0).getAssigningAuthority()
                .getNamespaceID().getValue()).isEqualTo("GENHOSP");
    }

    @Test
    void a08_withoutAVisit_saysSoInPv1() throws Exception {
        String er7 = AdtMessages.encode(new AdtData(AdtTrigger.A08, NOW, "desk", patient(), null, null), header());

        ADT_A01 m = (ADT_A01) parse(er7);
        assertThat(m.getMSH().getMessageType().encode()).isEqualTo("ADT^A08^ADT_A01");
        assertThat(m.getPV1().getPatientClass().getValue()).isEqualTo("N");
        assertThat(m.getPID().getPatientName(0).getFamilyName().getSurname().getValue()).isEqualTo("Müller");
    }

    @ParameterizedTest
    @EnumSource(AdtTrigger.class)
    void everyTrigger_parsesBackAsItsStandardStructure(AdtTrigger trigger) throws Exception {
        AdtData.VisitPart v = trigger == AdtTrigger.A40 ? null
                : visit(new AdtData.Location("MED1", "R1", "B1"), null, null);
        String er7 = AdtMessages.encode(new AdtData(trigger, NOW, "nurse.joy", patient(), v,
                trigger == AdtTrigger.A40 ? "10000249" : null), header());

        Message m = parse(er7);
        assertThat(m.getClass()).isEqualTo(AdtMessages.structureOf(trigger));
        Terser t = new Terser(m);
        assertThat(t.get("/MSH-9-2")).isEqualTo(trigger.name());
        assertThat(t.get("/.PID-3-1")).isEqualTo("10000231");
        assertThat(t.get("/.EVN-1")).isEqualTo(trigger.name());
        if (EnumSet.of(AdtTrigger.A02, AdtTrigger.A12).contains(trigger)) {
            assertThat(t.get("/.PV1-6-3")).isEqualTo("B1");
        } else if (trigger != AdtTrigger.A40) {
            assertThat(t.get("/.PV1-6-3")).isNull();
        }
    }

    @Test
    void sexFollowsHl7Table0001() {
        assertThat(AdtMessages.sex(Sex.MALE)).isEqualTo("M");
        assertThat(AdtMessages.sex(Sex.OTHER)).isEqualTo("O");
        assertThat(AdtMessages.sex(Sex.UNKNOWN)).isEqualTo("U");
        assertThat(AdtMessages.sex(null)).isEqualTo("U");
    }
}
