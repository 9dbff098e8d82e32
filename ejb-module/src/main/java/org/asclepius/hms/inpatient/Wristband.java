package org.asclepius.hms.inpatient;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Image;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.Barcode128;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * A patient wristband as a PDF page the size of an adult band's printable area (200 × 25.4 mm): a Code 128 barcode
 * of the MRN (with the MRN printed under it, as scanners and people both read it), the name in capitals, date of
 * birth, age and sex, the ward and bed, and the admission date.
 */
public final class Wristband {
    /** 200 mm × 1 inch, in points. */
    static final Rectangle BAND = new Rectangle(567f, 72f);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd MMM yyyy", java.util.Locale.ENGLISH);

    private Wristband() {
    }

    /** The values printed; none may be null except the bed and the admission date. */
    public record Content(String familyName, String givenName, String mrn, LocalDate birthDate, int age, String sex,
            String bed, LocalDate admitted) {
    }

    public static byte[] pdf(Content c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(BAND, 0, 0, 0, 0);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.addTitle("Wristband " + c.mrn());
            document.addCreator("Asclepius HMS");
            document.open();
            PdfContentByte canvas = writer.getDirectContent();

            Barcode128 barcode = new Barcode128();
            barcode.setCode(c.mrn());
            barcode.setBarHeight(34f);
            barcode.setX(1.1f);
            Image image = barcode.createImageWithBarcode(canvas, null, null);
            image.setAbsolutePosition(14f, (BAND.getHeight() - image.getScaledHeight()) / 2);
            canvas.addImage(image);

            BaseFont bold = BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
            BaseFont plain = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
            float x = 14f + image.getScaledWidth() + 16f;
            canvas.beginText();
            canvas.setFontAndSize(bold, 13f);
            canvas.setTextMatrix(x, 50f);
            canvas.showText(c.familyName().toUpperCase(java.util.Locale.ROOT) + ", " + c.givenName());
            canvas.setFontAndSize(plain, 9.5f);
            canvas.setTextMatrix(x, 35f);
            canvas.showText("MRN " + c.mrn() + "   DOB " + DATE.format(c.birthDate()) + " (" + c.age() + " y)   "
                    + c.sex());
            canvas.setTextMatrix(x, 21f);
            canvas.showText((c.bed() == null ? "" : "Bed " + c.bed() + "   ")
                    + (c.admitted() == null ? "" : "Admitted " + DATE.format(c.admitted())));
            canvas.endText();
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("the wristband could not be laid out", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
