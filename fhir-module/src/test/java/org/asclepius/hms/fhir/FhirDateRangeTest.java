package org.asclepius.hms.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.QualifiedParamList;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FhirDateRangeTest {
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    /** As the server binds {@code ?start=<v1>&start=<v2>}. */
    static FhirDateRange parse(String... values) {
        DateRangeParam range = new DateRangeParam();
        range.setValuesAsQueryTokens(FhirContext.forR4Cached(), "start",
                Arrays.stream(values).map(QualifiedParamList::singleton).toList());
        return FhirDateRange.parse("start", range, ZONE);
    }

    @Test
    void daysAreWholeDaysInTheHospitalZone() {
        FhirDateRange day = parse("2030-05-06");
        assertThat(day.from()).isEqualTo(Instant.parse("2030-05-05T22:00:00Z"));
        assertThat(day.to()).isEqualTo(Instant.parse("2030-05-06T22:00:00Z"));

        FhirDateRange week = parse("ge2030-05-06", "le2030-05-12");
        assertThat(week.from()).isEqualTo(Instant.parse("2030-05-05T22:00:00Z"));
        assertThat(week.to()).isEqualTo(Instant.parse("2030-05-12T22:00:00Z"));

        FhirDateRange exclusive = parse("gt2030-05-06", "lt2030-05-12");
        assertThat(exclusive.from()).isEqualTo(Instant.parse("2030-05-06T22:00:00Z"));
        assertThat(exclusive.to()).isEqualTo(Instant.parse("2030-05-11T22:00:00Z"));
    }

    @Test
    void timesAreInstants_andMayLeaveAnEndOpen() {
        FhirDateRange from = parse("ge2030-05-06T09:00:00Z");
        assertThat(from.from()).isEqualTo(Instant.parse("2030-05-06T09:00:00Z"));
        assertThat(from.to()).isNull();
        assertThat(from.contains(Instant.parse("2030-05-06T09:00:00Z"))).isTrue();
        assertThat(from.contains(Instant.parse("2030-05-06T08:59:59Z"))).isFalse();

        FhirDateRange filled = from.orDefault(Instant.parse("2030-01-01T00:00:00Z"), Duration.ofDays(14));
        assertThat(filled.from()).isEqualTo(Instant.parse("2030-05-06T09:00:00Z"));
        assertThat(filled.to()).isEqualTo(Instant.parse("2030-05-20T09:00:00Z"));
    }

    @Test
    void absent_isOpen_andTheDefaultIsFromNow() {
        FhirDateRange none = FhirDateRange.parse("start", null, ZONE);
        assertThat(none.isOpen()).isTrue();
        Instant now = Instant.parse("2030-05-06T10:07:00Z");
        FhirDateRange filled = none.orDefault(now, Duration.ofDays(14));
        assertThat(filled.from()).isEqualTo(now);
        assertThat(filled.to()).isEqualTo(now.plus(Duration.ofDays(14)));
    }

    @Test
    void unsupportedPrefixesAndEmptyPeriods_are400() {
        assertThatThrownBy(() -> parse("ne2030-05-06")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("prefixes");
        assertThatThrownBy(() -> parse("ge2030-05-07", "lt2030-05-07")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("empty");
    }
}
