package org.asclepius.hms.patient.matching;

import static org.asclepius.hms.patient.matching.MatchWeights.*;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.asclepius.hms.patient.matching.FieldComparison.Agreement;
import org.asclepius.hms.patient.matching.MatchWeights.Level;

/**
 * A probabilistic (Fellegi–Sunter) record matcher for patients: each field is compared at several levels of
 * agreement, each level has a weight {@code log2(m/u)} (see {@link MatchWeights}), the score is their sum and the
 * grade follows from fixed thresholds. Every comparison comes with one explanation per field for the clerk.
 *
 * <p>{@link #blockingKeys} gives every record a handful of keys; only records sharing a key need comparing, so
 * a search for duplicates never compares all pairs.
 *
 * <p>Pure Java, immutable and thread-safe. Explanations carry patient data: never log them.
 */
public final class PatientMatcher {

    /*
     * The thresholds were chosen on the tuning run of bench/mpi-quality (Synthea seed 11, labelled set as generated
     * and its stress variant with national IDs for only 60 % of people) and frozen before the final run on seed 29.
     * Rules (whole-number thresholds 8..34 swept): PROBABLE maximises the mean F1 of the two tuning variants;
     * CERTAIN is the lowest threshold with no false positive in either, plus 2; POSSIBLE is the lowest threshold
     * at which precision on the tuning run is at least 0.9. See bench/README.md.
     */

    /**
     * Score from which a pair is CERTAIN. Identical records score about 68; name, date of birth, sex and national
     * ID agreeing score over 40.
     */
    public static final double CERTAIN_AT = 30.0;
    /**
     * Score from which a pair is PROBABLE: the operating point of duplicate detection, shown to the clerk as a
     * likely duplicate. Same name, sex and date of birth with nothing else on file scores 27; the same with a
     * different phone and address scores 22 (POSSIBLE: could be a namesake).
     */
    public static final double PROBABLE_AT = 23.0;
    /** Score from which a pair is POSSIBLE: worth a clerk's look, not proposed as the same person. */
    public static final double POSSIBLE_AT = 9.0;

    static final String FAMILY = "family name";
    static final String GIVEN = "given name";
    static final String MIDDLE = "middle name";
    static final String SEX = "sex";
    static final String BIRTH_DATE = "date of birth";
    static final String PHONE = "phone";
    static final String ADDRESS = "address";
    static final String NATIONAL_ID = "national ID";

    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MMdd", Locale.ROOT);
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("ddMM", Locale.ROOT);
    private static final DateTimeFormatter YMD = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);
    private static final PatientMatcher STANDARD = new PatientMatcher(Nicknames.load());

    private final Nicknames nicknames;

    private PatientMatcher(Nicknames nicknames) {
        this.nicknames = nicknames;
    }

    /** The matcher with the built-in weights, thresholds and nickname table. */
    public static PatientMatcher standard() {
        return STANDARD;
    }

    /** The grade a score reaches under the thresholds. */
    public static MatchGrade gradeOf(double score) {
        if (score >= CERTAIN_AT) {
            return MatchGrade.CERTAIN;
        }
        if (score >= PROBABLE_AT) {
            return MatchGrade.PROBABLE;
        }
        if (score >= POSSIBLE_AT) {
            return MatchGrade.POSSIBLE;
        }
        return MatchGrade.CERTAINLY_NOT;
    }

    /** Compares two records field by field. Null records or fields count as missing. */
    public MatchResult compare(MatchCandidateData a, MatchCandidateData b) {
        Prepared pa = new Prepared(a == null ? MatchCandidateData.empty() : a);
        Prepared pb = new Prepared(b == null ? MatchCandidateData.empty() : b);
        List<FieldComparison> fields = new ArrayList<>(8);
        FieldComparison[] names = compareNames(pa, pb);
        fields.add(names[0]);
        fields.add(names[1]);
        fields.add(compareMiddle(pa, pb));
        FieldComparison sex = compareSex(pa, pb);
        fields.add(sex);
        // relatives share phone and address but not given names: agreement then says "same household" only,
        // and in a household an equal date of birth says "twins" rather than "same person". Similar given names
        // with different sexes (Daniel / Danielle) are relatives too.
        boolean relatives = names[1].agreement() == Agreement.DISAGREE
                || names[1].agreement() == Agreement.PARTIAL && names[1].weight() <= GIVEN_TYPO.weight()
                        && sex.agreement() == Agreement.DISAGREE;
        FieldComparison phone = comparePhone(pa, pb, relatives);
        FieldComparison address = compareAddress(pa, pb, relatives);
        boolean household = relatives
                && (phone.agreement() == Agreement.EXACT || address.agreement() == Agreement.EXACT);
        fields.add(compareBirthDate(pa, pb, household));
        fields.add(phone);
        fields.add(address);
        fields.add(compareNationalId(pa, pb));
        double score = 0;
        for (FieldComparison f : fields) {
            score += f.weight();
        }
        return new MatchResult(score, gradeOf(score), fields);
    }

    /**
     * The blocking keys of a record: two records are candidates for comparison when they share at least one.
     * The keys are built so that a duplicate with one or two errors still shares a key with its original:
     * <ul>
     * <li>{@code F|} Double Metaphone of family name (and of maiden name) + birth year</li>
     * <li>{@code G|} Double Metaphone of given name, and of the formal name of its nickname groups, + month-day of
     * birth, also with day and month swapped</li>
     * <li>{@code S|} the two name codes sorted + birth year (given and family swapped)</li>
     * <li>{@code L|} first three letters of family (and maiden) name + date of birth</li>
     * <li>{@code P|} last 7 digits of the phone</li>
     * <li>{@code N|} national ID</li>
     * <li>{@code Z|} postal code + date of birth</li>
     * </ul>
     * The keys contain patient data (like an index): keep them where the records are, never in logs.
     */
    public Set<String> blockingKeys(MatchCandidateData data) {
        Set<String> keys = new LinkedHashSet<>();
        if (data == null) {
            return keys;
        }
        Prepared p = new Prepared(data);
        LocalDate dob = p.birthDate;
        String familyCode = MatchText.metaphone(p.family);
        String maidenCode = MatchText.metaphone(p.maiden);
        String givenCode = MatchText.metaphone(p.given);
        if (dob != null) {
            String year = Integer.toString(dob.getYear());
            String ymd = dob.format(YMD);
            if (familyCode != null) {
                keys.add("F|" + familyCode + "|" + year);
            }
            if (maidenCode != null) {
                keys.add("F|" + maidenCode + "|" + year);
            }
            if (p.given != null) {
                boolean swappable = dob.getDayOfMonth() <= 12 && dob.getDayOfMonth() != dob.getMonthValue();
                for (String name : nicknames.formalNames(p.given)) {
                    String code = MatchText.metaphone(name);
                    if (code != null) {
                        keys.add("G|" + code + "|" + dob.format(MONTH_DAY));
                        if (swappable) {
                            keys.add("G|" + code + "|" + dob.format(DAY_MONTH));
                        }
                    }
                }
            }
            if (familyCode != null && givenCode != null) {
                String first = familyCode.compareTo(givenCode) <= 0 ? familyCode : givenCode;
                String second = first.equals(familyCode) ? givenCode : familyCode;
                keys.add("S|" + first + "|" + second + "|" + year);
            }
            if (p.family != null) {
                keys.add("L|" + prefix(p.family) + "|" + ymd);
            }
            if (p.maiden != null) {
                keys.add("L|" + prefix(p.maiden) + "|" + ymd);
            }
            if (p.postalCode != null) {
                keys.add("Z|" + p.postalCode + "|" + ymd);
            }
        }
        if (p.phone != null) {
            keys.add("P|" + last(p.phone, 7));
        }
        if (p.nationalId != null) {
            keys.add("N|" + p.nationalId);
        }
        return keys;
    }

    // ------------------------------------------------------------------ names

    /** Family and given name together, as swapped names and maiden names involve both. */
    private FieldComparison[] compareNames(Prepared a, Prepared b) {
        FieldComparison family = compareFamily(a, b);
        FieldComparison given = compareGiven(a, b);
        boolean familyWeak = family.agreement() == Agreement.DISAGREE || family.weight() < FAMILY_TYPO.weight();
        boolean givenWeak = given.agreement() == Agreement.DISAGREE || given.weight() < GIVEN_TYPO.weight();
        if (familyWeak && givenWeak && a.family != null && a.given != null && b.family != null && b.given != null
                && close(a.family, b.given) && close(a.given, b.family)) {
            String pair = " (" + a.displayGiven + " " + a.displayFamily + " ~ " + b.displayGiven + " "
                    + b.displayFamily + ")";
            family = field(FAMILY, Agreement.PARTIAL, FAMILY_SWAPPED, "family name: swapped with given name" + pair);
            given = field(GIVEN, Agreement.PARTIAL, GIVEN_SWAPPED, "given name: swapped with family name" + pair);
        }
        return new FieldComparison[] {family, given};
    }

    private boolean close(String x, String y) {
        return x.equals(y) || MatchText.typo(x, y);
    }

    private FieldComparison compareFamily(Prepared a, Prepared b) {
        if (a.family == null || b.family == null) {
            return missing(FAMILY);
        }
        if (a.family.equals(b.family)) {
            return field(FAMILY, Agreement.EXACT, FAMILY_EXACT, "family name: same (" + b.displayFamily + ")");
        }
        if (a.family.equals(b.maiden)) {
            return field(FAMILY, Agreement.PARTIAL, FAMILY_MAIDEN, "family name: " + a.displayFamily
                    + " is the maiden name of " + b.displayGiven + " " + b.displayFamily);
        }
        if (b.family.equals(a.maiden)) {
            return field(FAMILY, Agreement.PARTIAL, FAMILY_MAIDEN, "family name: " + b.displayFamily
                    + " is the maiden name of " + a.displayGiven + " " + a.displayFamily);
        }
        if (MatchText.typo(a.family, b.family)) {
            return field(FAMILY, Agreement.PARTIAL, FAMILY_TYPO,
                    "family name: spelt differently (" + a.displayFamily + " ~ " + b.displayFamily + ")");
        }
        if (sharesPart(a.familyParts, b.familyParts)) {
            return field(FAMILY, Agreement.PARTIAL, FAMILY_TYPO,
                    "family name: one part matches (" + a.displayFamily + " ~ " + b.displayFamily + ")");
        }
        if (MatchText.soundAlike(a.family, b.family)) {
            return field(FAMILY, Agreement.PARTIAL, FAMILY_PHONETIC,
                    "family name: sounds alike (" + a.displayFamily + " ~ " + b.displayFamily + ")");
        }
        return field(FAMILY, Agreement.DISAGREE, FAMILY_DISAGREE,
                "family name: different (" + a.displayFamily + " / " + b.displayFamily + ")");
    }

    private static boolean sharesPart(List<String> a, List<String> b) {
        if (a.size() < 2 && b.size() < 2) {
            return false;
        }
        for (String part : a) {
            if (part.length() >= 3 && b.contains(part)) {
                return true;
            }
        }
        return false;
    }

    private FieldComparison compareGiven(Prepared a, Prepared b) {
        if (a.given == null || b.given == null) {
            return missing(GIVEN);
        }
        String pair = " (" + a.displayGiven + " ~ " + b.displayGiven + ")";
        if (a.given.equals(b.given)) {
            return field(GIVEN, Agreement.EXACT, GIVEN_EXACT, "given name: same (" + b.displayGiven + ")");
        }
        if (nicknames.same(a.given, b.given)) {
            return field(GIVEN, Agreement.PARTIAL, GIVEN_NICKNAME,
                    "given name: nickname (" + a.displayGiven + " = " + b.displayGiven + ")");
        }
        if (MatchText.typo(a.given, b.given)) {
            return field(GIVEN, Agreement.PARTIAL, GIVEN_TYPO, "given name: spelt differently" + pair);
        }
        if (MatchText.soundAlike(a.given, b.given)) {
            return field(GIVEN, Agreement.PARTIAL, GIVEN_PHONETIC, "given name: sounds alike" + pair);
        }
        if ((a.given.length() == 1 || b.given.length() == 1) && a.given.charAt(0) == b.given.charAt(0)) {
            return field(GIVEN, Agreement.PARTIAL, GIVEN_INITIAL, "given name: initial only" + pair);
        }
        return field(GIVEN, Agreement.DISAGREE, GIVEN_DISAGREE,
                "given name: different (" + a.displayGiven + " / " + b.displayGiven + ")");
    }

    private FieldComparison compareMiddle(Prepared a, Prepared b) {
        if (a.middle == null || b.middle == null) {
            return missing(MIDDLE);
        }
        if (a.middle.equals(b.middle)) {
            return field(MIDDLE, Agreement.EXACT, MIDDLE_EXACT, "middle name: same (" + b.displayMiddle + ")");
        }
        boolean initial = (a.middle.length() == 1 || b.middle.length() == 1) && a.middle.charAt(0) == b.middle.charAt(0);
        if (initial || MatchText.typo(a.middle, b.middle) || nicknames.same(a.middle, b.middle)
                || MatchText.soundAlike(a.middle, b.middle)) {
            return field(MIDDLE, Agreement.PARTIAL, MIDDLE_PARTIAL,
                    "middle name: " + (initial ? "initial matches" : "similar") + " (" + a.displayMiddle + " ~ "
                            + b.displayMiddle + ")");
        }
        return field(MIDDLE, Agreement.DISAGREE, MIDDLE_DISAGREE,
                "middle name: different (" + a.displayMiddle + " / " + b.displayMiddle + ")");
    }

    // ------------------------------------------------------------------ other fields

    private FieldComparison compareSex(Prepared a, Prepared b) {
        if (a.sex == null || b.sex == null) {
            return missing(SEX);
        }
        if (a.sex.equals(b.sex)) {
            return field(SEX, Agreement.EXACT, SEX_EXACT, "sex: same");
        }
        return field(SEX, Agreement.DISAGREE, SEX_DISAGREE, "sex: different");
    }

    private FieldComparison compareBirthDate(Prepared a, Prepared b, boolean household) {
        LocalDate x = a.birthDate;
        LocalDate y = b.birthDate;
        if (x == null || y == null) {
            return missing(BIRTH_DATE);
        }
        if (x.equals(y)) {
            return household
                    ? field(BIRTH_DATE, Agreement.EXACT, BIRTH_EXACT_HOUSEHOLD,
                            "date of birth: same (" + y + "), but different given names in one household: twins?")
                    : field(BIRTH_DATE, Agreement.EXACT, BIRTH_EXACT, "date of birth: same (" + y + ")");
        }
        String pair = " (" + x + " / " + y + ")";
        if (x.getYear() == y.getYear() && x.getDayOfMonth() == y.getMonthValue()
                && x.getMonthValue() == y.getDayOfMonth()) {
            return field(BIRTH_DATE, Agreement.PARTIAL, BIRTH_DAY_MONTH_SWAPPED,
                    "date of birth: day and month swapped" + pair);
        }
        int yearGap = Math.abs(x.getYear() - y.getYear());
        if (x.getMonthValue() == y.getMonthValue() && x.getDayOfMonth() == y.getDayOfMonth()
                && (yearGap == 1 || yearGap == 10)) {
            return field(BIRTH_DATE, Agreement.PARTIAL, BIRTH_YEAR_OFF,
                    "date of birth: year off by " + yearGap + pair);
        }
        if (oneDigitApart(x.format(YMD), y.format(YMD))) {
            return field(BIRTH_DATE, Agreement.PARTIAL, BIRTH_ONE_DIGIT, "date of birth: one digit differs" + pair);
        }
        if (x.getYear() == y.getYear() && x.getMonthValue() == y.getMonthValue()) {
            return field(BIRTH_DATE, Agreement.PARTIAL, BIRTH_SAME_YEAR_MONTH,
                    "date of birth: same year and month" + pair);
        }
        return field(BIRTH_DATE, Agreement.DISAGREE, BIRTH_DISAGREE, "date of birth: different" + pair);
    }

    /** Same length, and exactly one position differs or two adjacent positions are swapped. */
    static boolean oneDigitApart(String x, String y) {
        if (x.length() != y.length()) {
            return false;
        }
        int first = -1;
        int count = 0;
        for (int i = 0; i < x.length(); i++) {
            if (x.charAt(i) != y.charAt(i)) {
                if (count == 0) {
                    first = i;
                }
                count++;
            }
        }
        if (count == 1) {
            return true;
        }
        return count == 2 && first + 1 < x.length() && x.charAt(first) == y.charAt(first + 1)
                && x.charAt(first + 1) == y.charAt(first);
    }

    private FieldComparison comparePhone(Prepared a, Prepared b, boolean relatives) {
        if (a.phone == null || b.phone == null) {
            return missing(PHONE);
        }
        if (last(a.phone, 7).equals(last(b.phone, 7))) {
            return relatives
                    ? field(PHONE, Agreement.EXACT, PHONE_EXACT_RELATIVES, "phone: same (shared, given names differ)")
                    : field(PHONE, Agreement.EXACT, PHONE_EXACT, "phone: same");
        }
        return field(PHONE, Agreement.DISAGREE, relatives ? PHONE_DISAGREE_RELATIVES : PHONE_DISAGREE,
                "phone: different");
    }

    private FieldComparison compareAddress(Prepared a, Prepared b, boolean relatives) {
        boolean postalKnown = a.postalCode != null && b.postalCode != null;
        boolean samePostal = postalKnown && a.postalCode.equals(b.postalCode);
        boolean sameCity = a.city != null && a.city.equals(b.city);
        if (a.street == null || b.street == null) {
            return missing(ADDRESS);
        }
        if (a.street.equals(b.street) && (samePostal || !postalKnown)) {
            return field(ADDRESS, Agreement.EXACT, relatives ? ADDRESS_EXACT_RELATIVES : ADDRESS_EXACT,
                    "address: same" + (relatives ? " (shared, given names differ)" : ""));
        }
        boolean sameArea = postalKnown ? samePostal : sameCity;
        if (sameArea && (a.street.equals(b.street) || MatchText.jaroWinkler(a.street, b.street) >= 0.9)) {
            return field(ADDRESS, Agreement.PARTIAL, relatives ? ADDRESS_SIMILAR_RELATIVES : ADDRESS_SIMILAR,
                    "address: street spelt differently, same " + (postalKnown ? "postal code" : "city"));
        }
        if (sameArea) {
            return field(ADDRESS, Agreement.PARTIAL, relatives ? ADDRESS_SAME_AREA_RELATIVES : ADDRESS_SAME_AREA,
                    "address: different street, same " + (postalKnown ? "postal code" : "city"));
        }
        return field(ADDRESS, Agreement.DISAGREE, relatives ? ADDRESS_DISAGREE_RELATIVES : ADDRESS_DISAGREE,
                "address: different");
    }

    private FieldComparison compareNationalId(Prepared a, Prepared b) {
        if (a.nationalId == null || b.nationalId == null) {
            return missing(NATIONAL_ID);
        }
        if (a.nationalId.equals(b.nationalId)) {
            return field(NATIONAL_ID, Agreement.EXACT, NATIONAL_ID_EXACT, "national ID: same");
        }
        if (MatchText.editDistance(a.nationalId, b.nationalId) == 1) {
            return field(NATIONAL_ID, Agreement.PARTIAL, NATIONAL_ID_TYPO,
                    "national ID: one character differs or two are swapped (" + a.nationalIdRaw + " / "
                            + b.nationalIdRaw + ")");
        }
        return field(NATIONAL_ID, Agreement.DISAGREE, NATIONAL_ID_DISAGREE, "national ID: different");
    }

    // ------------------------------------------------------------------ helpers

    private static FieldComparison field(String name, Agreement agreement, Level level, String explanation) {
        return new FieldComparison(name, agreement, level.weight(), explanation);
    }

    private static FieldComparison missing(String name) {
        return new FieldComparison(name, Agreement.MISSING, 0.0, name + ": missing on one or both records");
    }

    private static String last(String digits, int n) {
        return digits.length() <= n ? digits : digits.substring(digits.length() - n);
    }

    private static String prefix(String name) {
        return name.length() <= 3 ? name : name.substring(0, 3);
    }

    /** A record normalised once for all its comparisons. */
    private static final class Prepared {
        final String family;
        final List<String> familyParts;
        final String given;
        final String middle;
        final String maiden;
        final String displayFamily;
        final String displayGiven;
        final String displayMiddle;
        final String sex;
        final LocalDate birthDate;
        final String phone;
        final String street;
        final String city;
        final String postalCode;
        final String nationalId;
        final String nationalIdRaw;

        Prepared(MatchCandidateData d) {
            family = MatchText.name(d.familyName());
            familyParts = MatchText.nameParts(d.familyName());
            given = MatchText.name(d.givenName());
            middle = MatchText.name(d.middleName());
            maiden = MatchText.name(d.maidenName());
            displayFamily = MatchText.display(d.familyName());
            displayGiven = MatchText.display(d.givenName());
            displayMiddle = MatchText.display(d.middleName());
            sex = sex(d.sex());
            birthDate = d.birthDate();
            phone = MatchText.phone(d.phone());
            street = MatchText.street(d.addressLine());
            city = MatchText.name(d.city());
            postalCode = MatchText.postalCode(d.postalCode());
            nationalId = MatchText.identifier(d.nationalId());
            nationalIdRaw = d.nationalId() == null ? "" : d.nationalId().trim();
        }

        private static String sex(String s) {
            if (MatchText.blank(s)) {
                return null;
            }
            String v = s.trim().toUpperCase(Locale.ROOT);
            return switch (v) {
                case "F", "FEMALE" -> "FEMALE";
                case "M", "MALE" -> "MALE";
                case "O", "OTHER" -> "OTHER";
                default -> null; // UNKNOWN or anything else: no evidence
            };
        }
    }
}
