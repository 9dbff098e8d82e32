package org.asclepius.hms.inpatient;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.oned.Code128Reader;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class WristbandTest {
    private static final Wristband.Content ANNA = new Wristband.Content("Müller", "Anna", "M0001234X",
            LocalDate.of(1950, 3, 9), 76, "female", "W3 12-B", LocalDate.of(2026, 11, 20));

    @Test
    void printsTheBannerDataOnOneBandSizedPage() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(Wristband.pdf(ANNA))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            assertThat(pdf.getPage(0).getMediaBox().getWidth()).isEqualTo(567f);
            assertThat(pdf.getPage(0).getMediaBox().getHeight()).isEqualTo(72f);
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("MÜLLER, Anna").contains("MRN M0001234X").contains("DOB 09 Mar 1950 (76 y)")
                    .contains("female").contains("Bed W3 12-B").contains("Admitted 20 Nov 2026");
        }
    }

    @Test
    void itsBarcodeScansAsTheMrn() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(Wristband.pdf(ANNA))) {
            BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(0, 300);
            Result scanned = new Code128Reader().decode(
                    new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                    Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
            assertThat(scanned.getBarcodeFormat()).isEqualTo(BarcodeFormat.CODE_128);
            assertThat(scanned.getText()).isEqualTo("M0001234X");
        }
    }

    @Test
    void aPatientWithoutBedOrAdmissionDateStillGetsABand() throws Exception {
        var plain = new Wristband.Content("Doe", "John", "M0000042Y", LocalDate.of(2000, 1, 1), 26, "male", null,
                null);
        try (PDDocument pdf = Loader.loadPDF(Wristband.pdf(plain))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("DOE, John").doesNotContain("Bed");
        }
    }
}
