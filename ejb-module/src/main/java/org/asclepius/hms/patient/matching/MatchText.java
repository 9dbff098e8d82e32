package org.asclepius.hms.patient.matching;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/** Normalisation and string similarity for the matcher. Pure functions, thread-safe. */
final class MatchText {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTER = Pattern.compile("[^a-z]+");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();

    /** Street words written in full or abbreviated; compared in their short form. */
    private static final Map<String, String> STREET_WORDS = Map.ofEntries(
            Map.entry("street", "st"), Map.entry("str", "st"), Map.entry("avenue", "ave"), Map.entry("av", "ave"),
            Map.entry("road", "rd"), Map.entry("drive", "dr"), Map.entry("lane", "ln"), Map.entry("court", "ct"),
            Map.entry("boulevard", "blvd"), Map.entry("place", "pl"), Map.entry("square", "sq"),
            Map.entry("terrace", "ter"), Map.entry("highway", "hwy"), Map.entry("parkway", "pkwy"),
            Map.entry("circle", "cir"), Map.entry("trail", "trl"), Map.entry("crescent", "cres"),
            Map.entry("heights", "hts"), Map.entry("mount", "mt"), Map.entry("apartment", "apt"),
            Map.entry("suite", "ste"), Map.entry("north", "n"), Map.entry("south", "s"), Map.entry("east", "e"),
            Map.entry("west", "w"), Map.entry("flat", "apt"), Map.entry("no", ""), Map.entry("number", ""));

    private MatchText() {
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Lower case ASCII without accents. */
    static String fold(String s) {
        return MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /**
     * A name reduced to its letters: accents stripped, lower case, digits (Synthea appends them), spaces,
     * hyphens and apostrophes removed. Null when nothing is left.
     */
    static String name(String s) {
        if (blank(s)) {
            return null;
        }
        String letters = NOT_LETTER.matcher(fold(s)).replaceAll("");
        return letters.isEmpty() ? null : letters;
    }

    /** The parts of a name (for compound family names), each reduced like {@link #name}. */
    static List<String> nameParts(String s) {
        List<String> parts = new ArrayList<>();
        if (!blank(s)) {
            for (String p : NOT_LETTER.split(DIGITS.matcher(fold(s)).replaceAll(""))) {
                if (!p.isEmpty()) {
                    parts.add(p);
                }
            }
        }
        return parts;
    }

    /** A name as a clerk would read it in an explanation: digits removed, spaces tidied. */
    static String display(String s) {
        if (blank(s)) {
            return "";
        }
        return DIGITS.matcher(s).replaceAll("").trim().replaceAll("\\s+", " ");
    }

    /** Digits only; null when fewer than 7 digits remain (not a usable phone number). */
    static String phone(String s) {
        if (blank(s)) {
            return null;
        }
        String digits = s.replaceAll("[^0-9]", "");
        return digits.length() < 7 ? null : digits;
    }

    /** Upper-case letters and digits only; null when empty. */
    static String identifier(String s) {
        if (blank(s)) {
            return null;
        }
        String id = s.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
        return id.isEmpty() ? null : id;
    }

    /**
     * A postal code as compared: letters and digits, upper case; a 9-digit US ZIP+4 is cut to its 5 digits;
     * all zeros (a placeholder) counts as missing.
     */
    static String postalCode(String s) {
        String code = identifier(s);
        if (code == null || code.chars().allMatch(c -> c == '0')) {
            return null;
        }
        return code.length() == 9 && code.chars().allMatch(Character::isDigit) ? code.substring(0, 5) : code;
    }

    /** A street line as compared: folded, punctuation removed, common street words abbreviated. */
    static String street(String s) {
        if (blank(s)) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (String word : NOT_ALNUM.split(fold(s).replace("#", " apt "))) {
            String w = STREET_WORDS.getOrDefault(word, word);
            if (!w.isEmpty()) {
                sb.append(sb.length() == 0 ? "" : " ").append(w);
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    static double jaroWinkler(String a, String b) {
        return JARO_WINKLER.apply(a, b);
    }

    /**
     * Optimal string alignment distance: insertions, deletions, substitutions and transpositions of adjacent
     * characters each cost 1 (so "jhon" is 1 from "john").
     */
    static int editDistance(String a, String b) {
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    best = Math.min(best, d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
            }
        }
        return d[n][m];
    }

    /**
     * True when two different names look like one misspelt: edit distance 1 (2 for names of 8+ letters), or
     * Jaro-Winkler similarity of at least 0.93 for names of 5+ letters.
     */
    static boolean typo(String a, String b) {
        int shorter = Math.min(a.length(), b.length());
        if (shorter < 3) {
            return false;
        }
        int distance = editDistance(a, b);
        if (distance <= 1 || distance == 2 && shorter >= 8) {
            return true;
        }
        return shorter >= 5 && jaroWinkler(a, b) >= 0.93;
    }

    /** The primary Double Metaphone code (4 characters), or null. */
    static String metaphone(String name) {
        if (name == null) {
            return null;
        }
        String code = METAPHONE.doubleMetaphone(name);
        return code == null || code.isEmpty() ? null : code;
    }

    /** True when the names share a primary or alternate Double Metaphone code. */
    static boolean soundAlike(String a, String b) {
        String pa = METAPHONE.doubleMetaphone(a);
        String aa = METAPHONE.doubleMetaphone(a, true);
        String pb = METAPHONE.doubleMetaphone(b);
        String ab = METAPHONE.doubleMetaphone(b, true);
        if (pa == null || pa.isEmpty() || pb == null || pb.isEmpty()) {
            return false;
        }
        return pa.equals(pb) || pa.equals(ab) || aa.equals(pb) || aa.equals(ab);
    }
}
