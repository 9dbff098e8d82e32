package org.asclepius.hms.patient.matching;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Groups of given names that stand for each other (William, Bill, Will, Liam…), read from
 * {@code nicknames.txt} beside this class. Immutable once loaded.
 */
final class Nicknames {
    static final String RESOURCE = "nicknames.txt";

    /** name → the formal names of every group it belongs to */
    private final Map<String, Set<String>> groupsByName;
    private final int groupCount;

    private Nicknames(Map<String, Set<String>> groupsByName, int groupCount) {
        this.groupsByName = groupsByName;
        this.groupCount = groupCount;
    }

    static Nicknames load() {
        try (InputStream in = Nicknames.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("nickname table " + RESOURCE + " is missing from the class path");
            }
            Map<String, Set<String>> map = new HashMap<>();
            int groups = 0;
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                line = line.strip();
                int colon = line.indexOf(':');
                if (line.isEmpty() || line.startsWith("#") || colon < 0) {
                    continue;
                }
                String formal = MatchText.name(line.substring(0, colon));
                if (formal == null) {
                    continue;
                }
                groups++;
                map.computeIfAbsent(formal, k -> new HashSet<>()).add(formal);
                for (String nick : line.substring(colon + 1).split(",")) {
                    String n = MatchText.name(nick);
                    if (n != null) {
                        map.computeIfAbsent(n, k -> new HashSet<>()).add(formal);
                    }
                }
            }
            Map<String, Set<String>> frozen = new HashMap<>();
            map.forEach((k, v) -> frozen.put(k, Set.copyOf(v)));
            return new Nicknames(Map.copyOf(frozen), groups);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read nickname table " + RESOURCE, e);
        }
    }

    /** True when the two (normalised, different) names are in one group. */
    boolean same(String a, String b) {
        Set<String> ga = groupsByName.get(a);
        Set<String> gb = groupsByName.get(b);
        if (ga == null || gb == null) {
            return false;
        }
        for (String g : ga) {
            if (gb.contains(g)) {
                return true;
            }
        }
        return false;
    }

    /** The formal names of the groups the (normalised) name is in; the name itself when it is in none. */
    Set<String> formalNames(String name) {
        Set<String> groups = groupsByName.get(name);
        if (groups == null) {
            return Set.of(name);
        }
        Set<String> result = new HashSet<>(groups);
        result.add(name);
        return result;
    }

    int groupCount() {
        return groupCount;
    }
}
