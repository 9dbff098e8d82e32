package org.asclepius.bench.patientsearch;

import java.io.IOException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.asclepius.hms.patient.IdentifierType;
import org.asclepius.hms.patient.MedicalRecordNumber;
import org.asclepius.hms.patient.Patient;
/**
 * Synthetic patients sampled from the frequency tables. Names, streets and towns come from Synthea's output
 * (see {@link TableBuilder}); ages follow the age pyramid below; the name key and MRN are computed by the
 * application's own code ({@link Patient#nameKey}, {@link MedicalRecordNumber#fromSequence}), identifiers are
 * normalised by {@link IdentifierType#normalize}. Deterministic for a seed.
 */
final class PatientGenerator {
    /**
     * Age pyramid: share of the population per 5-year age group 0-4 ... 100-104, approximately the US 2020 census
     * (Synthea's own run gives a similar shape but 1 % centenarians, too many).
     */
    static final double[] AGE_GROUP_SHARES = {5.7, 6.0, 6.5, 6.6, 6.4, 6.7, 6.9, 6.6, 6.3, 5.9, 6.2, 6.5, 6.4, 5.5,
            4.5, 3.0, 1.9, 1.2, 0.6, 0.15, 0.03};
    /** Massachusetts area codes (Synthea's people live in Massachusetts). */
    static final String[] AREA_CODES = {"617", "857", "508", "774", "781", "339", "978", "351", "413"};
    static final String[] KIN_RELATIONSHIPS = {"Spouse", "Spouse", "Spouse", "Mother", "Father", "Daughter", "Son",
            "Sister", "Brother", "Partner", "Friend", "Guardian"};
    static final String[] CHILD_KIN = {"Mother", "Mother", "Father", "Father", "Guardian", "Grandmother"};
    static final String[] MAIL_DOMAINS = {"example.com", "example.org", "example.net"};

    record Identifier(String type, String value) {
    }

    record Row(long id, String mrn, String familyName, String givenName, String middleName, String nameKey,
               String sex, LocalDate birthDate, String line1, String line2, String city, String state,
               String postalCode, String country, String phone, String email, String kinName,
               String kinRelationship, String kinPhone, Instant createdAt, List<Identifier> identifiers) {
    }

    private final SplittableRandom random;
    private final FrequencyTable given;
    private final FrequencyTable family;
    private final FrequencyTable.Group street;
    private final FrequencyTable.Group secondary;
    private final FrequencyTable.Group city;
    private final double femaleShare;
    private final double hispanicShare;
    private final double middleShare;
    private final double[] ageCumulative;
    private final LocalDate today;
    private final Instant now;
    final double nationalIdShare;
    final double passportShare;
    final double memberIdShare;
    final double doubleSurnameShare;

    PatientGenerator(long seed, String tableDir, String shape, double zipfS, double zipfQ, double nationalIdShare,
                     double passportShare, double memberIdShare, double doubleSurnameShare) throws IOException {
        this.random = new SplittableRandom(seed);
        this.given = new FrequencyTable(FrequencyTable.read(tableDir, "given.tsv"), 2, shape, zipfS, zipfQ);
        this.family = new FrequencyTable(FrequencyTable.read(tableDir, "family.tsv"), 1, shape, zipfS, zipfQ);
        // streets and towns keep their observed frequencies: towns are weighted by population in Synthea
        this.street = new FrequencyTable(FrequencyTable.read(tableDir, "street.tsv"), 0, "observed", 0, 0).group("");
        this.secondary = new FrequencyTable(FrequencyTable.read(tableDir, "secondary.tsv"), 0, "observed", 0, 0).group("");
        this.city = new FrequencyTable(FrequencyTable.read(tableDir, "city.tsv"), 0, "observed", 0, 0).group("");
        Map<String, String> meta = FrequencyTable.meta(tableDir);
        this.femaleShare = Double.parseDouble(meta.get("female_share"));
        this.hispanicShare = Double.parseDouble(meta.get("hispanic_share"));
        this.middleShare = Double.parseDouble(meta.get("middle_name_share"));
        this.nationalIdShare = nationalIdShare;
        this.passportShare = passportShare;
        this.memberIdShare = memberIdShare;
        this.doubleSurnameShare = doubleSurnameShare;
        double sum = 0;
        ageCumulative = new double[AGE_GROUP_SHARES.length];
        for (int i = 0; i < AGE_GROUP_SHARES.length; i++) {
            sum += AGE_GROUP_SHARES[i];
            ageCumulative[i] = sum;
        }
        for (int i = 0; i < ageCumulative.length; i++) {
            ageCumulative[i] /= sum;
        }
        this.today = LocalDate.now();
        this.now = Instant.now();
    }

    String describe() {
        return String.format(Locale.ROOT, "family names %d (top %.2f %%), given names F %d / M %d, streets %d, "
                        + "towns/postal codes %d", family.group("nonhispanic").size() + family.group("hispanic").size(),
                100 * family.group("nonhispanic").topShare(), given.group("F\tnonhispanic").size(),
                given.group("M\tnonhispanic").size(), street.size(), city.size());
    }

    /** One patient; {@code ordinal} makes the identifiers unique (a permutation of it). */
    Row next(long id, long mrnSequence, long ordinal) {
        double u = random.nextDouble();
        String sex = u < 0.002 ? "UNKNOWN" : u < 0.005 ? "OTHER" : u < 0.005 + femaleShare * 0.995 ? "FEMALE" : "MALE";
        String nameSex = sex.equals("FEMALE") ? "F" : sex.equals("MALE") ? "M" : random.nextBoolean() ? "F" : "M";
        String eth = random.nextDouble() < hispanicShare ? "hispanic" : "nonhispanic";
        FrequencyTable.Group givenNames = given.group(nameSex + "\t" + eth);
        String givenName = givenNames.sample(random);
        String middleName = random.nextDouble() < middleShare ? givenNames.sample(random) : null;
        if (givenName.equals(middleName)) {
            middleName = null;
        }
        String familyName = family.group(eth).sample(random);
        if (eth.equals("hispanic") && random.nextDouble() < doubleSurnameShare) {
            String second = family.group(eth).sample(random);
            if (!second.equals(familyName)) {
                familyName = familyName + " " + second;
            }
        }
        LocalDate birthDate = birthDate();
        String line1 = null;
        String line2 = null;
        String town = null;
        String state = null;
        String postal = null;
        String country = null;
        if (random.nextDouble() < 0.95) {
            line1 = (1 + random.nextInt(random.nextDouble() < 0.8 ? 999 : 9999)) + " " + street.sample(random);
            String unit = secondary.sample(random);
            if (!unit.equals("none")) {
                line2 = unit + " " + (1 + random.nextInt(99));
            }
            String[] place = city.sample(random).split("\t", -1);
            town = place[1];
            state = place[0];
            postal = place.length > 2 && !place[2].isEmpty() ? place[2] : null;
            country = "US";
        }
        String phone = random.nextDouble() < 0.92 ? phone() : null;
        String email = null;
        if (random.nextDouble() < 0.45) {
            email = ascii(givenName) + (random.nextBoolean() ? "." : "") + ascii(familyName)
                    + (random.nextBoolean() ? Integer.toString(random.nextInt(100)) : "") + "@"
                    + MAIL_DOMAINS[random.nextInt(MAIL_DOMAINS.length)];
            if (email.length() > 120) {
                email = null;
            }
        }
        String kinName = null;
        String kinRelationship = null;
        String kinPhone = null;
        if (random.nextDouble() < 0.55) {
            String kinGiven = given.group((random.nextBoolean() ? "F" : "M") + "\t" + eth).sample(random);
            String kinFamily = random.nextDouble() < 0.7 ? familyName : family.group(eth).sample(random);
            kinName = kinGiven + " " + kinFamily;
            kinRelationship = birthDate.isAfter(today.minusYears(18))
                    ? CHILD_KIN[random.nextInt(CHILD_KIN.length)]
                    : KIN_RELATIONSHIPS[random.nextInt(KIN_RELATIONSHIPS.length)];
            kinPhone = random.nextDouble() < 0.9 ? phone() : null;
        }
        // registered some time in the last 15 years, not before birth
        LocalDate registeredFrom = birthDate.isAfter(today.minusYears(15)) ? birthDate : today.minusYears(15);
        long fromSecond = registeredFrom.atStartOfDay(java.time.ZoneOffset.UTC).toEpochSecond();
        Instant createdAt = Instant.ofEpochSecond(fromSecond + (long) (random.nextDouble()
                * Math.max(1, now.getEpochSecond() - fromSecond)));

        List<Identifier> ids = new ArrayList<>(3);
        if (random.nextDouble() < nationalIdShare) {
            // SSN-like, unique: a permutation of the ordinal over 9 digits
            long v = permute(ordinal, 1_000_000_000L, 387_420_489L, 123_456_789L);
            String s = String.format("%09d", v);
            ids.add(new Identifier(IdentifierType.NATIONAL_ID, IdentifierType.normalize(
                    s.substring(0, 3) + "-" + s.substring(3, 5) + "-" + s.substring(5))));
        }
        if (random.nextDouble() < passportShare) {
            long v = permute(ordinal, 100_000_000L, 48_828_125L + 2, 7_654_321L);
            ids.add(new Identifier(IdentifierType.PASSPORT, IdentifierType.normalize(
                    (char) ('A' + (int) (v % 26)) + String.format("%08d", v))));
        }
        if (random.nextDouble() < memberIdShare) {
            long v = permute(ordinal, 10_000_000_000L, 3_486_784_401L, 1_234_567L);
            ids.add(new Identifier(IdentifierType.INSURANCE_MEMBER_ID, IdentifierType.normalize(
                    "MBR-" + String.format("%010d", v))));
        }
        return new Row(id, MedicalRecordNumber.fromSequence(mrnSequence), familyName, givenName, middleName,
                Patient.nameKey(givenName, middleName, familyName), sex, birthDate, line1, line2, town, state,
                postal, country, phone, email, kinName, kinRelationship, kinPhone, createdAt, ids);
    }

    private LocalDate birthDate() {
        double u = random.nextDouble();
        int group = 0;
        while (group < ageCumulative.length - 1 && u > ageCumulative[group]) {
            group++;
        }
        int ageDays = (int) ((group * 5 + random.nextDouble() * 5) * 365.25);
        return today.minusDays(Math.max(0, ageDays));
    }

    private String phone() {
        String area = AREA_CODES[random.nextInt(AREA_CODES.length)];
        int exchange = 200 + random.nextInt(800);
        int line = random.nextInt(10000);
        return random.nextDouble() < 0.85 ? String.format("%s-%03d-%04d", area, exchange, line)
                : String.format("+1 %s %03d %04d", area, exchange, line);
    }

    private static String ascii(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
    }

    /** (i * a + b) mod m: a bijection on [0, m) when gcd(a, m) = 1, so distinct ordinals give distinct values. */
    static long permute(long i, long m, long a, long b) {
        return (mulMod(i % m, a, m) + b) % m;
    }

    private static long mulMod(long x, long y, long m) {
        return java.math.BigInteger.valueOf(x).multiply(java.math.BigInteger.valueOf(y))
                .mod(java.math.BigInteger.valueOf(m)).longValue();
    }
}
