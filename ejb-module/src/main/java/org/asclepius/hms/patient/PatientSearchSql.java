package org.asclepius.hms.patient;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds the SQL of a patient search (bound parameters only). On PostgreSQL name parts also match misspelled
 * (trigram word similarity, {@code <%}, served by the GIN trigram index on {@code name_key}) and results are
 * ranked by how well the name parts match; H2, the embedded default, matches name parts by prefix only and
 * orders by name.
 */
public final class PatientSearchSql {
    /** Word similarity a misspelled name part needs (pg_trgm.word_similarity_threshold for the query). */
    public static final String FUZZY_THRESHOLD = "0.5";
    /** Name parts shorter than this only match as prefixes (trigrams of short parts match almost anything). */
    static final int FUZZY_MIN_LENGTH = 4;
    private static final int MAX_NAME_PARTS = 5;
    static final String COLUMNS = "p.id, p.mrn, p.family_name, p.given_name, p.middle_name, p.sex, p.birth_date,"
            + " p.phone, p.address_city";

    public enum Dialect { POSTGRESQL, H2 }

    /** The statement and its parameters, in order. */
    public record Statement(String sql, List<Object> parameters) {
    }

    private final Dialect dialect;
    private final StringBuilder where = new StringBuilder(" where 1 = 1");
    private final List<Object> whereParameters = new ArrayList<>();
    private final StringBuilder rank = new StringBuilder("0");
    private final List<Object> rankParameters = new ArrayList<>();

    public PatientSearchSql(Dialect dialect, PatientQuery q) {
        this.dialect = dialect;
        if (q.name() != null && !q.name().isBlank()) {
            nameParts(q.name());
        }
        if (notBlank(q.familyName())) {
            where.append(" and lower(p.family_name) like ?");
            whereParameters.add(prefix(q.familyName().trim().toLowerCase(Locale.ROOT)));
        }
        if (notBlank(q.givenName())) {
            where.append(" and lower(p.given_name) like ?");
            whereParameters.add(prefix(q.givenName().trim().toLowerCase(Locale.ROOT)));
        }
        if (q.birthDate() != null) {
            where.append(" and p.birth_date = ?");
            whereParameters.add(q.birthDate());
        }
        if (notBlank(q.mrn())) {
            where.append(" and p.mrn = ?");
            whereParameters.add(q.mrn().trim());
        } else {
            // a merged record is found by its own MRN only (old wristbands and letters); it resolves to the survivor
            where.append(" and p.merged_into is null");
        }
        if (q.sex() != null) {
            where.append(" and p.sex = ?");
            whereParameters.add(q.sex().name());
        }
        if (notBlank(q.phone())) {
            where.append(" and p.phone_key like ?");
            whereParameters.add("%" + phoneTail(q.phone()));
        }
        if (notBlank(q.postalCode())) {
            where.append(" and upper(p.address_postal_code) = ?");
            whereParameters.add(q.postalCode().trim().toUpperCase(Locale.ROOT));
        }
        if (notBlank(q.identifierValue())) {
            where.append(" and exists (select 1 from patient_identifier i where i.patient_id = p.id and i.id_value = ?");
            whereParameters.add(IdentifierType.normalize(q.identifierValue()));
            if (q.identifierType() != null) {
                where.append(" and i.id_type = ?");
                whereParameters.add(q.identifierType());
            }
            where.append(")");
        }
    }

    private void nameParts(String name) {
        List<String> parts = new ArrayList<>();
        for (String part : Patient.normalizeName(name).split(" ")) {
            String clean = part.replace("%", "").replace("_", "").replace("\\", "");
            if (!clean.isEmpty() && parts.size() < MAX_NAME_PARTS) {
                parts.add(clean);
            }
        }
        for (String part : parts) {
            boolean fuzzy = dialect == Dialect.POSTGRESQL && part.length() >= FUZZY_MIN_LENGTH;
            if (fuzzy) {
                where.append(" and (p.name_key like ? or ? <% p.name_key)");
                whereParameters.add("% " + part + "%");
                whereParameters.add(part);
                // a whole-word match ranks above a prefix match, which ranks above a misspelling
                rank.append(" + word_similarity(?, p.name_key) + case when p.name_key like ? then 0.5 else 0 end");
                rankParameters.add(part);
                rankParameters.add("% " + part + " %");
            } else {
                where.append(" and p.name_key like ?");
                whereParameters.add("% " + part + "%");
                if (dialect == Dialect.POSTGRESQL) {
                    rank.append(" + case when p.name_key like ? then 0.5 else 0 end");
                    rankParameters.add("% " + part + " %");
                }
            }
        }
    }

    /**
     * One page of matches, best first; every row also carries the total number of matches
     * ({@code count(*) over ()}), so a page and its total cost one scan, not two.
     */
    public Statement page(int first, int max) {
        List<Object> parameters = new ArrayList<>(rankParameters);
        parameters.addAll(whereParameters);
        parameters.add(max);
        parameters.add(first);
        String order = dialect == Dialect.POSTGRESQL ? " order by relevance desc, p.family_name, p.given_name, p.birth_date, p.id"
                : " order by p.family_name, p.given_name, p.birth_date, p.id";
        return new Statement("select " + COLUMNS + ", (" + rank + ") as relevance, count(*) over () as total"
                + " from patient p" + where + order
                + " limit ? offset ?", parameters);
    }

    /** How many patients match in all (needed only when a page beyond the last one was asked for). */
    public Statement count() {
        return new Statement("select count(*) from patient p" + where, List.copyOf(whereParameters));
    }

    /** Digits of a phone number as the search compares them: the last 10 (or all, if fewer). */
    public static String phoneTail(String phone) {
        String digits = Patient.phoneKey(phone);
        return digits == null ? "" : digits.length() > 10 ? digits.substring(digits.length() - 10) : digits;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String prefix(String s) {
        return s.replace("%", "").replace("_", "").replace("\\", "") + "%";
    }
}
