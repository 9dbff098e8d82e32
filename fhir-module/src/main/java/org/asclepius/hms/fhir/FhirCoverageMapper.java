package org.asclepius.hms.fhir;

import java.sql.Date;
import org.asclepius.hms.patient.coverage.CoverageRecord;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

/** {@link CoverageRecord} as a FHIR R4 {@code Coverage} (read-only for now; billing owns payers later). */
public final class FhirCoverageMapper {
    /** The identifier system of insurance member IDs (the same as the patient identifier type). */
    public static final String MEMBER_ID_SYSTEM = "urn:asclepius:id:insurance-member";
    static final String RELATIONSHIP_SYSTEM = "http://terminology.hl7.org/CodeSystem/subscriber-relationship";
    static final String CLASS_SYSTEM = "http://terminology.hl7.org/CodeSystem/coverage-class";

    private FhirCoverageMapper() {
    }

    public static Coverage toFhir(CoverageRecord c) {
        Coverage coverage = new Coverage();
        coverage.setId(new org.hl7.fhir.r4.model.IdType("Coverage", Long.toString(c.id()), Long.toString(c.version())));
        coverage.getMeta().setVersionId(Long.toString(c.version()));
        coverage.setStatus(Coverage.CoverageStatus.ACTIVE);
        coverage.setBeneficiary(new Reference("Patient/" + c.patientId()));
        coverage.addPayor(new Reference().setDisplay(c.payerName()));
        coverage.setSubscriberId(c.memberId());
        coverage.addIdentifier().setSystem(MEMBER_ID_SYSTEM).setValue(c.memberId());
        if (c.subscriberName() != null) {
            coverage.setSubscriber(new Reference().setDisplay(c.subscriberName()));
        } else {
            coverage.setSubscriber(new Reference("Patient/" + c.patientId()));
        }
        coverage.setRelationship(new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(
                RELATIONSHIP_SYSTEM, c.relationship().getFhirCode(), c.relationship().getLabel())));
        if (c.planName() != null) {
            coverage.addClass_().setType(new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(
                    CLASS_SYSTEM, "plan", "Plan"))).setValue(c.planName()).setName(c.planName());
        }
        coverage.setOrder(c.priority().getOrder());
        Period period = new Period().setStart(Date.valueOf(c.effectiveFrom()));
        if (c.effectiveTo() != null) {
            period.setEnd(Date.valueOf(c.effectiveTo()));
        }
        coverage.setPeriod(period);
        return coverage;
    }
}
