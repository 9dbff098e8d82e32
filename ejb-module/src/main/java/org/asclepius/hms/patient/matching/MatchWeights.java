package org.asclepius.hms.patient.matching;

/**
 * The m and u probabilities of every comparator level, fixed in code (Fellegi–Sunter).
 *
 * <p>For each field the comparator returns one level. {@code m} is P(level | the two records are the same person),
 * {@code u} is P(level | they are different people). The level's weight is {@code log2(m / u)}; the score of a pair
 * is the sum of the field weights. The agreement levels of a field are exclusive, so the disagreement level
 * carries the probability left over: {@code log2((1 - Σm) / (1 - Σu))}. A field missing on either record weighs 0.
 *
 * <p>How the numbers were chosen: m from the error rates registration studies report (a few per cent of names
 * misspelt, 1–2 % of dates of birth with swapped day and month, a fifth of phone numbers and addresses out of date
 * after a few years); u from the frequency of chance agreement among different people (about 1 in 200 for a common
 * family name, 1 in 100 for a given name, 1 in 5,000 for a date of birth in a population spread over a century).
 * They were then checked on the tuning run of {@code bench/mpi-quality} (seed 11) and left unchanged; what that
 * run changed was the "relatives" rule below (similar given names with different sexes) and the thresholds in
 * {@link PatientMatcher}. All were frozen before the final run on seed 29 (bench/README.md).
 *
 * <p>Relatives break the independence Fellegi–Sunter assumes: a twin or a child shares family name, address and
 * phone with the patient. So when the given names plainly disagree (or are merely similar while the sexes differ,
 * as with Daniel and Danielle), phone and address agreement use the
 * {@code *_RELATIVES} levels, whose u is the chance that <em>different people in one household</em> share them;
 * and when, besides, phone or address agree, an equal date of birth uses {@link #BIRTH_EXACT_HOUSEHOLD} (twins).
 */
public final class MatchWeights {

    /** One comparator level: m = P(level | same person), u = P(level | different people). */
    public record Level(double m, double u) {
        public Level {
            if (!(m > 0 && m < 1 && u > 0 && u < 1)) {
                throw new IllegalArgumentException("m and u must lie strictly between 0 and 1");
            }
        }

        /** log2(m / u): positive for evidence of the same person, negative against. */
        public double weight() {
            return Math.log(m / u) / Math.log(2);
        }
    }

    /** The disagreement level of a field: the probability mass its agreement levels leave. */
    static Level rest(Level... agreementLevels) {
        double m = 1;
        double u = 1;
        for (Level l : agreementLevels) {
            m -= l.m();
            u -= l.u();
        }
        return new Level(m, u);
    }

    // ---- family name
    /** same family name. u: ~1/200, Synthea's surname list is small so chance agreement is high */
    public static final Level FAMILY_EXACT = new Level(0.90, 0.005);
    /** one record's maiden name is the other's family name (registered under the birth name) */
    public static final Level FAMILY_MAIDEN = new Level(0.02, 0.0005);
    /** given and family name swapped (family compared with the other's given name) */
    public static final Level FAMILY_SWAPPED = new Level(0.01, 0.00005);
    /** one-letter typo, transposition, or Jaro-Winkler ≥ 0.93; or one part of a compound name */
    public static final Level FAMILY_TYPO = new Level(0.04, 0.003);
    /** same Double Metaphone code only (sounds alike, spelt differently) */
    public static final Level FAMILY_PHONETIC = new Level(0.01, 0.005);
    public static final Level FAMILY_DISAGREE =
            rest(FAMILY_EXACT, FAMILY_MAIDEN, FAMILY_SWAPPED, FAMILY_TYPO, FAMILY_PHONETIC);

    // ---- given name
    /** same given name. u: ~1/100 */
    public static final Level GIVEN_EXACT = new Level(0.87, 0.01);
    /** the names are in one nickname group (Bill = William) */
    public static final Level GIVEN_NICKNAME = new Level(0.03, 0.001);
    /** given and family name swapped */
    public static final Level GIVEN_SWAPPED = new Level(0.01, 0.0005);
    /** one-letter typo, transposition, or Jaro-Winkler ≥ 0.93 */
    public static final Level GIVEN_TYPO = new Level(0.04, 0.005);
    /** same Double Metaphone code only */
    public static final Level GIVEN_PHONETIC = new Level(0.015, 0.01);
    /** one is the initial of the other (J vs John): weak, but better than a plain disagreement */
    public static final Level GIVEN_INITIAL = new Level(0.01, 0.05);
    public static final Level GIVEN_DISAGREE =
            rest(GIVEN_EXACT, GIVEN_NICKNAME, GIVEN_SWAPPED, GIVEN_TYPO, GIVEN_PHONETIC, GIVEN_INITIAL);

    // ---- middle name (only when both records have one)
    public static final Level MIDDLE_EXACT = new Level(0.80, 0.02);
    /** one is the initial of the other, or a typo / sound-alike */
    public static final Level MIDDLE_PARTIAL = new Level(0.12, 0.07);
    public static final Level MIDDLE_DISAGREE = rest(MIDDLE_EXACT, MIDDLE_PARTIAL);

    // ---- sex (UNKNOWN counts as missing)
    public static final Level SEX_EXACT = new Level(0.97, 0.5);
    public static final Level SEX_DISAGREE = rest(SEX_EXACT);

    // ---- date of birth
    /** same date. u: ~1/5,000 (a century of birth dates, somewhat clustered) */
    public static final Level BIRTH_EXACT = new Level(0.92, 0.0002);
    /** day and month swapped (03/07 vs 07/03), same year */
    public static final Level BIRTH_DAY_MONTH_SWAPPED = new Level(0.015, 0.0001);
    /** same day and month, year off by 1 or 10 */
    public static final Level BIRTH_YEAR_OFF = new Level(0.01, 0.0004);
    /** one digit differs, or two adjacent digits transposed (yyyymmdd) */
    public static final Level BIRTH_ONE_DIGIT = new Level(0.025, 0.003);
    /** same year and month only */
    public static final Level BIRTH_SAME_YEAR_MONTH = new Level(0.005, 0.0008);
    public static final Level BIRTH_DISAGREE = rest(BIRTH_EXACT, BIRTH_DAY_MONTH_SWAPPED, BIRTH_YEAR_OFF,
            BIRTH_ONE_DIGIT, BIRTH_SAME_YEAR_MONTH);
    /**
     * same date between people of one household (given names disagree, phone or address agree): u is the chance
     * that two such people are twins, a few per cent, not the 1 in 5,000 of strangers
     */
    public static final Level BIRTH_EXACT_HOUSEHOLD = new Level(0.92, 0.03);

    // ---- phone (last 7 digits)
    /** same number. m: numbers change; u: different people rarely share one… */
    public static final Level PHONE_EXACT = new Level(0.80, 0.001);
    public static final Level PHONE_DISAGREE = rest(PHONE_EXACT);
    /** …unless they live together: u when the given names disagree */
    public static final Level PHONE_EXACT_RELATIVES = new Level(0.80, 0.25);
    public static final Level PHONE_DISAGREE_RELATIVES = rest(PHONE_EXACT_RELATIVES);

    // ---- address (street line, postal code, city)
    /** same street line (normalised), postal code equal or missing */
    public static final Level ADDRESS_EXACT = new Level(0.75, 0.001);
    /** street line with a typo (Jaro-Winkler ≥ 0.9), same postal code or city */
    public static final Level ADDRESS_SIMILAR = new Level(0.05, 0.0005);
    /** different street line, same postal code (or city when no postal code) */
    public static final Level ADDRESS_SAME_AREA = new Level(0.05, 0.02);
    public static final Level ADDRESS_DISAGREE = rest(ADDRESS_EXACT, ADDRESS_SIMILAR, ADDRESS_SAME_AREA);
    /** the same three levels when the given names disagree (household members) */
    public static final Level ADDRESS_EXACT_RELATIVES = new Level(0.75, 0.25);
    public static final Level ADDRESS_SIMILAR_RELATIVES = new Level(0.05, 0.02);
    public static final Level ADDRESS_SAME_AREA_RELATIVES = new Level(0.05, 0.04);
    public static final Level ADDRESS_DISAGREE_RELATIVES =
            rest(ADDRESS_EXACT_RELATIVES, ADDRESS_SIMILAR_RELATIVES, ADDRESS_SAME_AREA_RELATIVES);

    // ---- national ID
    /** same ID: near proof */
    public static final Level NATIONAL_ID_EXACT = new Level(0.975, 0.00001);
    /** one character wrong, missing or extra, or two adjacent characters transposed */
    public static final Level NATIONAL_ID_TYPO = new Level(0.024, 0.0002);
    /** different IDs: m is the rare case of the same person with someone else's ID on file (0.1 %) */
    public static final Level NATIONAL_ID_DISAGREE = rest(NATIONAL_ID_EXACT, NATIONAL_ID_TYPO);

    private MatchWeights() {
    }
}
