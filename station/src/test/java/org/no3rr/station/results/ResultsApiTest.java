package org.no3rr.station.results;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.no3rr.station.AuthenticatedApiTest;
import org.no3rr.station.export.SampleCsvWriter;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * The paper pack of a run and of a comparison, opened as a reader would — with java.util.zip and
 * with Python's zipfile and csv modules — and the refusals of the figure endpoints. Two chronoamperometry
 * runs with one reading each: the pack's tables equal the API's, its figures are 300 dpi PNGs, and its
 * methods paragraph names the technique, the potentials vs RHE with the conversion and its numbers,
 * and the quantification method with its calibration.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResultsApiTest extends AuthenticatedApiTest {

    private static final String H_CELL = "{\"areaCm2\": 1.0, \"catalystMassMg\": 2.0, \"catholyteVolumeMl\": 40, \"ph\": 7}";
    // The seed's NH4Cl standards on an exactly linear A = 8000 L/mol · c + 0.040.
    private static final String CALIBRATION = """
            {"name": "pack NH4Cl in 0.5 M K2SO4", "method": "INDOPHENOL_BLUE_NH3",
             "standardsMolPerL": [0, 1e-5, 2e-5, 5e-5, 1e-4], "signals": [0.040, 0.120, 0.200, 0.440, 0.840]}""";
    /** 85 mm at 300 dpi. */
    private static final int COLUMN_PX = 1004;

    private long series;
    private long single;

    /** Once for the class; in a {@code @BeforeAll}, RestAssured's port is not set up yet. */
    @BeforeEach
    void runTwoChronoamperometriesWithReadings() {
        if (series != 0) {
            return;
        }
        long calibration = given().body(CALIBRATION).post("/api/calibrations").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        series = start("ch3", "Record every 10 s\nHold at -0.1 V vs RHE for 10 min\nHold at -0.3 V vs RHE for 10 min");
        single = start("ch4", "Hold at -0.2 V vs RHE for 10 min");
        for (long run : List.of(series, single)) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> given().get("/api/runs/" + run).jsonPath().getString("state").equals("DONE"));
        }
        reading(series, 1, calibration, 0.5);
        reading(series, 2, calibration, 0.6);
        reading(single, 1, calibration, 0.55);
    }

    @Test
    void aRunsPackHoldsItsTablesFiguresAndAMethodsParagraphThatStandardToolsRead(@TempDir Path dir)
            throws IOException, InterruptedException {
        byte[] zip = given().get("/api/runs/" + series + "/export?format=pack").then().statusCode(200)
                .contentType("application/zip")
                .header("Content-Disposition", "attachment; filename=\"run-" + series + "-pack.zip\"")
                .extract().asByteArray();
        Map<String, byte[]> entries = unzip(zip);
        String root = "run-" + series + "/";
        assertThat(entries.keySet()).contains(root + "methods.md", root + "metadata.json", root + "protocol.txt",
                root + "samples.csv", root + "steps.csv", root + "cycles.csv", root + "readings.csv", root + "events.csv",
                root + "figures/fe-vs-potential.png", root + "figures/fe-vs-potential.csv",
                root + "figures/current-vs-time.png");
        assertThat(entries.keySet()).anyMatch(name -> name.startsWith(root) && name.endsWith(".bdf.csv"));

        // The tables are the API's own downloads, byte for byte.
        assertThat(text(entries, root + "samples.csv")).isEqualTo(given().get("/api/runs/" + series + "/export?format=csv")
                .then().statusCode(200).extract().asString()).startsWith(SampleCsvWriter.HEADER + "\n");
        assertThat(text(entries, root + "figures/fe-vs-potential.csv")).isEqualTo(given()
                .get("/api/runs/" + series + "/figures/fe-vs-potential?format=csv").then().statusCode(200).extract().asString());
        assertThat(text(entries, root + "protocol.txt")).isEqualTo(given().get("/api/runs/" + series).jsonPath()
                .getString("protocol"));
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(entries.get(root + "figures/fe-vs-potential.png")));
        assertThat(png.getWidth()).isEqualTo(COLUMN_PX);

        String methods = text(entries, root + "methods.md");
        assertThat(methods).startsWith("# Methods — run " + series + "\n")
                .contains("chronoamperometry (CA) at −0.1 and −0.3 V vs RHE")
                // E(RHE) = E(Ag/AgCl) + 0.197 V + 0.0592 V × 7 = E(Ag/AgCl) + 0.6114 V (domain.md's 2.303RT/F at 25 °C)
                .contains("converted to the reversible hydrogen electrode (RHE) scale as E(RHE) = E(Ag/AgCl) + 0.197 V "
                        + "+ 0.0592 V × pH, with pH 7, i.e. E(RHE) = E(Ag/AgCl) + 0.6114 V")
                .contains("(−0.7114 and −0.9114 V vs Ag/AgCl (sat. KCl)) for 10 min each")
                .contains("NH3 was quantified by the indophenol blue method (absorbance at 655 nm) (calibration "
                        + "“pack NH4Cl in 0.5 M K2SO4”): a least-squares line A = a·c + b through 5 standards from 0 to "
                        + "0.1 mM (a = 8000 L mol⁻¹, b = 0.04, R² = 1");

        // Python's standard library reads the same archive and tables.
        Path file = Files.write(dir.resolve("pack.zip"), zip);
        List<String> python = python(file, root);
        JsonPath readings = given().get("/api/runs/" + series + "/readings").jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
        long samples = given().get("/api/runs/" + series).jsonPath().getLong("samplesStored");
        assertThat(python).containsExactly("ok", "samples " + samples, "readings 2",
                "fe " + readings.getDouble("[0].faradaicEfficiencyPercent") + " "
                        + readings.getDouble("[1].faradaicEfficiencyPercent"),
                "run " + series);
    }

    @Test
    void aComparisonsPackHoldsTheSharedFiguresOverlaidAndEachRunsPack() throws IOException {
        String runs = series + "," + single;
        byte[] zip = given().get("/api/compare/pack?runs=" + runs).then().statusCode(200).contentType("application/zip")
                .extract().asByteArray();
        Map<String, byte[]> entries = unzip(zip);
        String root = "compare-" + series + "-" + single + "/";
        assertThat(entries.keySet()).contains(root + "methods.md", root + "comparison.json",
                root + "figures/fe-vs-potential.png", root + "figures/current-vs-time.csv",
                root + "run-" + series + "/methods.md", root + "run-" + single + "/readings.csv");
        assertThat(text(entries, root + "figures/fe-vs-potential.csv")).isEqualTo(given()
                .get("/api/compare?runs=" + runs + "&figure=fe-vs-potential&format=csv").then().statusCode(200)
                .extract().asString());
        assertThat(text(entries, root + "methods.md")).startsWith("# Methods — comparison of runs " + series + ", "
                + single + "\n").contains("## Methods — run " + series, "## Methods — run " + single);
    }

    @Test
    void badFigureRequestsAreRefusedNamingTheFieldAndWhatIsAllowed() {
        given().get("/api/runs/" + series + "/figures/fe-vs-potential?format=gif").then().statusCode(400)
                .body("field", equalTo("format"))
                .body("error", equalTo("format 'gif' is not supported; allowed: json, csv, png"));
        given().get("/api/runs/" + series + "/figures/fe-vs-potential?widthMm=500").then().statusCode(400)
                .body("field", equalTo("widthMm"))
                .body("error", equalTo("widthMm is '500' but must be a number from 40 to 180 mm (default 85)"));
        given().get("/api/runs/" + series + "/figures/dqdv").then().statusCode(404)
                .body("error", startsWith("run " + series + " has no figure 'dqdv': it needs a Charge or Discharge step"));
        given().get("/api/compare?runs=" + series + ",x&figure=fe-vs-potential").then().statusCode(400)
                .body("field", equalTo("runs"));
        given().get("/api/compare?runs=" + series).then().statusCode(400).body("field", equalTo("figure"));
        given().get("/api/compare/pack?runs=" + series + "," + series).then().statusCode(400)
                .body("field", equalTo("runs")).body("error", equalTo("runs names run " + series + " twice"));
    }

    private static long start(String channel, String protocol) {
        String body = "{\"channel\": \"" + channel + "\", \"protocol\": \"" + protocol.replace("\n", "\\n")
                + "\", \"cell\": " + H_CELL + "}";
        return given().body(body).post("/api/runs").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static void reading(long run, int step, long calibration, double absorbance) {
        given().body("{\"stepNumber\": " + step + ", \"calibrationId\": " + calibration + ", \"signal\": " + absorbance
                + ", \"dilutionFactor\": 10}").post("/api/runs/" + run + "/readings").then().statusCode(201);
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static String text(Map<String, byte[]> entries, String name) {
        assertThat(entries).containsKey(name);
        return new String(entries.get(name), StandardCharsets.UTF_8);
    }

    /** What Python's zipfile, csv and json make of the pack: one fact per line. */
    private static List<String> python(Path zip, String root) throws IOException, InterruptedException {
        String script = """
                import csv, io, json, sys, zipfile
                z = zipfile.ZipFile(sys.argv[1])
                print('ok' if z.testzip() is None else 'corrupt')
                def table(name):
                    return list(csv.DictReader(io.TextIOWrapper(z.open(sys.argv[2] + name), encoding='utf-8')))
                print('samples', len(table('samples.csv')))
                readings = table('readings.csv')
                print('readings', len(readings))
                print('fe', *[float(r['faradaic_efficiency_percent']) for r in readings])
                print('run', json.load(z.open(sys.argv[2] + 'metadata.json'))['run']['id'])
                """;
        return Python.run(script, zip.toString(), root);
    }
}
