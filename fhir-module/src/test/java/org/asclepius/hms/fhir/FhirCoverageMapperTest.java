package org.asclepius.hms.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.asclepius.hms.patient.coverage.CoveragePriority;
import org.asclepius.hms.patient.coverage.CoverageRecord;
import org.asclepius.hms.patient.coverage.SubscriberRelationship;
import org.hl7.fhir.r4.model.Coverage;
import org.junit.jupiter.api.Test;

class FhirCoverageMapperTest {

    @Test
    void coverage_mapsPayerMemberSubscriberOrderAndPeriod() {
        CoverageRecord record = new CoverageRecord(5L, 2L, 42L, "Acme Health", "Gold", "MBR-1", "Sam Roe",
                SubscriberRelationship.SPOUSE, CoveragePriority.SECONDARY, LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31));

        Coverage c = FhirCoverageMapper.toFhir(record);

        assertThat(c.getIdElement().getIdPart()).isEqualTo("5");
        assertThat(c.getMeta().getVersionId()).isEqualTo("2");
        assertThat(c.getBeneficiary().getReference()).isEqualTo("Patient/42");
        assertThat(c.getPayorFirstRep().getDisplay()).isEqualTo("Acme Health");
        assertThat(c.getSubscriberId()).isEqualTo("MBR-1");
        assertThat(c.getIdentifierFirstRep().getSystem()).isEqualTo(FhirCoverageMapper.MEMBER_ID_SYSTEM);
        assertThat(c.getSubscriber().getDisplay()).isEqualTo("Sam Roe");
        assertThat(c.getRelationship().getCodingFirstRep().getCode()).isEqualTo("spouse");
        assertThat(c.getClass_FirstRep().getValue()).isEqualTo("Gold");
        assertThat(c.getOrder()).isEqualTo(2);
        assertThat(c.getPeriod().getStartElement().getValueAsString()).startsWith("2025-01-01");
        assertThat(c.getPeriod().getEndElement().getValueAsString()).startsWith("2025-12-31");
    }

    @Test
    void selfCoverage_pointsTheSubscriberAtThePatient_andAnOpenPeriodHasNoEnd() {
        CoverageRecord record = new CoverageRecord(6L, 0L, 7L, "Acme", null, "M2", null, SubscriberRelationship.SELF,
                CoveragePriority.PRIMARY, LocalDate.of(2026, 1, 1), null);
        Coverage c = FhirCoverageMapper.toFhir(record);
        assertThat(c.getSubscriber().getReference()).isEqualTo("Patient/7");
        assertThat(c.getPeriod().hasEnd()).isFalse();
        assertThat(c.hasClass_()).isFalse();
        assertThat(c.getOrder()).isEqualTo(1);
    }
}
