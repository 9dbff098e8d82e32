package org.asclepius.bench.mpi;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Builds the labelled set from Synthea's patients.csv with a fixed seed: every Synthea patient once, a duplicate
 * with realistic registration errors for 12 % of them, and hard negatives (twins, relatives sharing address and
 * phone, namesakes born the same day). Writes records.csv, truth.csv and labelled-set.properties.
 *
 * <p>Usage: {@code GenerateLabelledSet <patients.csv> <output dir> <seed> [national-ID coverage]}. The coverage
 * (default 1.0: every Synthea patient has an SSN) is the share of people whose national ID is on file; below 1.0
 * the rest are registered without one, duplicates and hard negatives included (the stress variant).
 */
public final class GenerateLabelledSet {
    static final double DUPLICATE_RATE = 0.12;
    static final double TWIN_RATE = 0.015;
    static final double RELATIVE_RATE = 0.02;
    static final double NAMESAKE_RATE = 0.015;
    /** share of Synthea patients given a phone (Synthea's CSV has no phone column) */
    static final double PHONE_RATE = 0.9;
    /** Synthea's "today" for the generation (synthea/pom.xml reference.date) */
    static final LocalDate REFERENCE_DATE = LocalDate.of(2025, 1, 1);
    static final String[] AREA_CODES = {"617", "508", "781", "978", "413", "339", "351", "774", "857"};

    /** The error types a duplicate may carry, with their relative frequency. */
    enum ErrorType {
        TYPO_FAMILY("typo_family", 12),
        TYPO_GIVEN("typo_given", 12),
        NICKNAME("nickname", 8),
        DOB_SWAP_DAY_MONTH("dob_swap_day_month", 6),
        DOB_TYPO("dob_typo", 8),
        PHONE_MISSING("phone_missing", 7),
        PHONE_CHANGED("phone_changed", 7),
        ADDRESS_MOVED("address_moved", 9),
        ADDRESS_MISSING("address_missing", 5),
        MAIDEN_NAME("maiden_name", 6),
        NAMES_SWAPPED("names_swapped", 3),
        NATIONAL_ID_MISSING("national_id_missing", 16),
        NATIONAL_ID_TYPO("national_id_typo", 2),
        MIDDLE_NAME_MISSING("middle_name_missing", 6);

        final String code;
        final int weight;

        ErrorType(String code, int weight) {
            this.code = code;
            this.weight = weight;
        }
    }

    /** Errors that would compound on one field; a duplicate carries at most one of each group. */
    static final List<Set<ErrorType>> EXCLUSIVE = List.of(
            EnumSet.of(ErrorType.TYPO_GIVEN, ErrorType.NICKNAME, ErrorType.NAMES_SWAPPED),
            EnumSet.of(ErrorType.TYPO_FAMILY, ErrorType.MAIDEN_NAME, ErrorType.NAMES_SWAPPED),
            EnumSet.of(ErrorType.DOB_SWAP_DAY_MONTH, ErrorType.DOB_TYPO),
            EnumSet.of(ErrorType.PHONE_MISSING, ErrorType.PHONE_CHANGED),
            EnumSet.of(ErrorType.ADDRESS_MOVED, ErrorType.ADDRESS_MISSING),
            EnumSet.of(ErrorType.NATIONAL_ID_MISSING, ErrorType.NATIONAL_ID_TYPO));

    /** One record of the labelled set. person = the real individual (hidden from the evaluation). */
    static final class Rec {
        String id;
        int person;
        String family;
        String given;
        String middle;
        String maiden;
        String sex;
        LocalDate birthDate;
        String phone;
        String line;
        String city;
        String postalCode;
        String nationalId;

        Rec copy() {
            Rec r = new Rec();
            r.person = person;
            r.family = family;
            r.given = given;
            r.middle = middle;
            r.maiden = maiden;
            r.sex = sex;
            r.birthDate = birthDate;
            r.phone = phone;
            r.line = line;
            r.city = city;
            r.postalCode = postalCode;
            r.nationalId = nationalId;
            return r;
        }
    }

    record Pair(Rec a, Rec b, String label, String kind, String errors) {
    }

    private final SplittableRandom random;
    private final Set<String> usedIds = new HashSet<>();
    private final Set<String> usedPhones = new HashSet<>();
    private final Map<String, List<String>> givenBySex = new HashMap<>();
    private final Map<String, List<String>> middleBySex = new HashMap<>();
    private double middleShare;

    private final double nationalIdCoverage;

    GenerateLabelledSet(long seed, double nationalIdCoverage) {
        this.random = new SplittableRandom(seed);
        this.nationalIdCoverage = nationalIdCoverage;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3 || args.length > 4) {
            System.err.println("usage: GenerateLabelledSet <patients.csv> <output dir> <seed> [national-ID coverage]");
            System.exit(2);
        }
        Path patients = Path.of(args[0]);
        Path out = Path.of(args[1]);
        long seed = Long.parseLong(args[2]);
        double coverage = args.length == 4 ? Double.parseDouble(args[3]) : 1.0;
        long start = System.nanoTime();
        List<Rec> originals = readSynthea(patients);
        GenerateLabelledSet generator = new GenerateLabelledSet(seed, coverage);
        List<Rec> records = new ArrayList<>();
        List<Pair> truth = new ArrayList<>();
        Map<String, Integer> counts = generator.build(originals, records, truth);
        write(out, records, truth);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("seed", Long.toString(seed));
        meta.put("national_id_coverage", Double.toString(coverage));
        meta.put("source", patients.toString());
        counts.forEach((k, v) -> meta.put(k, Integer.toString(v)));
        StringBuilder props = new StringBuilder("# labelled set for bench/mpi-quality\n");
        meta.forEach((k, v) -> props.append(k).append('=').append(v.replace("\\", "/")).append('\n'));
        Files.writeString(out.resolve("labelled-set.properties"), props);
        System.out.printf(Locale.ROOT, "labelled set (seed %d) in %s: %s, %.1f s%n", seed, out, counts,
                (System.nanoTime() - start) / 1e9);
    }

    // ------------------------------------------------------------------ reading Synthea

    static List<Rec> readSynthea(Path patients) throws IOException {
        List<Rec> list = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(patients, StandardCharsets.UTF_8)) {
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
            List<CSVRecord> rows = new ArrayList<>(format.parse(in).getRecords());
            // Synthea writes with several threads: sort by its (seeded) patient id so the order is reproducible
            rows.sort(Comparator.comparing(r -> r.get("Id")));
            int person = 0;
            for (CSVRecord row : rows) {
                Rec r = new Rec();
                r.person = person++;
                r.given = clean(row.get("FIRST"));
                r.middle = clean(row.get("MIDDLE"));
                r.family = clean(row.get("LAST"));
                r.maiden = clean(row.get("MAIDEN"));
                r.sex = "F".equals(row.get("GENDER")) ? "FEMALE" : "MALE";
                r.birthDate = LocalDate.parse(row.get("BIRTHDATE"));
                r.line = blankToNull(row.get("ADDRESS"));
                r.city = blankToNull(row.get("CITY"));
                r.postalCode = blankToNull(row.get("ZIP"));
                r.nationalId = blankToNull(row.get("SSN"));
                list.add(r);
            }
        }
        return list;
    }

    /** Synthea appends digits to names (Dionne995): strip them. */
    static String clean(String name) {
        if (name == null) {
            return null;
        }
        String s = name.replaceAll("[0-9]", "").trim().replaceAll("\\s+", " ");
        return s.isEmpty() ? null : s;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    // ------------------------------------------------------------------ building the set

    Map<String, Integer> build(List<Rec> originals, List<Rec> records, List<Pair> truth) {
        for (Rec r : originals) {
            usedIds.add(digits(r.nationalId));
            if (r.given != null) {
                givenBySex.computeIfAbsent(r.sex, k -> new ArrayList<>()).add(r.given);
            }
            if (r.middle != null) {
                middleBySex.computeIfAbsent(r.sex, k -> new ArrayList<>()).add(r.middle);
            }
        }
        middleShare = originals.stream().filter(r -> r.middle != null).count() / (double) originals.size();
        for (Rec r : originals) {
            r.phone = random.nextDouble() < PHONE_RATE ? newPhone() : null;
            if (nationalIdCoverage < 1.0 && random.nextDouble() >= nationalIdCoverage) {
                r.nationalId = null;
            }
            records.add(r);
        }
        int n = originals.size();
        int nextPerson = n;
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("synthea_patients", n);

        List<Rec> shuffled = new ArrayList<>(originals);
        shuffle(shuffled);
        int duplicates = (int) Math.ceil(DUPLICATE_RATE * n);
        Map<ErrorType, Integer> perType = new EnumMap<>(ErrorType.class);
        for (int i = 0; i < duplicates; i++) {
            Rec original = shuffled.get(i);
            Rec dup = original.copy();
            List<ErrorType> errors = applyErrors(original, dup, shuffled);
            records.add(dup);
            StringBuilder codes = new StringBuilder();
            for (ErrorType e : errors) {
                codes.append(codes.length() == 0 ? "" : ";").append(e.code);
                perType.merge(e, 1, Integer::sum);
            }
            truth.add(new Pair(original, dup, "match", "duplicate", codes.toString()));
        }
        counts.put("duplicates", duplicates);
        perType.forEach((k, v) -> counts.put("error." + k.code, v));

        // hard negatives: drawn independently of the duplicates, so a patient may have both
        int twins = (int) Math.ceil(TWIN_RATE * n);
        for (int i = 0; i < twins; i++) {
            Rec p = originals.get(random.nextInt(n));
            Rec t = p.copy();
            t.person = nextPerson++;
            t.sex = random.nextBoolean() ? p.sex : other(p.sex);
            t.given = differentName(givenBySex.get(t.sex), p.given);
            t.middle = randomMiddle(t.sex, p.middle);
            t.maiden = null;
            t.nationalId = newNationalIdOrNone();
            records.add(t);
            truth.add(new Pair(p, t, "non-match", "twin", ""));
        }
        counts.put("twins", twins);
        int relatives = (int) Math.ceil(RELATIVE_RATE * n);
        List<Rec> households = originals.stream().filter(r -> r.phone != null && r.line != null).toList();
        for (int i = 0; i < relatives; i++) {
            Rec p = households.get(random.nextInt(households.size()));
            Rec t = p.copy();
            t.person = nextPerson++;
            t.sex = random.nextBoolean() ? "FEMALE" : "MALE";
            t.given = differentName(givenBySex.get(t.sex), p.given);
            t.middle = randomMiddle(t.sex, p.middle);
            t.maiden = null;
            t.birthDate = relativeBirthDate(p.birthDate);
            t.nationalId = newNationalIdOrNone();
            records.add(t);
            truth.add(new Pair(p, t, "non-match", "relative", ""));
        }
        counts.put("relatives", relatives);
        int namesakes = (int) Math.ceil(NAMESAKE_RATE * n);
        for (int i = 0; i < namesakes; i++) {
            Rec p = originals.get(random.nextInt(n));
            Rec t = p.copy();
            t.person = nextPerson++;
            t.middle = randomMiddle(t.sex, p.middle);
            t.maiden = null;
            moveToAnotherAddress(t, originals);
            t.phone = random.nextDouble() < PHONE_RATE ? newPhone() : null;
            t.nationalId = newNationalIdOrNone();
            records.add(t);
            truth.add(new Pair(p, t, "non-match", "same-name-dob", ""));
        }
        counts.put("same_name_dob", namesakes);

        shuffle(records);
        for (int i = 0; i < records.size(); i++) {
            records.get(i).id = String.format(Locale.ROOT, "R%06d", i + 1);
        }
        counts.put("records", records.size());
        return counts;
    }

    private List<ErrorType> applyErrors(Rec original, Rec dup, List<Rec> all) {
        double roll = random.nextDouble();
        int wanted = roll < 0.55 ? 1 : roll < 0.88 ? 2 : 3;
        List<ErrorType> chosen = new ArrayList<>();
        for (int attempt = 0; attempt < 50 && chosen.size() < wanted; attempt++) {
            ErrorType e = pick();
            if (chosen.contains(e) || !applicable(e, original) || conflicts(e, chosen)) {
                continue;
            }
            chosen.add(e);
        }
        chosen.sort(Comparator.naturalOrder());
        for (ErrorType e : chosen) {
            apply(e, dup, all);
        }
        // harmless format differences clerks produce; not errors, so not tagged
        if (dup.phone != null && random.nextDouble() < 0.5) {
            dup.phone = reformatPhone(dup.phone);
        }
        if (dup.nationalId != null && random.nextDouble() < 0.3) {
            dup.nationalId = digits(dup.nationalId);
        }
        if (random.nextDouble() < 0.1) {
            dup.family = dup.family == null ? null : dup.family.toUpperCase(Locale.ROOT);
            dup.given = dup.given == null ? null : dup.given.toUpperCase(Locale.ROOT);
        }
        return chosen;
    }

    private ErrorType pick() {
        int total = 0;
        for (ErrorType e : ErrorType.values()) {
            total += e.weight;
        }
        int r = random.nextInt(total);
        for (ErrorType e : ErrorType.values()) {
            r -= e.weight;
            if (r < 0) {
                return e;
            }
        }
        throw new IllegalStateException();
    }

    private static boolean conflicts(ErrorType e, List<ErrorType> chosen) {
        for (Set<ErrorType> group : EXCLUSIVE) {
            if (group.contains(e) && chosen.stream().anyMatch(group::contains)) {
                return true;
            }
        }
        return false;
    }

    private static boolean applicable(ErrorType e, Rec r) {
        LocalDate d = r.birthDate;
        return switch (e) {
            case TYPO_FAMILY -> r.family != null && r.family.length() >= 3;
            case TYPO_GIVEN -> r.given != null && r.given.length() >= 3;
            case NICKNAME -> r.given != null && GeneratorNicknames.has(r.given);
            case DOB_SWAP_DAY_MONTH -> d.getDayOfMonth() <= 12 && d.getDayOfMonth() != d.getMonthValue();
            case DOB_TYPO -> true;
            case PHONE_MISSING, PHONE_CHANGED -> r.phone != null;
            case ADDRESS_MOVED -> true;
            case ADDRESS_MISSING -> r.line != null;
            case MAIDEN_NAME -> "FEMALE".equals(r.sex) && r.maiden != null && !r.maiden.equalsIgnoreCase(r.family);
            case NAMES_SWAPPED -> r.given != null && r.family != null;
            case NATIONAL_ID_MISSING, NATIONAL_ID_TYPO -> r.nationalId != null;
            case MIDDLE_NAME_MISSING -> r.middle != null;
        };
    }

    private void apply(ErrorType e, Rec r, List<Rec> all) {
        switch (e) {
            case TYPO_FAMILY -> r.family = Typos.name(r.family, random);
            case TYPO_GIVEN -> r.given = Typos.name(r.given, random);
            case NICKNAME -> r.given = GeneratorNicknames.nicknameOf(r.given, random);
            case DOB_SWAP_DAY_MONTH -> r.birthDate = LocalDate.of(r.birthDate.getYear(), r.birthDate.getDayOfMonth(),
                    r.birthDate.getMonthValue());
            case DOB_TYPO -> r.birthDate = Typos.birthDate(r.birthDate, REFERENCE_DATE, random);
            case PHONE_MISSING -> r.phone = null;
            case PHONE_CHANGED -> r.phone = newPhone();
            case ADDRESS_MOVED -> moveToAnotherAddress(r, all);
            case ADDRESS_MISSING -> {
                r.line = null;
                r.city = null;
                r.postalCode = null;
            }
            case MAIDEN_NAME -> {
                r.family = r.maiden;
                r.maiden = null;
            }
            case NAMES_SWAPPED -> {
                String g = r.given;
                r.given = r.family;
                r.family = g;
            }
            case NATIONAL_ID_MISSING -> r.nationalId = null;
            case NATIONAL_ID_TYPO -> r.nationalId = Typos.identifier(r.nationalId, random);
            case MIDDLE_NAME_MISSING -> r.middle = null;
        }
    }

    // ------------------------------------------------------------------ helpers

    private void moveToAnotherAddress(Rec r, List<Rec> all) {
        for (int attempt = 0; attempt < 100; attempt++) {
            Rec other = all.get(random.nextInt(all.size()));
            if (other.line != null && !other.line.equalsIgnoreCase(r.line == null ? "" : r.line)) {
                r.line = other.line;
                r.city = other.city;
                r.postalCode = other.postalCode;
                return;
            }
        }
    }

    private LocalDate relativeBirthDate(LocalDate of) {
        for (;;) {
            int years = 1 + random.nextInt(40);
            LocalDate d = of.plusYears(random.nextBoolean() ? years : -years)
                    .withDayOfYear(1).plusDays(random.nextInt(365));
            if (!d.isAfter(REFERENCE_DATE) && !d.equals(of)) {
                return d;
            }
        }
    }

    private String differentName(List<String> pool, String not) {
        for (;;) {
            String name = pool.get(random.nextInt(pool.size()));
            if (not == null || !name.equalsIgnoreCase(not)) {
                return name;
            }
        }
    }

    private String randomMiddle(String sex, String not) {
        if (random.nextDouble() >= middleShare) {
            return null;
        }
        return differentName(middleBySex.get(sex), not);
    }

    private static String other(String sex) {
        return "FEMALE".equals(sex) ? "MALE" : "FEMALE";
    }

    private String newPhone() {
        for (;;) {
            String area = AREA_CODES[random.nextInt(AREA_CODES.length)];
            String exchange = Integer.toString(200 + random.nextInt(800));
            String line = String.format(Locale.ROOT, "%04d", random.nextInt(10000));
            String last7 = exchange + line;
            if (usedPhones.add(last7)) {
                return random.nextBoolean() ? "(" + area + ") " + exchange + "-" + line
                        : area + "-" + exchange + "-" + line;
            }
        }
    }

    private String reformatPhone(String phone) {
        String d = digits(phone);
        return switch (random.nextInt(3)) {
            case 0 -> d;
            case 1 -> "+1 " + d.substring(0, 3) + " " + d.substring(3, 6) + " " + d.substring(6);
            default -> d.substring(0, 3) + "." + d.substring(3, 6) + "." + d.substring(6);
        };
    }

    private String newNationalIdOrNone() {
        return nationalIdCoverage < 1.0 && random.nextDouble() >= nationalIdCoverage ? null : newNationalId();
    }

    private String newNationalId() {
        for (;;) {
            String id = String.format(Locale.ROOT, "999-%02d-%04d", random.nextInt(100), random.nextInt(10000));
            if (usedIds.add(digits(id))) {
                return id;
            }
        }
    }

    static String digits(String s) {
        return s == null ? null : s.replaceAll("[^0-9]", "");
    }

    private <T> void shuffle(List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, random.nextInt(i + 1));
        }
    }

    // ------------------------------------------------------------------ writing

    static final String[] RECORD_HEADER = {"record_id", "family_name", "given_name", "middle_name", "maiden_name",
        "sex", "birth_date", "phone", "address_line", "city", "postal_code", "national_id"};
    static final String[] TRUTH_HEADER = {"record_a", "record_b", "label", "kind", "error_types"};

    static void write(Path dir, List<Rec> records, List<Pair> truth) throws IOException {
        Files.createDirectories(dir);
        List<Rec> byId = new ArrayList<>(records);
        byId.sort(Comparator.comparing(r -> r.id));
        try (Writer w = Files.newBufferedWriter(dir.resolve("records.csv"), StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(RECORD_HEADER).get())) {
            for (Rec r : byId) {
                csv.printRecord(r.id, r.family, r.given, r.middle, r.maiden, r.sex,
                        r.birthDate == null ? null : r.birthDate.toString(), r.phone, r.line, r.city, r.postalCode,
                        r.nationalId);
            }
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve("truth.csv"), StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(TRUTH_HEADER).get())) {
            for (Pair p : truth) {
                csv.printRecord(p.a().id, p.b().id, p.label(), p.kind(), p.errors());
            }
        }
    }
}
