package org.asclepius.hms.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.HL7Service;
import ca.uhn.hl7v2.llp.MinLowerLayerProtocol;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.protocol.ReceivingApplication;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.util.idgenerator.InMemoryIDGenerator;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.asclepius.hms.encounter.AdtTrigger;
import org.asclepius.hms.inpatient.AdmissionPriority;
import org.asclepius.hms.outpatient.VisitRecord;
import org.asclepius.hms.outpatient.VisitService;
import org.asclepius.hms.inpatient.AdmissionRecord;
import org.asclepius.hms.inpatient.AdmissionRequestData;
import org.asclepius.hms.inpatient.AdmissionRequestRecord;
import org.asclepius.hms.inpatient.AdmissionRequestService;
import org.asclepius.hms.inpatient.AdmissionService;
import org.asclepius.hms.inpatient.AdmissionSource;
import org.asclepius.hms.inpatient.BedKind;
import org.asclepius.hms.inpatient.BedService;
import org.asclepius.hms.inpatient.WardData;
import org.asclepius.hms.integration.OutboxDelivery;
import org.asclepius.hms.integration.OutboxRecord;
import org.asclepius.hms.integration.OutboxService;
import org.asclepius.hms.integration.OutboxStatus;
import org.asclepius.hms.integration.hl7.Hl7EndpointData;
import org.asclepius.hms.integration.hl7.Hl7EndpointRecord;
import org.asclepius.hms.integration.hl7.Hl7EndpointService;
import org.asclepius.hms.patient.PatientData;
import org.asclepius.hms.patient.PatientMergeService;
import org.asclepius.hms.patient.PatientRecord;
import org.asclepius.hms.patient.PatientService;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.systemtest.callers.AsAdmin;
import org.asclepius.hms.systemtest.callers.AsNurse;
import org.asclepius.hms.systemtest.callers.AsReceptionist;
import org.asclepius.hms.systemtest.callers.AsRecordsOfficer;
import org.asclepius.hms.systemtest.support.Deployments;
import org.asclepius.hms.systemtest.support.TestData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The ADT feed end to end: admissions, transfers, discharges, demographic updates and merges go out as HL7 v2.5.1
 * through the outbox to HAPI's own MLLP receiver, started inside the test server on {@code hms.it.adt.port}
 * (a second one on the port after it plays a system that is down at first). The worker is called directly (its
 * timer may deliver too: the outcome is the same); waits poll with a deadline.
 */
@ExtendWith(ArquillianExtension.class)
class AdtFeedIT {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTests(AdtFeedIT.class, Receiver.class);
    }

    @EJB
    Hl7EndpointService endpoints;
    @EJB
    BedService beds;
    @EJB
    AdmissionService admissions;
    @EJB
    AdmissionRequestService requests;
    @EJB
    VisitService visits;
    @EJB
    PatientService patients;
    @EJB
    PatientMergeService merges;
    @EJB
    OutboxService outbox;
    @EJB
    OutboxDelivery delivery;
    @EJB
    AsAdmin admin;
    @EJB
    AsNurse nurse;
    @EJB
    AsReceptionist desk;
    @EJB
    AsRecordsOfficer records;

    private final List<Receiver> receivers = new ArrayList<>();
    private final List<Hl7EndpointRecord> created = new ArrayList<>();

    private static int port() {
        return Integer.getInteger("hms.it.adt.port", 3326);
    }

    @BeforeEach
    void nothingElseListens() {
        receivers.clear();
        created.clear();
    }

    @AfterEach
    void stopAndDeactivate() throws Exception {
        for (Receiver r : receivers) {
            r.stop();
        }
        for (Hl7EndpointRecord e : created) {
            Hl7EndpointRecord now = admin.call(() -> endpoints.list()).stream().filter(x -> x.id() == e.id())
                    .findFirst().orElseThrow();
            if (now.active()) {
                admin.call(() -> endpoints.deactivate(now.id(), now.version()));
            }
        }
    }

    private Receiver receiver(int port) throws Exception {
        Receiver r = Receiver.start(port);
        receivers.add(r);
        return r;
    }

    private Hl7EndpointRecord endpoint(int port, AdtTrigger... triggers) throws Exception {
        Hl7EndpointData d = new Hl7EndpointData();
        d.setName("IT" + Long.toString(System.nanoTime() % 1_000_000_000_000L, 36).toUpperCase());
        d.setHost("127.0.0.1");
        d.setPort(port);
        d.setTriggers(new ArrayList<>(List.of(triggers)));
        d.setDescription("test receiver");
        Hl7EndpointRecord e = admin.call(() -> endpoints.add(d));
        created.add(e);
        return e;
    }

    private long ward() throws Exception {
        String code = "A" + System.nanoTime() % 1_000_000_000L;
        return admin.call(() -> beds.createWard(WardData.of(code, "ADT ward " + code, "Internal medicine")));
    }

    private long bed(long ward, String room, String label) throws Exception {
        return admin.call(() -> beds.addBed(ward, room, label, BedKind.GENERAL)).id();
    }

    private PatientRecord patient(String prefix) throws Exception {
        PatientData d = TestData.patient(TestData.uniqueFamilyName(prefix), "Ada", LocalDate.of(1960, 2, 29));
        return desk.call(() -> patients.register(d));
    }

    private String wardCode(long ward) throws Exception {
        return admin.call(() -> beds.beds(ward)).get(0).ward();
    }

    private AdmissionRecord admit(long patient, long bed) throws Exception {
        return nurse.call(() -> admissions.admit(patient, bed, AdmissionSource.EMERGENCY, "pneumonia", "dr.adt"));
    }

    private List<OutboxRecord> about(String reference, String recipient) throws Exception {
        return desk.call(() -> outbox.about(reference)).stream().filter(m -> m.recipient().equals(recipient)).toList();
    }

    /** Runs the worker until the condition holds or the deadline passes. */
    private <T> T deliverUntil(Supplier<T> value, java.util.function.Predicate<T> done) throws Exception {
        Instant deadline = Instant.now().plus(DEADLINE);
        T last = value.get();
        while (!done.test(last) && Instant.now().isBefore(deadline)) {
            admin.call(() -> delivery.deliverDue());
            Thread.sleep(200);
            last = value.get();
        }
        return last;
    }

    private List<Message> received(Receiver r, String mrn, int count) throws Exception {
        return deliverUntil(() -> r.about(mrn), list -> list.size() >= count);
    }

    private static String get(Message m, String path) {
        try {
            return new Terser(m).get(path);
        } catch (HL7Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anOutpatientVisit_goesOutAsA04_andItsCancellationAsA11() throws Exception {
        Receiver r = receiver(port());
        endpoint(port());
        PatientRecord p = patient("AdtOut");
        VisitRecord v = desk.call(() -> visits.walkIn(p.id(), "ADT clinic", "sore throat"));
        desk.call(() -> visits.cancel(v.id(), v.version(), "registered at the wrong desk"));
        List<Message> got = received(r, p.mrn(), 2);
        assertThat(got).extracting(m -> get(m, "/MSH-9-2")).containsExactly("A04", "A11");
        assertThat(get(got.get(0), "/.PV1-2")).isEqualTo("O");
        assertThat(get(got.get(0), "/.PV1-19")).isEqualTo(String.valueOf(v.encounterId()));
    }

    @Test
    void preAdmissionAndCorrections_goOutAsA05A01A12A13A11() throws Exception {
        Receiver r = receiver(port());
        endpoint(port());
        long ward = ward();
        long bed1 = bed(ward, "R1", "B1");
        long bed2 = bed(ward, "R2", "B2");
        PatientRecord p = patient("AdtFix");

        AdmissionRequestRecord planned = desk.call(() -> requests.preAdmit(p.id(), new AdmissionRequestData(
                AdmissionSource.ELECTIVE, AdmissionPriority.ROUTINE, "knee replacement", ward, null, "dr.adt",
                LocalDate.now(org.asclepius.hms.shared.TimeFormat.hospitalZone()).plusDays(2), bed1)));
        AdmissionRecord a = nurse.call(() -> requests.fulfil(planned.id(), planned.version(), bed1));
        AdmissionRecord moved = nurse.call(() -> admissions.transfer(a.id(), a.version(), bed2));
        AdmissionRecord back = nurse.call(() -> admissions.cancelTransfer(a.id(), moved.version(), "wrong bed"));
        AdmissionRecord out = nurse.call(() -> admissions.discharge(a.id(), back.version(), "home", null));
        AdmissionRecord again = nurse.call(() -> admissions.cancelDischarge(a.id(), out.version(), "not yet"));
        nurse.call(() -> admissions.cancelAdmission(a.id(), again.version(), "admitted in error"));

        List<Message> got = received(r, p.mrn(), 7);
        assertThat(got).extracting(m -> get(m, "/MSH-9-2"))
                .containsExactly("A05", "A01", "A02", "A12", "A03", "A13", "A11");
        assertThat(got).extracting(m -> get(m, "/.PV1-19")).containsOnly(String.valueOf(a.encounterId()));
        assertThat(get(got.get(0), "/MSH-9-3")).isEqualTo("ADT_A05");
        assertThat(get(got.get(0), "/.PV1-2")).isEqualTo("P");
        assertThat(get(got.get(1), "/.PV1-2")).isEqualTo("I");
        assertThat(get(got.get(3), "/.PV1-3-3")).isEqualTo("B1"); // back in the first bed
        assertThat(get(got.get(5), "/.PV1-3-3")).isEqualTo("B1"); // the stay goes on there
    }

    @Test
    void admitTransferDischarge_demographicsAndMerge_goOutInOrder() throws Exception {
        Receiver r = receiver(port());
        Hl7EndpointRecord ep = endpoint(port());
        long ward = ward();
        long bed1 = bed(ward, "R1", "B1");
        long bed2 = bed(ward, "R2", "B2");
        String wardCode = wardCode(ward);
        PatientRecord p = patient("Adt");

        AdmissionRecord a = admit(p.id(), bed1);
        AdmissionRecord moved = nurse.call(() -> admissions.transfer(a.id(), a.version(), bed2));
        nurse.call(() -> admissions.discharge(moved.id(), moved.version(), "home", null));
        PatientRecord before = desk.call(() -> patients.get(p.id()));
        PatientData changed = before.toData();
        changed.setPhone("+1 555 0177");
        desk.call(() -> patients.update(p.id(), before.version(), changed));

        List<Message> got = received(r, p.mrn(), 4);
        assertThat(got).extracting(m -> get(m, "/MSH-9-2")).containsExactly("A01", "A02", "A03", "A08");

        Message a01 = got.get(0);
        assertThat(get(a01, "/MSH-3")).isEqualTo("ASCLEPIUS");
        assertThat(get(a01, "/MSH-5")).isEqualTo(ep.name());
        assertThat(get(a01, "/MSH-9-3")).isEqualTo("ADT_A01");
        assertThat(get(a01, "/MSH-11")).isEqualTo("P");
        assertThat(get(a01, "/MSH-12")).isEqualTo("2.5.1");
        assertThat(get(a01, "/.EVN-5-1")).isEqualTo("test-nurse");
        assertThat(get(a01, "/.PID-3-1")).isEqualTo(p.mrn());
        assertThat(get(a01, "/.PID-3-5")).isEqualTo("MR");
        assertThat(get(a01, "/.PID-5-1")).isEqualTo(p.familyName());
        assertThat(get(a01, "/.PID-7")).isEqualTo("19600229");
        assertThat(get(a01, "/.PV1-2")).isEqualTo("I");
        assertThat(get(a01, "/.PV1-3-1")).isEqualTo(wardCode);
        assertThat(get(a01, "/.PV1-3-2")).isEqualTo("R1");
        assertThat(get(a01, "/.PV1-3-3")).isEqualTo("B1");
        assertThat(get(a01, "/.PV1-7-1")).isEqualTo("dr.adt");
        assertThat(get(a01, "/.PV1-19")).isEqualTo(String.valueOf(a.encounterId()));

        Message a02 = got.get(1);
        assertThat(get(a02, "/.PV1-3-3")).isEqualTo("B2");
        assertThat(get(a02, "/.PV1-6-1")).isEqualTo(wardCode);
        assertThat(get(a02, "/.PV1-6-3")).isEqualTo("B1");

        Message a03 = got.get(2);
        assertThat(get(a03, "/MSH-9-3")).isEqualTo("ADT_A03");
        assertThat(get(a03, "/.PV1-36")).isEqualTo("home");
        assertThat(get(a03, "/.PV1-45")).isNotBlank();
        assertThat(get(a03, "/.PV1-3-3")).isEqualTo("B2");

        Message a08 = got.get(3);
        assertThat(get(a08, "/.PID-13-1")).isEqualTo("+1 555 0177");
        assertThat(get(a08, "/.PV1-2")).isEqualTo("N"); // discharged: no visit goes with it
        assertThat(get(a08, "/.EVN-5-1")).isEqualTo("test-receptionist");

        // every copy is recorded in the outbox as sent, with its topic and what it is about
        List<OutboxRecord> sent = about("Encounter/" + a.encounterId(), ep.name());
        assertThat(sent).extracting(OutboxRecord::topic).containsExactly("adt-A01", "adt-A02", "adt-A03");
        assertThat(sent).allSatisfy(m -> {
            assertThat(m.channel()).isEqualTo("mllp");
            assertThat(m.status()).isEqualTo(OutboxStatus.SENT);
            assertThat(m.patient()).isEqualTo(p.id());
        });
        assertThat(about("Patient/" + p.id(), ep.name())).extracting(OutboxRecord::topic).containsExactly("adt-A08");

        // merge: A40 names the survivor and, in MRG, the retired record's MRN
        PatientRecord survivor = patient("AdtKeep");
        PatientRecord retired = patient("AdtGone");
        records.call(() -> merges.merge(survivor.id(), survivor.version(), retired.id(), retired.version(),
                "same person", null));
        Message a40 = received(r, survivor.mrn(), 1).get(0);
        assertThat(get(a40, "/MSH-9")).isEqualTo("ADT");
        assertThat(get(a40, "/MSH-9-2")).isEqualTo("A40");
        assertThat(get(a40, "/MSH-9-3")).isEqualTo("ADT_A39");
        assertThat(get(a40, "/.MRG-1-1")).isEqualTo(retired.mrn());
        assertThat(get(a40, "/.MRG-1-5")).isEqualTo("MR");
    }

    @Test
    void anEndpointGetsOnlyTheEventsItWants_andNoEndpointMeansNoMessage() throws Exception {
        Receiver r = receiver(port());
        Hl7EndpointRecord discharges = endpoint(port(), AdtTrigger.A03);
        long ward = ward();
        PatientRecord p = patient("AdtOnly");
        AdmissionRecord a = admit(p.id(), bed(ward, "R1", "B1"));
        nurse.call(() -> admissions.discharge(a.id(), a.version(), "home", null));

        List<Message> got = received(r, p.mrn(), 1);
        assertThat(about("Encounter/" + a.encounterId(), discharges.name())).extracting(OutboxRecord::topic)
                .containsExactly("adt-A03");
        assertThat(got).extracting(m -> get(m, "/MSH-9-2")).containsExactly("A03");

        admin.call(() -> endpoints.deactivate(discharges.id(), discharges.version()));
        PatientRecord other = patient("AdtNone");
        AdmissionRecord b = admit(other.id(), bed(ward, "R2", "B2"));
        nurse.call(() -> admissions.discharge(b.id(), b.version(), "home", null));
        assertThat(desk.call(() -> outbox.about("Encounter/" + b.encounterId())))
                .noneMatch(m -> m.recipient().equals(discharges.name()));
    }

    @Test
    void aSystemThatIsDown_holdsItsLineInOrder_untilStaffRetryAfterItIsUp() throws Exception {
        int downPort = port() + 1;
        Hl7EndpointRecord ep = endpoint(downPort);
        long ward = ward();
        PatientRecord p = patient("AdtDown");
        AdmissionRecord a = admit(p.id(), bed(ward, "R1", "B1"));
        nurse.call(() -> admissions.transfer(a.id(), a.version(), bed(ward, "R2", "B2")));
        String ref = "Encounter/" + a.encounterId();

        List<OutboxRecord> waiting = deliverUntil(() -> uncheck(() -> about(ref, ep.name())),
                list -> list.get(0).attempts() > 0);
        OutboxRecord a01 = waiting.get(0);
        OutboxRecord a02 = waiting.get(1);
        assertThat(a01.topic()).isEqualTo("adt-A01");
        assertThat(a01.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(a01.attempts()).isEqualTo(1);
        assertThat(a01.nextAttemptAt()).isAfter(Instant.now());
        assertThat(a01.lastError()).contains(ep.name()).contains("127.0.0.1:" + downPort)
                .contains("could not be reached").doesNotContain(p.mrn()).doesNotContain(p.familyName());
        // the transfer waits behind the admission: never tried, so it cannot overtake it
        assertThat(a02.topic()).isEqualTo("adt-A02");
        assertThat(a02.attempts()).isZero();
        assertThat(a02.status()).isEqualTo(OutboxStatus.PENDING);

        Receiver r = receiver(downPort);
        desk.call(() -> outbox.retry(a01.id()));
        List<Message> got = received(r, p.mrn(), 2);
        assertThat(got).extracting(m -> get(m, "/MSH-9-2")).containsExactly("A01", "A02");
        assertThat(about(ref, ep.name())).extracting(OutboxRecord::status)
                .containsExactly(OutboxStatus.SENT, OutboxStatus.SENT);
    }

    @Test
    void aRejection_isShownWithTheReceiversText() throws Exception {
        Receiver r = receiver(port());
        r.answer(AcknowledgmentCode.AE, "Unknown ward code");
        Hl7EndpointRecord ep = endpoint(port());
        PatientRecord p = patient("AdtReject");
        AdmissionRecord a = admit(p.id(), bed(ward(), "R1", "B1"));

        OutboxRecord failed = deliverUntil(() -> uncheck(() -> about("Encounter/" + a.encounterId(), ep.name())
                .get(0)), m -> m.attempts() > 0);
        assertThat(failed.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(failed.lastError()).contains(ep.name()).contains("MSA-1 AE").contains("Unknown ward code");
        assertThat(r.about(p.mrn())).hasSize(1); // it did arrive; it was refused
    }

    @Test
    void endpoints_areTheAdministratorsAndBadInputIsAFieldError() throws Exception {
        Hl7EndpointData bad = new Hl7EndpointData();
        bad.setName("LAB");
        bad.setHost("not a host!");
        bad.setPort(70000);
        assertThatThrownBy(() -> admin.call(() -> endpoints.add(bad))).isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.getFieldErrors()).containsKeys("host", "port"));
        assertThatThrownBy(() -> nurse.call(() -> endpoints.list())).isInstanceOf(EJBAccessException.class);

        Hl7EndpointRecord ep = endpoint(port());
        Hl7EndpointData same = Hl7EndpointData.of(ep);
        assertThatThrownBy(() -> admin.call(() -> endpoints.add(same))).isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.getFieldErrors()).containsKey("name"));
        Hl7EndpointData moved = Hl7EndpointData.of(ep);
        moved.setHost("lab.hospital.local");
        Hl7EndpointRecord changed = admin.call(() -> endpoints.update(ep.id(), ep.version(), moved));
        assertThat(changed.address()).isEqualTo("lab.hospital.local:" + port());
        assertThatThrownBy(() -> admin.call(() -> endpoints.update(ep.id(), ep.version(), moved)))
                .isInstanceOf(org.asclepius.hms.shared.ConcurrentUpdateException.class);
    }

    private static <T> T uncheck(java.util.concurrent.Callable<T> work) {
        try {
            return work.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** HAPI's MLLP server with an application that records every message and answers AA (or as told). */
    public static final class Receiver implements ReceivingApplication<Message> {
        private final List<Message> messages = new CopyOnWriteArrayList<>();
        private final HapiContext hapi = new DefaultHapiContext();
        private HL7Service server;
        private volatile AcknowledgmentCode code = AcknowledgmentCode.AA;
        private volatile String text;

        static Receiver start(int port) throws InterruptedException {
            Receiver r = new Receiver();
            r.hapi.setLowerLayerProtocol(new MinLowerLayerProtocol(true, true));
            r.hapi.getParserConfiguration().setIdGenerator(new InMemoryIDGenerator()); // ACK ids: no id_file

            r.server = r.hapi.newServer(port, false);
            r.server.registerApplication("*", "*", r);
            r.server.startAndWait();
            return r;
        }

        void answer(AcknowledgmentCode code, String text) {
            this.code = code;
            this.text = text;
        }

        List<Message> about(String mrn) {
            return messages.stream().filter(m -> mrn.equals(get(m, "/.PID-3-1"))).toList();
        }

        void stop() throws java.io.IOException {
            server.stopAndWait();
            hapi.close();
        }

        @Override
        public Message processMessage(Message message, Map<String, Object> metadata) throws HL7Exception {
            messages.add(message);
            try {
                Message ack = message.generateACK(code, null);
                if (text != null) {
                    new Terser(ack).set("/MSA-3", text);
                }
                return ack;
            } catch (java.io.IOException e) {
                throw new HL7Exception(e);
            }
        }

        @Override
        public boolean canProcess(Message message) {
            return true;
        }
    }
}
