package org.asclepius.hms.patient.matching;

import java.util.List;

/**
 * The result of comparing two records.
 *
 * @param score  the sum of the field weights (log2 likelihood ratios): positive means more likely the same person
 * @param grade  the grade that the score reaches under the matcher's thresholds
 * @param fields one comparison per field, in a fixed order, with an explanation each
 */
public record MatchResult(double score, MatchGrade grade, List<FieldComparison> fields) {

    public MatchResult {
        fields = List.copyOf(fields);
    }

    /** The comparisons whose values agreed exactly or partly: what speaks for the same person. */
    public List<FieldComparison> agreeing() {
        return fields.stream()
                .filter(f -> f.agreement() == FieldComparison.Agreement.EXACT
                        || f.agreement() == FieldComparison.Agreement.PARTIAL)
                .toList();
    }

    /** The comparison of one field by its name, or null. */
    public FieldComparison field(String name) {
        return fields.stream().filter(f -> f.field().equals(name)).findFirst().orElse(null);
    }
}
