package org.asclepius.bench.mpi;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/** Realistic keying and hearing errors, as made at a registration desk. */
final class Typos {
    /** QWERTY neighbours: the keys a finger slips to. */
    private static final Map<Character, String> NEIGHBOURS = Map.ofEntries(
            Map.entry('a', "qwsz"), Map.entry('b', "vghn"), Map.entry('c', "xdfv"), Map.entry('d', "serfcx"),
            Map.entry('e', "wsdr"), Map.entry('f', "drtgvc"), Map.entry('g', "ftyhbv"), Map.entry('h', "gyujnb"),
            Map.entry('i', "ujko"), Map.entry('j', "huikmn"), Map.entry('k', "jiolm"), Map.entry('l', "kop"),
            Map.entry('m', "njk"), Map.entry('n', "bhjm"), Map.entry('o', "iklp"), Map.entry('p', "ol"),
            Map.entry('q', "wa"), Map.entry('r', "edft"), Map.entry('s', "awedxz"), Map.entry('t', "rfgy"),
            Map.entry('u', "yhji"), Map.entry('v', "cfgb"), Map.entry('w', "qase"), Map.entry('x', "zsdc"),
            Map.entry('y', "tghu"), Map.entry('z', "asx"));
    /** Spellings that sound alike: what a clerk writes from hearing a name. */
    private static final String[][] SOUNDS = {
        {"ph", "f"}, {"f", "ph"}, {"ck", "k"}, {"c", "k"}, {"k", "c"}, {"y", "i"}, {"i", "y"}, {"ie", "y"},
        {"ey", "y"}, {"ei", "ie"}, {"ou", "u"}, {"s", "z"}, {"z", "s"}, {"th", "t"}, {"ll", "l"}, {"l", "ll"},
        {"nn", "n"}, {"n", "nn"}, {"tt", "t"}, {"rr", "r"}, {"mm", "m"}, {"ss", "s"}, {"ee", "ea"},
        {"an", "en"}, {"er", "ar"}, {"son", "sen"}, {"sen", "son"}, {"man", "mann"}, {"mann", "man"}};

    private Typos() {
    }

    /** One keying or hearing error in a name; the result differs from the name and keeps its capitalisation. */
    static String name(String name, SplittableRandom random) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (int attempt = 0; attempt < 20; attempt++) {
            String t = once(lower, random);
            if (t != null && t.length() >= 2 && !t.equals(lower) && Character.isLetter(t.charAt(0))) {
                return Character.toUpperCase(t.charAt(0)) + t.substring(1);
            }
        }
        return name.substring(0, name.length() - 1); // last resort: the last letter lost
    }

    private static String once(String s, SplittableRandom random) {
        int kind = random.nextInt(100);
        int i = random.nextInt(s.length());
        char c = s.charAt(i);
        if (kind < 28) { // neighbouring key
            String keys = NEIGHBOURS.get(c);
            return keys == null ? null : s.substring(0, i) + keys.charAt(random.nextInt(keys.length())) + s.substring(i + 1);
        }
        if (kind < 46) { // a letter dropped
            return s.length() <= 3 ? null : s.substring(0, i) + s.substring(i + 1);
        }
        if (kind < 58) { // a letter doubled
            return s.substring(0, i) + c + s.substring(i);
        }
        if (kind < 78) { // two letters swapped
            return i + 1 >= s.length() ? null : s.substring(0, i) + s.charAt(i + 1) + c + s.substring(i + 2);
        }
        String[] rule = SOUNDS[random.nextInt(SOUNDS.length)]; // written as heard
        int at = s.indexOf(rule[0], 1);
        return at < 0 ? null : s.substring(0, at) + rule[1] + s.substring(at + rule[0].length());
    }

    /**
     * A date-of-birth error other than a day/month swap: year off by one or ten, one digit of the day, month or
     * year mistyped, or the two digits of the day swapped. Valid, not after {@code today}, not the same date.
     */
    static LocalDate birthDate(LocalDate d, LocalDate today, SplittableRandom random) {
        for (int attempt = 0; attempt < 100; attempt++) {
            LocalDate t;
            try {
                int kind = random.nextInt(100);
                if (kind < 25) {
                    t = d.plusYears(random.nextBoolean() ? 1 : -1);
                } else if (kind < 35) {
                    t = d.plusYears(random.nextBoolean() ? 10 : -10);
                } else if (kind < 65) {
                    t = d.withDayOfMonth(digitTypo(d.getDayOfMonth(), random));
                } else if (kind < 80) {
                    t = d.withMonth(digitTypo(d.getMonthValue(), random));
                } else if (kind < 90) {
                    t = d.withYear(d.getYear() - d.getYear() % 10 + random.nextInt(10));
                } else {
                    int day = d.getDayOfMonth();
                    t = d.withDayOfMonth(day % 10 * 10 + day / 10);
                }
            } catch (DateTimeException invalid) {
                continue;
            }
            boolean swap = t.getYear() == d.getYear() && t.getMonthValue() == d.getDayOfMonth()
                    && t.getDayOfMonth() == d.getMonthValue();
            if (!t.equals(d) && !t.isAfter(today) && !swap) {
                return t;
            }
        }
        return d.plusDays(1);
    }

    /** One digit of a two-digit number replaced by another. */
    private static int digitTypo(int value, SplittableRandom random) {
        int tens = value / 10;
        int ones = value % 10;
        if (random.nextBoolean()) {
            ones = random.nextInt(10);
        } else {
            tens = random.nextInt(4);
        }
        return tens * 10 + ones;
    }

    /** One digit of an identifier changed, or two adjacent digits swapped; the dashes stay where they were. */
    static String identifier(String id, SplittableRandom random) {
        char[] c = id.toCharArray();
        for (int attempt = 0; attempt < 50; attempt++) {
            int i = random.nextInt(c.length);
            if (!Character.isDigit(c[i])) {
                continue;
            }
            char[] t = c.clone();
            if (random.nextBoolean()) {
                t[i] = (char) ('0' + random.nextInt(10));
            } else {
                int j = i + 1 < t.length && Character.isDigit(t[i + 1]) ? i + 1 : -1;
                if (j < 0) {
                    continue;
                }
                t[i] = c[j];
                t[j] = c[i];
            }
            String s = new String(t);
            if (!s.equals(id)) {
                return s;
            }
        }
        return id;
    }
}
