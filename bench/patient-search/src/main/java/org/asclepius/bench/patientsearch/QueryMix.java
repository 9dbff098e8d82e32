package org.asclepius.bench.patientsearch;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
/**
 * Draws the searches from the loaded data (a seeded random sample of patients) so that every search names a real
 * patient: name parts in any order and partly typed, a misspelled name, family name with date of birth, MRN,
 * national ID, phone. The mix is given as kind=weight pairs.
 */
final class QueryMix {
    static final String DEFAULT_MIX = "partial-name=30,misspelled-name=15,family-birthdate=25,mrn=15,national-id=10,phone=5";
    static final String MRN_SYSTEM = "urn:asclepius:id:mrn";
    static final String NATIONAL_ID_SYSTEM = "urn:asclepius:id:national-id";

    private record Person(long id, String mrn, String family, String given, String middle, String birthDate,
                          String phone, String nationalId) {
    }

    private QueryMix() {
    }

    static Map<String, Double> parseMix(String mix) {
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String part : mix.split(",")) {
            String[] kv = part.trim().split("=");
            double w = Double.parseDouble(kv[1]);
            if (w > 0) {
                weights.put(kv[0].trim(), w);
            }
        }
        for (String kind : weights.keySet()) {
            if (!List.of("partial-name", "misspelled-name", "family-birthdate", "mrn", "national-id", "phone").contains(kind)) {
                throw new IllegalArgumentException("unknown query kind '" + kind + "' in --mix");
            }
        }
        return weights;
    }

    static List<BenchQuery> build(Connection c, int count, Map<String, Double> weights, long seed) throws SQLException {
        SplittableRandom random = new SplittableRandom(seed);
        long minId = single(c, "select coalesce(min(id), 0) from patient");
        long maxId = single(c, "select coalesce(max(id), 0) from patient");
        long minIdent = single(c, "select coalesce(min(id), 0) from patient_identifier where id_type = 'NATIONAL_ID'");
        long maxIdent = single(c, "select coalesce(max(id), 0) from patient_identifier where id_type = 'NATIONAL_ID'");
        if (maxId == 0) {
            throw new IllegalStateException("no patients in the database: load them first");
        }
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        List<BenchQuery> queries = new ArrayList<>(count);
        String personSql = "select p.id, p.mrn, p.family_name, p.given_name, p.middle_name, p.birth_date::text, p.phone,"
                + " (select i.id_value from patient_identifier i where i.patient_id = p.id and i.id_type = 'NATIONAL_ID'"
                + " limit 1) from patient p where p.id >= ? order by p.id limit 1";
        String byIdentSql = "select i.patient_id from patient_identifier i where i.id >= ? and i.id_type = 'NATIONAL_ID'"
                + " order by i.id limit 1";
        try (PreparedStatement person = c.prepareStatement(personSql);
             PreparedStatement byIdent = c.prepareStatement(byIdentSql)) {
            for (int i = 0; i < count; i++) {
                double u = random.nextDouble() * total;
                String kind = null;
                for (Map.Entry<String, Double> e : weights.entrySet()) {
                    kind = e.getKey();
                    u -= e.getValue();
                    if (u < 0) {
                        break;
                    }
                }
                Person p = null;
                for (int attempt = 0; attempt < 20 && p == null; attempt++) {
                    long start;
                    if (kind.equals("national-id") && maxIdent > 0) {
                        byIdent.setLong(1, minIdent + (long) (random.nextDouble() * (maxIdent - minIdent + 1)));
                        try (ResultSet rs = byIdent.executeQuery()) {
                            start = rs.next() ? rs.getLong(1) : minId;
                        }
                    } else {
                        start = minId + (long) (random.nextDouble() * (maxId - minId + 1));
                    }
                    person.setLong(1, start);
                    try (ResultSet rs = person.executeQuery()) {
                        if (rs.next()) {
                            Person candidate = new Person(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                    rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8));
                            if (usable(kind, candidate)) {
                                p = candidate;
                            }
                        }
                    }
                }
                if (p == null) {
                    throw new IllegalStateException("found no patient for a '" + kind + "' search (is the data loaded?)");
                }
                queries.add(new BenchQuery(i, kind, fhirQuery(kind, p, random), p.id()));
            }
        }
        return queries;
    }

    private static boolean usable(String kind, Person p) {
        return switch (kind) {
            case "national-id" -> p.nationalId() != null;
            case "phone" -> p.phone() != null;
            case "misspelled-name" -> p.family().length() >= 5;
            default -> true;
        };
    }

    private static String fhirQuery(String kind, Person p, SplittableRandom random) {
        return switch (kind) {
            case "partial-name" -> {
                // what a clerk types: the start of the family name and of the given name, in either order
                String family = firstWord(p.family());
                String f = family.substring(0, Math.min(family.length(), 3 + random.nextInt(Math.max(1, family.length() - 2))));
                String g = p.given().substring(0, Math.min(p.given().length(), 2 + random.nextInt(Math.max(1, p.given().length() - 1))));
                String name = random.nextBoolean() ? f + " " + g : g + " " + f;
                yield "name=" + enc(random.nextInt(4) == 0 ? name.toLowerCase(Locale.ROOT) : name);
            }
            case "misspelled-name" -> {
                String family = misspell(firstWord(p.family()), random);
                yield "name=" + enc(random.nextBoolean() ? p.given() + " " + family : family + " " + p.given());
            }
            case "family-birthdate" -> "family=" + enc(p.family()) + "&birthdate=" + p.birthDate();
            case "mrn" -> "identifier=" + enc(MRN_SYSTEM + "|" + p.mrn());
            case "national-id" -> "identifier=" + enc(NATIONAL_ID_SYSTEM + "|" + p.nationalId());
            case "phone" -> "phone=" + enc(p.phone());
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static String firstWord(String s) {
        int sp = s.indexOf(' ');
        return sp > 0 ? s.substring(0, sp) : s;
    }

    /** One typing error away from the name, never in the first letter: a wrong, missing, extra or swapped letter. */
    static String misspell(String name, SplittableRandom random) {
        String letters = "abcdefghijklmnopqrstuvwxyz";
        int pos = 1 + random.nextInt(name.length() - 1);
        StringBuilder sb = new StringBuilder(name);
        switch (random.nextInt(4)) {
            case 0 -> {
                char old = Character.toLowerCase(sb.charAt(pos));
                char repl;
                do {
                    repl = letters.charAt(random.nextInt(26));
                } while (repl == old);
                sb.setCharAt(pos, repl);
            }
            case 1 -> sb.deleteCharAt(pos);
            case 2 -> sb.insert(pos, letters.charAt(random.nextInt(26)));
            default -> {
                if (pos == name.length() - 1) {
                    pos--;
                }
                if (pos < 1) {
                    sb.deleteCharAt(1);
                } else {
                    char a = sb.charAt(pos);
                    sb.setCharAt(pos, sb.charAt(pos + 1));
                    sb.setCharAt(pos + 1, a);
                }
            }
        }
        String out = sb.toString();
        return out.equalsIgnoreCase(name) ? misspell(name, random) : out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
