package org.asclepius.hms.clinical.coding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CMS ICD-10-CM code file, read whole and checked line by line. Two layouts are published every year and both
 * are accepted; which one a file has is told by its first line:
 * <ul>
 * <li>the codes file ({@code icd10cm_codes_YYYY.txt}): the code without its dot, padded to 8 columns, then the long
 * description, e.g. {@code E119    Type 2 diabetes mellitus without complications}. Every code listed is
 * billable;</li>
 * <li>the order file ({@code icd10cm_order_YYYY.txt}), fixed columns: order number (5 digits), blank, code (7),
 * blank, header flag ({@code 0} a category header, {@code 1} valid for billing), blank, short description (60),
 * blank, long description.</li>
 * </ul>
 * Blank lines are skipped. The first line that does not fit the layout, a code listed twice, or a file that is not
 * UTF-8 text stops the reading with a {@link CmsFileException} that names the line. This is the one parser of these
 * files: the curated subset shipped with the product is read by it too.
 */
public record CmsIcdFile(Format format, List<IcdFileEntry> entries) {
    /** The longest description kept (the longest in the official files is about 230 characters). */
    public static final int MAX_DISPLAY = 400;

    public enum Format {
        /** {@code icd10cm_codes_YYYY.txt}: billable codes only. */
        CODES,
        /** {@code icd10cm_order_YYYY.txt}: every code and category header in tabular order. */
        ORDER
    }

    private static final Pattern CODES_LINE = Pattern.compile("([A-Za-z0-9.]+)\\s+(\\S.*)");
    private static final Pattern ORDER_START = Pattern.compile("\\d{5} .*");

    public CmsIcdFile {
        entries = List.copyOf(entries);
    }

    /**
     * Reads a file as uploaded: UTF-8 text (plain ASCII in practice). Each line is decoded on its own, so that bytes
     * that are not text are reported with the line they are on.
     */
    public static CmsIcdFile read(InputStream in) {
        byte[] bytes;
        try {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new CmsFileException(0, "the file could not be read: " + e.getMessage());
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        StringBuilder text = new StringBuilder(bytes.length);
        int start = 0;
        int number = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            number++;
            try {
                text.append(decoder.decode(ByteBuffer.wrap(bytes, start, end - start))).append('\n');
            } catch (CharacterCodingException e) {
                throw new CmsFileException(number, "not a text file (the bytes are not UTF-8 text)");
            }
            start = end + 1;
        }
        return read(new StringReader(text.toString()));
    }

    public static CmsIcdFile read(Reader reader) {
        BufferedReader lines = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<IcdFileEntry> entries = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Format format = null;
        int number = 0;
        while (true) {
            String line;
            try {
                line = lines.readLine();
            } catch (CharacterCodingException e) {
                throw new CmsFileException(number + 1, "not a text file (the bytes are not UTF-8 text)");
            } catch (IOException e) {
                throw new CmsFileException(number + 1, "the file could not be read: " + e.getMessage());
            }
            if (line == null) {
                break;
            }
            number++;
            if (number == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1); // byte order mark
            }
            line = line.stripTrailing();
            if (line.isBlank()) {
                continue;
            }
            if (format == null) {
                format = ORDER_START.matcher(line).matches() ? Format.ORDER : Format.CODES;
            }
            IcdFileEntry entry = format == Format.ORDER ? orderLine(number, line) : codesLine(number, line);
            Integer first = seen.putIfAbsent(entry.code(), number);
            if (first != null) {
                throw new CmsFileException(number, "the code " + IcdCodes.undotted(entry.code())
                        + " is listed twice (first on line " + first + ")");
            }
            entries.add(entry);
        }
        if (entries.isEmpty()) {
            throw new CmsFileException(0, "the file is empty: no ICD-10-CM codes were found");
        }
        return new CmsIcdFile(format, entries);
    }

    private static IcdFileEntry codesLine(int number, String line) {
        Matcher m = CODES_LINE.matcher(line);
        if (!m.matches()) {
            throw new CmsFileException(number, "expected a code and its description, as in the CMS codes file"
                    + " (e.g. \"E119    Type 2 diabetes mellitus without complications\"), but found \""
                    + excerpt(line) + "\"");
        }
        String code = m.group(1);
        if (!IcdCodes.isUndottedCode(code)) {
            throw new CmsFileException(number, "\"" + excerpt(code) + "\" is not an ICD-10-CM code as the CMS files"
                    + " write them (a capital letter, a digit, then 1 to 5 letters or digits, without a dot)");
        }
        return new IcdFileEntry(number, IcdCodes.dotted(code), display(number, m.group(2)), true);
    }

    /** 00001 A00     0 Cholera (short, 60 columns) Cholera (long). */
    private static IcdFileEntry orderLine(int number, String line) {
        String problem = null;
        if (line.length() < 78) {
            problem = "the line is too short for the CMS order file layout (order number, code, header flag,"
                    + " short and long description in fixed columns)";
        } else if (!line.substring(0, 5).chars().allMatch(Character::isDigit) || line.charAt(5) != ' '
                || line.charAt(13) != ' ' || line.charAt(15) != ' ') {
            problem = "the columns do not match the CMS order file layout (5-digit order number, blank, 7-column"
                    + " code, blank, header flag, blank, 60-column short description, blank, long description)";
        }
        if (problem != null) {
            throw new CmsFileException(number, problem + ": \"" + excerpt(line) + "\"");
        }
        String code = line.substring(6, 13).strip();
        if (!IcdCodes.isUndottedCode(code)) {
            throw new CmsFileException(number, "\"" + excerpt(code) + "\" is not an ICD-10-CM code");
        }
        char flag = line.charAt(14);
        if (flag != '0' && flag != '1') {
            throw new CmsFileException(number, "the header flag of " + code + " must be 0 (category header) or"
                    + " 1 (billable), not '" + flag + "'");
        }
        return new IcdFileEntry(number, IcdCodes.dotted(code), display(number, line.substring(77)), flag == '1');
    }

    private static String display(int number, String text) {
        String d = text.strip();
        if (d.isEmpty()) {
            throw new CmsFileException(number, "the description is missing");
        }
        if (d.length() > MAX_DISPLAY) {
            throw new CmsFileException(number, "the description is longer than " + MAX_DISPLAY + " characters");
        }
        return d;
    }

    private static String excerpt(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }

    /**
     * The code-set version a file name tells: {@code icd10cm_codes_2025.txt} → {@code 2025},
     * {@code icd10cm-order-April-2024.txt} → {@code April-2024}; otherwise the name without its extension.
     */
    public static String versionOf(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        Matcher m = Pattern.compile("(?i)icd10cm[_-](?:codes|order)[_-](.+?)(?:\\.txt)?").matcher(name);
        String version = m.matches() ? m.group(1) : name.replaceFirst("\\.[^.]*$", "");
        version = version.strip();
        if (version.isEmpty()) {
            version = "unknown";
        }
        return version.length() > 40 ? version.substring(0, 40) : version;
    }
}
