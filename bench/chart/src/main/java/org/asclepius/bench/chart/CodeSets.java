package org.asclepius.bench.chart;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.asclepius.hms.clinical.coding.AllergenRecord;
import org.asclepius.hms.clinical.coding.CmsIcdFile;
import org.asclepius.hms.clinical.coding.CodeSetCsv;
import org.asclepius.hms.clinical.coding.IcdCodes;
import org.asclepius.hms.clinical.coding.IcdFileEntry;
import org.asclepius.hms.clinical.coding.LoadCodeSets;
import org.asclepius.hms.clinical.orders.OrderCatalogue;
import org.asclepius.hms.clinical.orders.OrderKind;
import org.asclepius.hms.shared.Code;
import org.asclepius.hms.shared.CodeSystems;

/**
 * The code sets shipped in the hms-ejb jar, read by the app's own parsers: the curated ICD-10-CM subset
 * ({@link CmsIcdFile}), the allergen list ({@link CodeSetCsv}) and the order catalogue ({@link OrderCatalogue}). The
 * seeder names the codes it wants; a code that is not in the shipped set stops it (the chart would show a code the
 * app itself would refuse).
 */
final class CodeSets {
    private final Map<String, String> icd = new HashMap<>(); // dotted code -> display
    private final Map<String, AllergenRecord> allergens = new HashMap<>(); // system|code -> allergen
    private final OrderCatalogue orderables = new OrderCatalogue();

    CodeSets() {
        try (InputStream in = resource(LoadCodeSets.ICD_SUBSET)) {
            for (IcdFileEntry e : CmsIcdFile.read(in).entries()) {
                icd.put(IcdCodes.dotted(IcdCodes.undotted(e.code())), e.display());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Reader in = new InputStreamReader(resource(CodeSetCsv.ALLERGENS), StandardCharsets.UTF_8)) {
            for (AllergenRecord a : CodeSetCsv.allergens(in)) {
                allergens.put(a.system() + "|" + a.code(), a);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = CodeSets.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the class path (hms-ejb's code sets)");
        }
        return in;
    }

    /** An ICD-10-CM code of the shipped subset, dotted (E11.9), with its description. */
    Code icd10cm(String dotted) {
        String display = icd.get(dotted);
        if (display == null) {
            throw new IllegalStateException("ICD-10-CM " + dotted + " is not in the shipped subset "
                    + LoadCodeSets.ICD_SUBSET + ": choose another code");
        }
        return new Code(CodeSystems.ICD10CM, dotted, display);
    }

    /** An allergen of the shipped list ({@code rxnorm} or {@code local} as in the file). */
    AllergenRecord allergen(String system, String code) {
        String uri = system.equals("rxnorm") ? CodeSystems.RXNORM : CodeSystems.LOCAL_ALLERGEN;
        AllergenRecord a = allergens.get(uri + "|" + code);
        if (a == null) {
            throw new IllegalStateException("allergen " + system + " " + code + " is not in the shipped list");
        }
        return a;
    }

    /** An orderable of the catalogue. */
    Code orderable(OrderKind kind, String code) {
        return orderables.find(kind, code).orElseThrow(() -> new IllegalStateException(kind + " " + code
                + " is not in the order catalogue"));
    }

    List<Code> orderables(OrderKind kind) {
        return orderables.all(kind);
    }
}
