package org.asclepius.hms.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A date search parameter ({@code start=ge2026-03-01&start=lt2026-03-08}) as a half-open period
 * [{@code from}, {@code to}) of instants; either end may be open (null). Prefixes eq (or none), ge, gt, le and lt;
 * a value without a time (a day, a month, a year) is taken in the hospital's zone and stands for its whole
 * period ({@code le2026-03-07} includes all of that day). Pure.
 */
record FhirDateRange(Instant from, Instant to) {

    static FhirDateRange parse(String parameter, DateRangeParam range, ZoneId zone) {
        if (range == null) {
            return new FhirDateRange(null, null);
        }
        Instant from = null;
        Instant to = null;
        for (DateParam p : range.getValuesAsQueryTokens()) {
            if (p.getMissing() != null) {
                throw new InvalidRequestException("Search parameter '" + parameter + "' does not support :missing");
            }
            if (p.getValue() == null) {
                continue;
            }
            Instant floor = floor(p, zone);
            Instant ceiling = ceiling(p, floor, zone);
            ParamPrefixEnum prefix = p.getPrefix() == null ? ParamPrefixEnum.EQUAL : p.getPrefix();
            switch (prefix) {
                case EQUAL -> {
                    from = later(from, floor);
                    to = earlier(to, ceiling);
                }
                case GREATERTHAN_OR_EQUALS -> from = later(from, floor);
                case GREATERTHAN -> from = later(from, ceiling);
                case LESSTHAN_OR_EQUALS -> to = earlier(to, ceiling);
                case LESSTHAN -> to = earlier(to, floor);
                default -> throw new InvalidRequestException("Search parameter '" + parameter
                        + "' supports the prefixes eq, ge, gt, le and lt, not '" + prefix.getValue() + "'");
            }
        }
        if (from != null && to != null && !to.isAfter(from)) {
            throw new InvalidRequestException("Search parameter '" + parameter + "': the period is empty (from "
                    + from + " to " + to + ")");
        }
        return new FhirDateRange(from, to);
    }

    /** The period with its open ends filled in: from {@code defaultFrom}, lasting {@code defaultLength}. */
    FhirDateRange orDefault(Instant defaultFrom, Duration defaultLength) {
        Instant f = from;
        if (f == null) {
            f = to != null && !to.isAfter(defaultFrom) ? to.minus(defaultLength) : defaultFrom;
        }
        return new FhirDateRange(f, to == null ? f.plus(defaultLength) : to);
    }

    boolean contains(Instant t) {
        return (from == null || !t.isBefore(from)) && (to == null || t.isBefore(to));
    }

    boolean isOpen() {
        return from == null && to == null;
    }

    /** The first instant the value stands for. */
    private static Instant floor(DateParam p, ZoneId zone) {
        TemporalPrecisionEnum precision = p.getPrecision();
        String text = p.getValueAsString();
        return switch (precision) {
            case YEAR -> LocalDate.of(Integer.parseInt(text.substring(0, 4)), 1, 1).atStartOfDay(zone).toInstant();
            case MONTH -> LocalDate.of(Integer.parseInt(text.substring(0, 4)), Integer.parseInt(text.substring(5, 7)), 1)
                    .atStartOfDay(zone).toInstant();
            case DAY -> LocalDate.parse(text.substring(0, 10)).atStartOfDay(zone).toInstant();
            default -> p.getValue().toInstant();
        };
    }

    /** The first instant after the value's period. */
    private static Instant ceiling(DateParam p, Instant floor, ZoneId zone) {
        return switch (p.getPrecision()) {
            case YEAR -> floor.atZone(zone).plusYears(1).toInstant();
            case MONTH -> floor.atZone(zone).plusMonths(1).toInstant();
            case DAY -> floor.atZone(zone).plusDays(1).toInstant();
            case MINUTE -> floor.plus(Duration.ofMinutes(1));
            case SECOND -> floor.plusSeconds(1);
            default -> floor.plusMillis(1);
        };
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }
}
