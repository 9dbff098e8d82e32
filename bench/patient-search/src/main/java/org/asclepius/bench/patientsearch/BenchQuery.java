package org.asclepius.bench.patientsearch;

/**
 * One search of the mix: its kind, the FHIR query string (after {@code Patient?}), the patient it was made from
 * (who should be on the first page) and, once captured, the SQL the server ran for it.
 */
final class BenchQuery {
    final int index;
    final String kind;
    final String fhirQuery;
    final long targetPatientId;
    /** what the server ran for this search (filled by {@link SqlCapture}); null until captured */
    volatile java.util.List<SqlCapture.Captured> sql;

    BenchQuery(int index, String kind, String fhirQuery, long targetPatientId) {
        this.index = index;
        this.kind = kind;
        this.fhirQuery = fhirQuery;
        this.targetPatientId = targetPatientId;
    }
}
