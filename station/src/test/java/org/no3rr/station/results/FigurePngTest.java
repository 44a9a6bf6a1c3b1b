package org.no3rr.station.results;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The PNG is print resolution: the asked width at 300 dpi, and the file says 300 dpi. */
class FigurePngTest {

    private static final Figure RATES = new Figure("rate-capability", "Rate capability", List.of(1L),
            new Axis("j / mA cm⁻²", "current_density", "mA_per_cm2"),
            new Axis("discharge capacity / mAh g⁻¹", "discharge_capacity", "mAh_per_g_Zn"), null,
            List.of(new Series("discharge steps", 1, Series.YAxis.Y, Series.Style.LINE_MARKERS,
                    List.of(FigurePoint.of(1, 3.33), FigurePoint.of(2, 6.67), FigurePoint.of(5, 16.7))).withColor("#0072B2")),
            List.of(), List.of()).painted();

    @Test
    void oneColumnIs1004PixelsAndAPageWidth2126() throws IOException {
        // 85 mm / 25.4 mm per inch × 300 = 1003.9; 180 mm → 2125.98
        assertThat(image(png(85)).getWidth()).isEqualTo(1004);
        assertThat(image(png(180)).getWidth()).isEqualTo(2126);
        assertThat(FigurePng.widthPx(85)).isEqualTo(1004);
    }

    @Test
    void thePhysChunkStates300DotsPerInch() throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png(85)))) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            IIOMetadata metadata = reader.getImageMetadata(0);
            Node root = metadata.getAsTree("javax_imageio_png_1.0");
            Element phys = null;
            for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n.getNodeName().equals("pHYs")) {
                    phys = (Element) n;
                }
            }
            assertThat(phys).isNotNull();
            // 300 per inch = 300 / 0.0254 m = 11811 per metre
            assertThat(phys.getAttribute("pixelsPerUnitXAxis")).isEqualTo("11811");
            assertThat(phys.getAttribute("unitSpecifier")).isEqualTo("meter");
        }
    }

    private static byte[] png(double widthMm) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FigurePng.write(RATES, widthMm, out);
        return out.toByteArray();
    }

    private static BufferedImage image(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }
}
