package org.asclepius.hms.clinical.coding;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The forms of an ICD-10-CM code. The CMS files write codes without the dot ({@code E119}); FHIR, clinicians and
 * this system write them dotted ({@code E11.9}): a letter, two digits (or a digit and a letter), and after the dot
 * up to four more characters. Lookups accept either form, in any case.
 */
public final class IcdCodes {
    /** An undotted code: 3 to 7 characters, a letter first, a digit second (as in every ICD-10-CM code). */
    private static final Pattern UNDOTTED = Pattern.compile("[A-Z][0-9][0-9A-Z]{1,5}");
    /** What someone typing a code (or the start of one) types: "e", "E1", "e11", "E11.", "E11.9", "e119". */
    private static final Pattern CODE_PREFIX = Pattern.compile("[A-Za-z][0-9]([0-9A-Za-z](\\.?[0-9A-Za-z]{0,4})?)?\\.?");

    private IcdCodes() {
    }

    /** {@code E119} → {@code E11.9}; a three-character category ({@code I10}) has no dot. */
    public static String dotted(String undotted) {
        return undotted.length() <= 3 ? undotted : undotted.substring(0, 3) + "." + undotted.substring(3);
    }

    /** {@code E11.9} → {@code E119}. */
    public static String undotted(String dotted) {
        return dotted.replace(".", "");
    }

    /** Whether an undotted, upper-case code has the shape of an ICD-10-CM code. */
    public static boolean isUndottedCode(String code) {
        return code != null && UNDOTTED.matcher(code).matches();
    }

    /**
     * The undotted, upper-case form of a code as someone typed it ({@code " e11.9 "} → {@code E119}), if it has the
     * shape of a whole code; a dot is only accepted after the third character.
     */
    public static Optional<String> normalize(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String t = typed.strip().toUpperCase(Locale.ROOT);
        int dot = t.indexOf('.');
        if (dot >= 0 && (dot != 3 || t.indexOf('.', dot + 1) >= 0)) {
            return Optional.empty();
        }
        String code = t.replace(".", "");
        return isUndottedCode(code) ? Optional.of(code) : Optional.empty();
    }

    /**
     * The undotted, upper-case prefix of a code someone is typing ({@code "e11"}, {@code "E11."}, {@code "e11.9"}),
     * or empty when the text is not the start of a code (e.g. a word to look for in descriptions).
     */
    public static Optional<String> codePrefix(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String t = typed.strip();
        if (!CODE_PREFIX.matcher(t).matches()) {
            return Optional.empty();
        }
        int dot = t.indexOf('.');
        if (dot >= 0 && dot != 3) {
            return Optional.empty();
        }
        return Optional.of(t.replace(".", "").toUpperCase(Locale.ROOT));
    }
}
