package org.asclepius.hms.clinical.coding;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.asclepius.hms.shared.CodeSystems;

/**
 * The two CSV resources shipped with the product (read with Commons CSV, checked row by row; a bad row names its
 * line): the allergen list ({@code clinical/allergens.csv}) and the SNOMED CT → ICD-10-CM map
 * ({@code clinical/snomed-icd10cm-map.csv}).
 */
public final class CodeSetCsv {
    public static final String ALLERGENS = "/clinical/allergens.csv";
    public static final String SNOMED_MAP = "/clinical/snomed-icd10cm-map.csv";

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).setTrim(true).setCommentMarker('#').get();

    private CodeSetCsv() {
    }

    /** Rows: {@code system} ({@code rxnorm} or {@code local}), {@code code}, {@code display}, {@code category}, {@code snomed}. */
    public static List<AllergenRecord> allergens(Reader in) {
        List<AllergenRecord> result = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        for (Row row : records(in, "system", "code", "display", "category", "snomed")) {
            CSVRecord r = row.record();
            long line = row.line();
            String system = switch (r.get("system").toLowerCase(Locale.ROOT)) {
                case "rxnorm" -> CodeSystems.RXNORM;
                case "local" -> CodeSystems.LOCAL_ALLERGEN;
                default -> throw new CmsFileException((int) line, "unknown system \"" + r.get("system")
                        + "\" (rxnorm or local)");
            };
            String code = r.get("code");
            boolean valid = CodeSystems.RXNORM.equals(system) ? code.matches("[0-9]{1,10}")
                    : code.matches("[a-z0-9]+(-[a-z0-9]+)*");
            if (!valid) {
                throw new CmsFileException((int) line, "\"" + code + "\" is not a valid "
                        + CodeSystems.shortName(system) + " code");
            }
            String display = r.get("display");
            if (display.isEmpty() || display.length() > 200) {
                throw new CmsFileException((int) line, "the display must have 1 to 200 characters");
            }
            AllergenCategory category;
            try {
                category = AllergenCategory.valueOf(r.get("category").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CmsFileException((int) line, "unknown category \"" + r.get("category") + "\"");
            }
            String snomed = r.get("snomed");
            if (!snomed.isEmpty() && !snomed.matches("[0-9]{6,18}")) {
                throw new CmsFileException((int) line, "\"" + snomed + "\" is not a SNOMED CT code");
            }
            Long first = seen.putIfAbsent(system + "|" + code, line);
            if (first != null) {
                throw new CmsFileException((int) line, code + " is listed twice (first on line " + first + ")");
            }
            result.add(new AllergenRecord(system, code, display, category, snomed.isEmpty() ? null : snomed, true));
        }
        return result;
    }

    /** Rows: {@code snomed_code}, {@code snomed_display}, {@code icd10cm_code} (dotted), {@code note}. */
    public static List<SnomedIcdMapping> snomedMap(Reader in) {
        List<SnomedIcdMapping> result = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        for (Row row : records(in, "snomed_code", "snomed_display", "icd10cm_code", "note")) {
            CSVRecord r = row.record();
            long line = row.line();
            String snomed = r.get("snomed_code");
            if (!snomed.matches("[0-9]{6,18}")) {
                throw new CmsFileException((int) line, "\"" + snomed + "\" is not a SNOMED CT code");
            }
            String icd = IcdCodes.normalize(r.get("icd10cm_code")).map(IcdCodes::dotted)
                    .orElseThrow(() -> new CmsFileException((int) line, "\"" + r.get("icd10cm_code")
                            + "\" is not an ICD-10-CM code"));
            Long first = seen.putIfAbsent(snomed, line);
            if (first != null) {
                throw new CmsFileException((int) line, snomed + " is mapped twice (first on line " + first + ")");
            }
            String note = r.get("note");
            result.add(new SnomedIcdMapping((int) line, snomed, r.get("snomed_display"), icd,
                    note.isEmpty() ? null : note));
        }
        return result;
    }

    private record Row(long line, CSVRecord record) {
    }

    private static List<Row> records(Reader in, String... columns) {
        try (CSVParser parser = CSVParser.builder().setReader(in).setFormat(FORMAT).get()) {
            for (String column : columns) {
                if (!parser.getHeaderMap().containsKey(column)) {
                    throw new CmsFileException(1, "the header has no column \"" + column + "\"");
                }
            }
            List<Row> rows = new ArrayList<>();
            for (CSVRecord r : parser) {
                if (!r.isConsistent()) {
                    throw new CmsFileException((int) parser.getCurrentLineNumber(), "expected " + columns.length
                            + " columns, found " + r.size());
                }
                rows.add(new Row(parser.getCurrentLineNumber(), r));
            }
            return rows;
        } catch (IOException e) {
            throw new CmsFileException(0, "the file could not be read: " + e.getMessage());
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            throw new CmsFileException(0, "the file is not valid CSV: " + e.getMessage());
        }
    }
}
