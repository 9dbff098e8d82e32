package org.asclepius.hms.clinical.coding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Word search over descriptions. A description is kept as a search key: lower case, every run of characters other
 * than letters and digits replaced by one space, with a space before and after ({@code " type 2 diabetes
 * mellitus "}). A typed word then matches a word of the description that starts with it: {@code like '% diab%'}.
 * On PostgreSQL a trigram index serves these patterns; H2 compares them row by row.
 */
public final class SearchText {
    /** More words than this are ignored: no description needs them and each costs a condition. */
    static final int MAX_WORDS = 8;

    private SearchText() {
    }

    /** The search key of a description. */
    public static String key(String text) {
        return " " + String.join(" ", words(text)) + " ";
    }

    /** The words of a text as the search compares them (lower case, letters and digits only), in order. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        StringBuilder word = new StringBuilder();
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                word.append(c);
            } else if (!word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }

    /** The LIKE patterns of what someone typed, one per distinct word (at most {@link #MAX_WORDS}). */
    public static List<String> patterns(String typed) {
        List<String> patterns = new ArrayList<>();
        for (String w : words(typed)) {
            String p = "% " + w + "%";
            if (!patterns.contains(p) && patterns.size() < MAX_WORDS) {
                patterns.add(p);
            }
        }
        return patterns;
    }
}
