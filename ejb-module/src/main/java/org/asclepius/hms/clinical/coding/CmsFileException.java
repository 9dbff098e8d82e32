package org.asclepius.hms.clinical.coding;

/** A CMS ICD-10-CM file that cannot be read: says which line and why. */
public class CmsFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int line;

    public CmsFileException(int line, String reason) {
        super(line > 0 ? "Line " + line + ": " + reason : reason);
        this.line = line;
    }

    /** The line (1-based), or 0 for a problem with the file as a whole. */
    public int getLine() {
        return line;
    }
}
