package org.asclepius.hms.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.asclepius.hms.encounter.EncounterKind;
import org.asclepius.hms.encounter.EncounterRecord;
import org.asclepius.hms.encounter.EncounterStatus;
import org.asclepius.hms.inpatient.AdmissionSource;
import org.asclepius.hms.inpatient.BedKind;
import org.asclepius.hms.inpatient.BedStatus;
import org.asclepius.hms.inpatient.LocationRecord;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Location;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FhirPatientFlowMapperTest {
    static final Instant ADMITTED = Instant.parse("2030-05-06T09:00:00Z");
    static final Instant MOVED = Instant.parse("2030-05-07T15:30:00Z");
    static final Instant DISCHARGED = Instant.parse("2030-05-09T11:00:00Z");

    static EncounterRecord inpatient(EncounterStatus status, Instant end, String disposition) {
        return new EncounterRecord(77L, 3L, 42L, "Smith, John", EncounterKind.INPATIENT, status, "Internal medicine",
                "Dr House", ADMITTED, end, 78L, AdmissionSource.EMERGENCY, disposition, List.of(
                new EncounterRecord.BedPeriod(5L, "MED-1 R1-B1", "R1", 3L, "MED-1", "Medicine 1", ADMITTED, MOVED),
                new EncounterRecord.BedPeriod(6L, "MED-2 R4-B2", "R4", 4L, "MED-2", "Medicine 2", MOVED, end)));
    }

    @Test
    void inpatientEncounter_hasClassStatusDepartmentAttendingPeriodAndItsBeds() {
        Encounter e = FhirPatientFlowMapper.toFhir(inpatient(EncounterStatus.IN_PROGRESS, null, null));

        assertThat(e.getIdElement().getIdPart()).isEqualTo("77");
        assertThat(e.getMeta().getVersionId()).isEqualTo("3");
        assertThat(e.getStatus()).isEqualTo(Encounter.EncounterStatus.INPROGRESS);
        assertThat(e.getClass_().getSystem()).isEqualTo("http://terminology.hl7.org/CodeSystem/v3-ActCode");
        assertThat(e.getClass_().getCode()).isEqualTo("IMP");
        assertThat(e.getSubject().getReference()).isEqualTo("Patient/42");
        assertThat(e.getSubject().getDisplay()).isEqualTo("Smith, John");
        assertThat(e.getServiceType().getText()).isEqualTo("Internal medicine");
        assertThat(e.getParticipantFirstRep().getTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo("ATND");
        assertThat(e.getParticipantFirstRep().getIndividual().getDisplay()).isEqualTo("Dr House");
        assertThat(e.getParticipantFirstRep().getIndividual().hasReference()).isFalse();
        assertThat(e.getPeriod().getStart()).isEqualTo(Date.from(ADMITTED));
        assertThat(e.getPeriod().hasEnd()).isFalse();
        assertThat(e.getHospitalization().getAdmitSource().getCodingFirstRep().getCode()).isEqualTo("emd");
        assertThat(e.getHospitalization().hasDischargeDisposition()).isFalse();
        assertThat(e.getLocation()).hasSize(2);
        Encounter.EncounterLocationComponent first = e.getLocation().get(0);
        assertThat(first.getLocation().getReference()).isEqualTo("Location/bed-5");
        assertThat(first.getLocation().getDisplay()).isEqualTo("MED-1 R1-B1");
        assertThat(first.getStatus()).isEqualTo(Encounter.EncounterLocationStatus.COMPLETED);
        assertThat(first.getPeriod().getEnd()).isEqualTo(Date.from(MOVED));
        assertThat(first.getPhysicalType().getCodingFirstRep().getCode()).isEqualTo("bd");
        assertThat(e.getLocation().get(1).getStatus()).isEqualTo(Encounter.EncounterLocationStatus.ACTIVE);
    }

    @Test
    void finishedEncounter_hasItsEnd_andTheDispositionAsTextAndCode() {
        Encounter e = FhirPatientFlowMapper.toFhir(inpatient(EncounterStatus.FINISHED, DISCHARGED, "Home"));
        assertThat(e.getStatus()).isEqualTo(Encounter.EncounterStatus.FINISHED);
        assertThat(e.getPeriod().getEnd()).isEqualTo(Date.from(DISCHARGED));
        assertThat(e.getHospitalization().getDischargeDisposition().getText()).isEqualTo("Home");
        assertThat(e.getHospitalization().getDischargeDisposition().getCodingFirstRep().getSystem())
                .isEqualTo("http://terminology.hl7.org/CodeSystem/discharge-disposition");
        assertThat(e.getHospitalization().getDischargeDisposition().getCodingFirstRep().getCode()).isEqualTo("home");
        assertThat(e.getLocation()).allSatisfy(l ->
                assertThat(l.getStatus()).isEqualTo(Encounter.EncounterLocationStatus.COMPLETED));
        // an unknown disposition keeps its text and gets no code
        Encounter other = FhirPatientFlowMapper.toFhir(inpatient(EncounterStatus.FINISHED, DISCHARGED, "to family"));
        assertThat(other.getHospitalization().getDischargeDisposition().getText()).isEqualTo("to family");
        assertThat(other.getHospitalization().getDischargeDisposition().hasCoding()).isFalse();
        // and it survives JSON
        FhirContext fhir = FhirContext.forR4();
        Encounter parsed = fhir.newJsonParser().parseResource(Encounter.class,
                fhir.newJsonParser().encodeResourceToString(e));
        assertThat(parsed.getClass_().getCode()).isEqualTo("IMP");
        assertThat(parsed.getLocation()).hasSize(2);
    }

    @ParameterizedTest
    @CsvSource({"INPATIENT,IMP", "OUTPATIENT,AMB", "EMERGENCY,EMER", "DAY_CASE,SS"})
    void eachKind_hasItsActCode_andBack(EncounterKind kind, String code) {
        assertThat(FhirPatientFlowMapper.encounterClass(kind).getCode()).isEqualTo(code);
        assertThat(FhirPatientFlowMapper.kinds(code)).containsExactly(kind);
    }

    @ParameterizedTest
    @CsvSource({"PLANNED,planned", "IN_PROGRESS,in-progress", "ON_LEAVE,onleave", "FINISHED,finished",
        "CANCELLED,cancelled"})
    void eachStatus_hasItsFhirCode_andBack(EncounterStatus status, String code) {
        assertThat(FhirPatientFlowMapper.status(status).toCode()).isEqualTo(code);
        assertThat(FhirPatientFlowMapper.statuses(Encounter.EncounterStatus.fromCode(code))).containsExactly(status);
    }

    @Test
    void searchTokens_validButUnusedFindNothing_unknownAreRefused() {
        assertThat(EncounterResourceProvider.statuses(new TokenOrListParam().add(new TokenParam("arrived")))).isEmpty();
        assertThat(EncounterResourceProvider.statuses(new TokenOrListParam().add(new TokenParam("finished"))
                .add(new TokenParam("onleave")))).containsExactlyInAnyOrder(EncounterStatus.FINISHED,
                EncounterStatus.ON_LEAVE);
        assertThatThrownBy(() -> EncounterResourceProvider.statuses(new TokenOrListParam().add(new TokenParam("done"))))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("status");
        assertThat(EncounterResourceProvider.kinds(new TokenOrListParam().add(new TokenParam("HH")))).isEmpty();
        assertThat(EncounterResourceProvider.kinds(new TokenOrListParam().add(
                new TokenParam(FhirPatientFlowMapper.ACT_CODE, "IMP")))).containsExactly(EncounterKind.INPATIENT);
        assertThatThrownBy(() -> EncounterResourceProvider.kinds(new TokenOrListParam().add(
                new TokenParam("http://example.org", "IMP")))).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> EncounterResourceProvider.kinds(new TokenOrListParam().add(new TokenParam("XYZ"))))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("class");
    }

    static LocationRecord bed(BedStatus status, boolean wardOpen) {
        return new LocationRecord("bed-12", LocationRecord.Level.BED, "MED-1 R1-B2", null, "room-3-R1", wardOpen,
                status, BedKind.ICU, 3L, "MED-1", "Internal medicine");
    }

    @Test
    void wardRoomAndBed_formAHierarchy_withTheirPhysicalTypes() {
        Location ward = FhirPatientFlowMapper.toFhir(new LocationRecord("ward-3", LocationRecord.Level.WARD,
                "Medicine 1", "MED-1", null, true, null, null, 3L, "MED-1", "Internal medicine"));
        assertThat(ward.getIdElement().getIdPart()).isEqualTo("ward-3");
        assertThat(ward.getPhysicalType().getCodingFirstRep().getCode()).isEqualTo("wa");
        assertThat(ward.getAlias()).extracting(Object::toString).containsExactly("MED-1");
        assertThat(ward.hasPartOf()).isFalse();
        assertThat(ward.hasOperationalStatus()).isFalse();
        assertThat(ward.getStatus()).isEqualTo(Location.LocationStatus.ACTIVE);

        Location room = FhirPatientFlowMapper.toFhir(new LocationRecord("room-3-R1", LocationRecord.Level.ROOM,
                "MED-1 room R1", null, "ward-3", false, null, null, 3L, "MED-1", "Internal medicine"));
        assertThat(room.getPhysicalType().getCodingFirstRep().getCode()).isEqualTo("ro");
        assertThat(room.getPartOf().getReference()).isEqualTo("Location/ward-3");
        assertThat(room.getStatus()).isEqualTo(Location.LocationStatus.INACTIVE);

        Location bed = FhirPatientFlowMapper.toFhir(bed(BedStatus.OCCUPIED, true));
        assertThat(bed.getPhysicalType().getCodingFirstRep().getCode()).isEqualTo("bd");
        assertThat(bed.getPartOf().getReference()).isEqualTo("Location/room-3-R1");
        assertThat(bed.getOperationalStatus().getSystem()).isEqualTo("http://terminology.hl7.org/CodeSystem/v2-0116");
        assertThat(bed.getTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo("ICU");
        assertThat(bed.getDescription()).isEqualTo("Internal medicine");
    }

    @ParameterizedTest
    @CsvSource({"FREE,true,U,free", "RESERVED,true,U,reserved", "OCCUPIED,true,O,occupied",
        "NEEDS_CLEANING,true,H,needs-cleaning", "BLOCKED,true,C,blocked", "FREE,false,C,free"})
    void bedStatus_isV2Table0116_andTheHospitalsOwnInAnExtension(BedStatus status, boolean wardOpen, String code,
            String own) {
        Location bed = FhirPatientFlowMapper.toFhir(bed(status, wardOpen));
        assertThat(bed.getOperationalStatus().getCode()).isEqualTo(code);
        assertThat(((CodeType) bed.getExtensionByUrl(FhirPatientFlowMapper.BED_STATUS).getValue()).getValue())
                .isEqualTo(own);
    }
}
