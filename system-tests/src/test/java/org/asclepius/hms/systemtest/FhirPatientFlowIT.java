package org.asclepius.hms.systemtest;

import static org.asclepius.hms.systemtest.support.FhirClient.issue;
import static org.asclepius.hms.systemtest.support.FhirClient.ok;
import static org.asclepius.hms.systemtest.support.FhirClient.resources;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.asclepius.hms.inpatient.AdmissionRecord;
import org.asclepius.hms.inpatient.AdmissionService;
import org.asclepius.hms.inpatient.AdmissionSource;
import org.asclepius.hms.inpatient.BedService;
import org.asclepius.hms.patient.PatientService;
import org.asclepius.hms.systemtest.callers.AsAdmin;
import org.asclepius.hms.systemtest.callers.AsPhysician;
import org.asclepius.hms.systemtest.callers.AsReceptionist;
import org.asclepius.hms.systemtest.support.Db;
import org.asclepius.hms.systemtest.support.Deployments;
import org.asclepius.hms.systemtest.support.FhirClient;
import org.asclepius.hms.systemtest.support.KeycloakServer;
import org.asclepius.hms.systemtest.support.WardFixture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Encounter and Location over the FHIR API as an integration system reads them: an admission moved between wards
 * and discharged, and one still in a bed, as Encounters (class, status, beds, disposition) found by patient, class,
 * status and period; wards, rooms and beds as Locations with their hierarchy and bed status; bad searches are a
 * 400 OperationOutcome and unknown ids a 404.
 */
// one @ExtendWith: two would compile to a container annotation the in-container runner does not find
@ExtendWith({KeycloakServer.class, ArquillianExtension.class})
class FhirPatientFlowIT {
    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTests(FhirPatientFlowIT.class, FhirClient.class, WardFixture.class,
                WardFixture.Ward.class);
    }

    @EJB
    BedService beds;
    @EJB
    AdmissionService admissions;
    @EJB
    PatientService patients;
    @EJB
    AsAdmin admin;
    @EJB
    AsPhysician physician;
    @EJB
    AsReceptionist desk;
    @Resource(lookup = "java:jboss/datasources/HmsDS")
    DataSource db;

    private AdmissionRecord admit(long patient, long bed) throws Exception {
        return physician.call(() -> admissions.admit(patient, bed, AdmissionSource.EMERGENCY, "pneumonia", "Dr Who"));
    }

    private static List<String> references(JsonObject encounter) {
        return encounter.getJsonArray("location").stream()
                .map(l -> l.asJsonObject().getJsonObject("location").getString("reference")).toList();
    }

    private static String code(JsonObject resource, String element) {
        JsonObject value = resource.getJsonObject(element);
        return value.containsKey("coding") ? value.getJsonArray("coding").getJsonObject(0).getString("code")
                : value.getString("code");
    }

    @Test
    void admissionsAreEncounters_foundByPatientClassStatusAndPeriod_withTheirBeds() throws Exception {
        FhirClient fhir = FhirClient.integration();
        WardFixture.Ward a = WardFixture.create(admin, beds, "FA", "Internal medicine", 2);
        WardFixture.Ward b = WardFixture.create(admin, beds, "FB", "Surgery", 1);
        long moved = WardFixture.patient(desk, patients, "Flow");
        long staying = WardFixture.patient(desk, patients, "Flow");
        Instant before = Instant.now().minusSeconds(60);
        AdmissionRecord first = admit(moved, a.bed(0));
        AdmissionRecord transferred = physician.call(() -> admissions.transfer(first.id(), first.version(), b.bed(0)));
        physician.call(() -> admissions.discharge(first.id(), transferred.version(), "home", null));
        AdmissionRecord second = admit(staying, a.bed(1));

        JsonObject done = ok(fhir.get("/Encounter/" + first.encounterId()));
        assertThat(done.getString("status")).isEqualTo("finished");
        assertThat(done.getJsonObject("class").getString("code")).isEqualTo("IMP");
        assertThat(done.getJsonObject("subject").getString("reference")).isEqualTo("Patient/" + moved);
        assertThat(done.getJsonObject("serviceType").getString("text")).isEqualTo("Surgery");
        assertThat(done.getJsonArray("participant").getJsonObject(0).getJsonObject("individual")
                .getString("display")).isEqualTo("Dr Who");
        assertThat(done.getJsonObject("period").containsKey("end")).isTrue();
        JsonObject hospitalization = done.getJsonObject("hospitalization");
        assertThat(code(hospitalization, "admitSource")).isEqualTo("emd");
        assertThat(hospitalization.getJsonObject("dischargeDisposition").getString("text")).isEqualTo("home");
        assertThat(code(hospitalization, "dischargeDisposition")).isEqualTo("home");
        assertThat(references(done)).containsExactly("Location/bed-" + a.bed(0), "Location/bed-" + b.bed(0));
        assertThat(done.getJsonArray("location").stream().map(l -> l.asJsonObject().getString("status")))
                .containsOnly("completed");
        // the read is audited for the patient
        assertThat(Db.number(db, "select count(*) from audit_event where resource_type = 'Encounter'"
                + " and action = 'READ' and patient_id = ? and resource_id = ?", moved,
                String.valueOf(first.encounterId()))).isEqualTo(1);

        JsonObject open = ok(fhir.get("/Encounter/" + second.encounterId()));
        assertThat(open.getString("status")).isEqualTo("in-progress");
        assertThat(open.getJsonArray("location").getJsonObject(0).getString("status")).isEqualTo("active");

        assertThat(resources(ok(fhir.get("/Encounter?patient=Patient/" + moved)))).extracting(e -> e.getString("id"))
                .containsExactly(String.valueOf(first.encounterId()));
        assertThat(resources(ok(fhir.get("/Encounter?patient=Patient/" + moved + "&class="
                + "http://terminology.hl7.org/CodeSystem/v3-ActCode|IMP&status=finished,onleave")))).hasSize(1);
        assertThat(resources(ok(fhir.get("/Encounter?patient=Patient/" + moved + "&class=AMB")))).isEmpty();
        assertThat(resources(ok(fhir.get("/Encounter?patient=Patient/" + moved + "&status=in-progress")))).isEmpty();
        assertThat(resources(ok(fhir.get("/Encounter?patient=Patient/" + moved + "&status=arrived")))).isEmpty();
        assertThat(resources(ok(fhir.get("/Encounter?patient=Patient/" + moved + "&date=lt" + before)))).isEmpty();
        // everybody's encounters of a period: the one still in a bed is among them
        Instant now = Instant.now();
        JsonObject recent = ok(fhir.get("/Encounter?class=IMP&status=in-progress&date=ge" + before + "&date=lt"
                + now.plus(Duration.ofMinutes(1)) + "&_count=100"));
        assertThat(resources(recent)).extracting(e -> e.getJsonObject("subject").getString("reference"))
                .contains("Patient/" + staying).doesNotContain("Patient/" + moved);
    }

    @Test
    void wardsRoomsAndBeds_areLocations_inAHierarchy_withTheBedStatus() throws Exception {
        FhirClient fhir = FhirClient.integration();
        WardFixture.Ward a = WardFixture.create(admin, beds, "FL", "Internal medicine", 3);
        long patient = WardFixture.patient(desk, patients, "Flow");
        admit(patient, a.bed(1));
        admin.call(() -> beds.block(a.bed(2), "broken rail"));

        JsonObject ward = ok(fhir.get("/Location/ward-" + a.id()));
        assertThat(ward.getString("status")).isEqualTo("active");
        assertThat(code(ward, "physicalType")).isEqualTo("wa");
        assertThat(ward.getString("name")).isEqualTo("Ward " + a.code());
        assertThat(resources(ok(fhir.get("/Location?partof=Location/ward-" + a.id()))))
                .extracting(l -> l.getString("id")).containsExactly("room-" + a.id() + "-R1", "room-" + a.id() + "-R2");
        List<JsonObject> room1 = resources(ok(fhir.get("/Location?partof=Location/room-" + a.id() + "-R1")));
        assertThat(room1).extracting(l -> l.getString("id")).containsExactly("bed-" + a.bed(0), "bed-" + a.bed(1));
        assertThat(room1).extracting(l -> code(l, "physicalType")).containsOnly("bd");
        assertThat(room1).extracting(l -> code(l, "operationalStatus")).containsExactly("U", "O");
        JsonObject blocked = ok(fhir.get("/Location/bed-" + a.bed(2)));
        assertThat(code(blocked, "operationalStatus")).isEqualTo("C");
        assertThat(blocked.getJsonObject("partOf").getString("reference")).isEqualTo("Location/room-" + a.id() + "-R2");
        assertThat(resources(ok(fhir.get("/Location?partof=Location/room-" + a.id() + "-R1&operational-status=O"))))
                .extracting(l -> l.getString("id")).containsExactly("bed-" + a.bed(1));
        assertThat(resources(ok(fhir.get("/Location?name=" + a.code() + "&physical-type=wa"))))
                .extracting(l -> l.getString("id")).containsExactly("ward-" + a.id());
    }

    @Test
    void badSearches_are400WithAnOperationOutcome_andUnknownIds404() throws Exception {
        FhirClient fhir = FhirClient.integration();
        for (String bad : List.of("/Encounter?patient=Patient/1&class=XYZ", "/Encounter?patient=Patient/1&status=done",
                "/Encounter?patient=Patient/1&foo=bar", "/Encounter?patient=Practitioner/1",
                "/Encounter?date=ge2020-01-01", "/Encounter?date=ge2020-01-01&date=lt2020-06-01",
                "/Encounter?patient=Patient/1&date=xyz", "/Encounter", "/Location?physical-type=xx",
                "/Location?operational-status=Z", "/Location?status=closed", "/Location?partof=Patient/3")) {
            HttpResponse<String> response = fhir.get(bad);
            assertThat(response.statusCode()).as(bad + ": " + response.body()).isEqualTo(400);
            assertThat(issue(response).getString("severity")).as(bad).isEqualTo("error");
        }
        for (String unknown : List.of("/Encounter/999999999999", "/Encounter/abc", "/Location/bed-999999999999",
                "/Location/ward-999999999999", "/Location/room-999999999999-R1", "/Location/somewhere")) {
            HttpResponse<String> response = fhir.get(unknown);
            assertThat(response.statusCode()).as(unknown + ": " + response.body()).isEqualTo(404);
            assertThat(FhirClient.json(response.body()).getString("resourceType")).isEqualTo("OperationOutcome");
        }
    }
}
