package org.asclepius.hms.clinical.orders;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.asclepius.hms.shared.Code;

/**
 * What can be ordered from the chart until the lab and pharmacy modules bring their own catalogues: common lab tests
 * (LOINC), imaging procedures (the hospital's codes) and medications (RxNorm clinical drugs), from
 * {@code clinical/orderables.csv}.
 */
@ApplicationScoped
public class OrderCatalogue {
    private final Map<OrderKind, List<Code>> byKind = load();

    public List<Code> all(OrderKind kind) {
        return byKind.getOrDefault(kind, List.of());
    }

    public Optional<Code> find(OrderKind kind, String code) {
        return all(kind).stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /** Orderables of the kind whose name contains every word typed (or whose code starts with it). */
    public List<Code> search(OrderKind kind, String text, int max) {
        String[] words = text == null ? new String[0] : text.toLowerCase(Locale.ROOT).trim().split("\\s+");
        List<Code> found = new ArrayList<>();
        for (Code c : all(kind)) {
            String name = c.display().toLowerCase(Locale.ROOT);
            boolean match = true;
            for (String w : words) {
                match &= w.isEmpty() || name.contains(w) || c.code().toLowerCase(Locale.ROOT).startsWith(w);
            }
            if (match) {
                found.add(c);
                if (found.size() >= max) {
                    break;
                }
            }
        }
        return found;
    }

    static Map<OrderKind, List<Code>> load() {
        Map<OrderKind, List<Code>> codes = new EnumMap<>(OrderKind.class);
        try (Reader in = new InputStreamReader(OrderCatalogue.class.getResourceAsStream("/clinical/orderables.csv"),
                StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                codes.computeIfAbsent(OrderKind.valueOf(row.get("kind")), k -> new ArrayList<>())
                        .add(new Code(row.get("system"), row.get("code"), row.get("display")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the order catalogue could not be read", e);
        }
        codes.replaceAll((k, v) -> List.copyOf(v));
        return codes;
    }
}
