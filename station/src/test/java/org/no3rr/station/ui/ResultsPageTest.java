package org.no3rr.station.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.no3rr.protocol.ProtocolTemplates;
import org.no3rr.station.results.Python;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The Results section and the compare view, on simulator runs of seven templates (a
 * chronoamperometry series and a recycling test with readings entered for their holds, an LSV, CVs
 * at five scan rates, rate steps, a discharge polarization, long-term cycling): every figure the station lists is drawn on a phone
 * with exactly the API's points, its CSV link delivers the API's CSV whose numbers are those points,
 * its PNG link a print-resolution image; a comparison is addressed by its URL and refused, naming
 * the run, when a run lacks the figure.
 */
@QuarkusTest
@TestProfile(ResultsTestProfile.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResultsPageTest extends BrowserPageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RUN_WAIT = Duration.ofSeconds(120);
    /** 85 mm at 300 dpi: one journal column. */
    private static final int COLUMN_PX = (int) Math.round(85 / 25.4 * 300);

    private final Map<String, Long> templateRuns = new LinkedHashMap<>();

    @BeforeAll
    void runFiveTemplatesAndEnterTheirReadings() {
        openBrowser();
        long calibration = api.request().body(RunPageTest.CALIBRATION).post("/api/calibrations")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        long series = startTemplate("chronoamperometry-series", "ch3", ChannelCardsPageTest.H_CELL);
        long recycling = startTemplate("chronoamperometry-recycling", "ch4", ChannelCardsPageTest.H_CELL);
        long rate = startTemplate("rate-steps", "ch1", ChannelCardsPageTest.BATTERY);
        long polarization = startTemplate("discharge-polarization", "ch2", ChannelCardsPageTest.BATTERY);
        for (long run : List.of(series, recycling, rate, polarization)) {
            assertThat(api.answerPromptsUntilEnded(run, RUN_WAIT)).as("run %d", run).isEqualTo("DONE");
        }
        // Voltammetry after the holds, on the same two H-cells.
        long lsv = startTemplate("lsv", "ch3", ChannelCardsPageTest.H_CELL);
        long cdl = startTemplate("cdl-cv", "ch4", ChannelCardsPageTest.H_CELL);
        for (long run : List.of(lsv, cdl)) {
            assertThat(api.answerPromptsUntilEnded(run, RUN_WAIT)).as("run %d", run).isEqualTo("DONE");
        }
        // Long-term cycling would go on for 500 cycles: a few are enough for its figures.
        long cycling = startTemplate("rechargeable-cycling", "ch1", ChannelCardsPageTest.BATTERY);
        await().atMost(RUN_WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> api.request().get("/api/runs/" + cycling + "/cycles").jsonPath().getList("$").size() >= 4);
        api.request().post("/api/runs/" + cycling + "/stop");
        api.awaitState(cycling, "STOPPED", RUN_WAIT);

        // One absorbance per hold, rising with the potential; the first hold of the series read twice (mean ± SD).
        double signal = 0.30;
        for (int hold : holdSteps(series)) {
            enterReading(series, hold, calibration, signal += 0.05);
        }
        enterReading(series, holdSteps(series).get(0), calibration, 0.33);
        for (int hold : holdSteps(recycling)) {
            enterReading(recycling, hold, calibration, signal -= 0.01);
        }
        browser.logIn(token.value());
    }

    @Test
    void everyFigureOfEveryRunIsDrawnWithTheApisPointsAndItsDownloadsHoldTheSameNumbers() throws IOException {
        List<String> refused = new ArrayList<>();
        for (Map.Entry<String, Long> entry : templateRuns.entrySet()) {
            long run = entry.getValue();
            JsonNode available = getJson("/api/runs/" + run + "/figures");
            browser.go("#/run/" + run);
            browser.waitUntil(d -> !d.findElements(By.cssSelector(".figure-list details.figure")).isEmpty());
            List<String> shown = browser.driver.findElements(By.cssSelector(".figure-list details.figure")).stream()
                    .map(e -> e.getAttribute("data-figure")).toList();
            List<String> listed = new ArrayList<>();
            available.forEach(f -> listed.add(f.get("id").asText()));
            assertThat(shown).as("%s: the figures the station lists", entry.getKey()).isEqualTo(listed).isNotEmpty();
            assertThat(browser.driver.findElement(By.cssSelector(".results a[data-format=pack]")).getAttribute("href"))
                    .endsWith("/api/runs/" + run + "/export?format=pack");

            for (JsonNode figure : available) {
                String href = figure.get("href").asText();
                WebElement details = browser.driver.findElement(By.cssSelector("details[data-figure='" + figure.get("id").asText() + "']"));
                browser.click(details.findElement(By.tagName("summary")));
                WebElement panel = browser.waitUntil(d -> {
                    WebElement p = details.findElement(By.cssSelector(".figure-panel"));
                    return "loading".equals(p.getAttribute("data-state")) ? null : p;
                });
                String status = panel.findElement(By.cssSelector(".figure-status")).getText();
                var answer = api.request().get(href);
                if (answer.statusCode() == 409) {
                    // Data the figure needs is missing (the simulator's CVs have no double-layer current):
                    // the page says what, in the station's words, and offers no download.
                    assertThat(panel.getAttribute("data-state")).isEqualTo("refused");
                    assertThat(status).isEqualTo("Not yet: " + answer.jsonPath().getString("error") + ".");
                    assertThat(panel.findElement(By.cssSelector(".downloads")).isDisplayed()).isFalse();
                    refused.add(href);
                    continue;
                }
                assertThat(panel.getAttribute("data-state")).as("%s of %s: %s", href, entry.getKey(), status)
                        .isEqualTo("drawn");
                checkDrawnAndDownloads(panel, href);
            }
            assertThat(browser.scrollsSideways()).as("run %d at 390 px", run).isFalse();
            browser.screenshot("phone-390x844-results-" + entry.getKey());
        }
        // Only Cdl may lack its data here, and only because the simulated cell has no double layer.
        assertThat(refused).allMatch(href -> href.endsWith("/figures/cdl"));
    }

    @Test
    void onADesktopAFigureIsDrawnWideAndItsPngIsOneJournalColumnAt300Dpi() throws IOException {
        long series = templateRuns.get("chronoamperometry-series");
        browser.desktop();
        try {
            browser.go("#/run/" + series);
            WebElement details = browser.waitFor(By.cssSelector("details[data-figure=fe-vs-potential]"));
            browser.click(details.findElement(By.tagName("summary")));
            WebElement panel = browser.waitUntil(d -> {
                WebElement p = details.findElement(By.cssSelector(".figure-panel"));
                return "drawn".equals(p.getAttribute("data-state")) ? p : null;
            });
            assertThat(panel.findElement(By.tagName("canvas")).getSize().getWidth()).isGreaterThan(900);
            // The repeated hold is a mean of two readings: its error bar is the CSV's SD column.
            // Potentials ascend, so the first hold (−0.1 V vs RHE, read twice) is the last bar: the mean of its
            // two readings' FE, and their SD |FE₁ − FE₂| / √2.
            JsonNode bars = getJson("/api/runs/" + series + "/figures/fe-vs-potential").get("series").get(0).get("points");
            JsonNode readings = getJson("/api/runs/" + series + "/readings");
            double first = readings.get(0).get("faradaicEfficiency").asDouble() * 100;
            double again = readings.get(readings.size() - 1).get("faradaicEfficiency").asDouble() * 100;
            JsonNode repeated = bars.get(bars.size() - 1);
            assertThat(bars).hasSize(5);
            assertThat(repeated.get("x").asDouble()).isEqualTo(-0.1);
            assertThat(repeated.get("n").asInt()).isEqualTo(2);
            assertThat(repeated.get("y").asDouble()).isCloseTo((first + again) / 2, within(1e-12));
            assertThat(repeated.get("sd").asDouble()).isCloseTo(Math.abs(first - again) / Math.sqrt(2), within(1e-12));
            assertThat(bars.get(0).get("x").asDouble()).isEqualTo(-0.5);
            assertThat(bars.get(0).get("n").asInt()).isEqualTo(1);
            assertThat(bars.get(0).get("sd").isNull()).isTrue();
            browser.screenshot("desktop-1280x800-results-fe-vs-potential");

            byte[] png = api.request().get("/api/runs/" + series + "/figures/fe-vs-potential?format=png")
                    .then().statusCode(200).contentType("image/png").extract().asByteArray();
            assertThat(pngWidth(png)).isEqualTo(COLUMN_PX);
        } finally {
            browser.phone();
        }
    }

    @Test
    void rateStepsGiveOnePointPerDischargeThatPassedCurrentAndNameTheOneThatEndedAtOnce() {
        long rate = templateRuns.get("rate-steps");
        JsonNode figure = getJson("/api/runs/" + rate + "/figures/rate-capability");
        JsonNode points = figure.get("series").get(0).get("points");
        // 10 min at j mA cm⁻² on 1 cm² is j/6 mAh, over 0.05 g of Zn 10·j/3 mAh g⁻¹: 3.33, 6.67, 16.7, 23.3;
        // at 10 mA cm⁻² the cell reaches 0.8 V early, and the 20 mA cm⁻² step (step 7) starts below it.
        double[] expected = {10.0 / 3, 20.0 / 3, 50.0 / 3, 70.0 / 3};
        assertThat(points).hasSize(5);
        for (int i = 0; i < expected.length; i++) {
            assertThat(points.get(i).get("y").asDouble()).as("point %d", i).isCloseTo(expected[i], within(0.01));
        }
        assertThat(points.get(4).get("x").asDouble()).isCloseTo(10, within(0.01));
        assertThat(points.get(4).get("y").asDouble()).isLessThan(100.0 / 3);
        assertThat(figure.get("notes").get(1).asText())
                .isEqualTo("discharge step 7 is not drawn: it ended at its first reading, before any current flowed");
    }

    @Test
    void aComparisonIsAddressedByItsUrlOverlaysTheRunsAndDownloadsTheApisCsv() throws IOException {
        long series = templateRuns.get("chronoamperometry-series");
        long recycling = templateRuns.get("chronoamperometry-recycling");
        String runs = series + "," + recycling;
        browser.go("#/compare?runs=" + runs + "&figure=fe-vs-potential");
        WebElement panel = browser.waitUntil(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(".compare-result .figure-panel[data-state=drawn]"));
            return found.isEmpty() ? null : found.get(0);
        });
        String href = "/api/compare?runs=" + runs + "&figure=fe-vs-potential";
        JsonNode figure = checkDrawnAndDownloads(panel, href);
        List<String> names = new ArrayList<>();
        figure.get("series").forEach(s -> names.add(s.get("name").asText()));
        assertThat(names).containsExactly("run " + series + " · FE NH3", "run " + series + " · yield NH3",
                "run " + recycling + " · FE NH3", "run " + recycling + " · yield NH3");
        assertThat(browser.driver.findElement(By.cssSelector(".compare-result a[data-format=pack]")).getAttribute("href"))
                .endsWith("/api/compare/pack?runs=" + runs);
        assertThat(browser.scrollsSideways()).isFalse();
        browser.screenshot("phone-390x844-compare");

        // Choosing another figure the runs share changes the address, so the view can be bookmarked.
        new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("compare-figure")))
                .selectByValue("current-vs-time");
        browser.waitUntil(d -> ((String) browser.script("return location.hash"))
                .equals("#/compare?runs=" + runs + "&figure=current-vs-time"));
        WebElement current = browser.waitUntil(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(".compare-result .figure-panel[data-state=drawn]"));
            return found.isEmpty() ? null : found.get(0);
        });
        checkDrawnAndDownloads(current, "/api/compare?runs=" + runs + "&figure=current-vs-time");
    }

    @Test
    void aComparisonWithARunThatLacksTheFigureIsRefusedNamingTheRun() {
        long series = templateRuns.get("chronoamperometry-series");
        long rate = templateRuns.get("rate-steps");
        browser.go("#/compare?runs=" + series + "," + rate + "&figure=fe-vs-potential");
        WebElement panel = browser.waitUntil(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(".compare-result .figure-panel[data-state=refused]"));
            return found.isEmpty() ? null : found.get(0);
        });
        String refusal = api.request().get("/api/compare?runs=" + series + "," + rate + "&figure=fe-vs-potential")
                .then().statusCode(400).extract().jsonPath().getString("error");
        assertThat(refusal).startsWith("run " + rate + " cannot be compared on fe-vs-potential: run " + rate
                + " has no figure 'fe-vs-potential': it needs a Hold step");
        assertThat(panel.findElement(By.cssSelector(".figure-status")).getText())
                .isEqualTo("The figure could not be drawn: " + refusal);
        assertThat(browser.driver.findElement(By.id("compare-figure")).getText()).isEqualTo("No figure in common");
    }

    @Test
    void thePaperPackOfEveryTemplateRunOpensWithStandardToolsAndItsMethodsNameTheTechnique(@TempDir Path dir)
            throws IOException, InterruptedException {
        String rhe = "E(RHE) = E(Ag/AgCl) + 0.197 V + 0.0592 V × pH, with pH 7, i.e. E(RHE) = E(Ag/AgCl) + 0.6114 V";
        Map<String, List<String>> named = Map.of(
                "chronoamperometry-series", List.of("chronoamperometry (CA) at −0.1, −0.2, −0.3, −0.4 and −0.5 V vs RHE",
                        rhe, "NH3 was quantified by the indophenol blue method"),
                "chronoamperometry-recycling", List.of("repeated 10 times", "chronoamperometry (CA) at −0.1 V vs RHE", rhe,
                        "NH3 was quantified by the indophenol blue method"),
                "lsv", List.of("linear sweep voltammetry (LSV) from ", rhe),
                "cdl-cv", List.of("cyclic voltammetry (CV) between ", rhe),
                "rate-steps", List.of("galvanostatic discharge at "),
                "discharge-polarization", List.of("discharge polarization: the current density stepped from "),
                "rechargeable-cycling", List.of("repeated 500 times", "galvanostatic discharge at ", "galvanostatic charge at "));
        for (Map.Entry<String, Long> entry : templateRuns.entrySet()) {
            long run = entry.getValue();
            byte[] zip = api.request().get("/api/runs/" + run + "/export?format=pack").then().statusCode(200)
                    .contentType("application/zip").extract().asByteArray();
            Path file = Files.write(dir.resolve(entry.getKey() + ".zip"), zip);
            String root = "run-" + run + "/";
            // zipfile checks every entry's CRC; csv reads every table, each row as wide as its header; each PNG's
            // signature and width from its IHDR; the figures metadata.json lists are the PNGs there are.
            List<String> read = Python.run("""
                    import csv, io, json, struct, sys, zipfile
                    z = zipfile.ZipFile(sys.argv[1])
                    print('crc', z.testzip())
                    for name in z.namelist():
                        data = z.read(name)
                        if name.endswith('.csv'):
                            rows = list(csv.reader(io.StringIO(data.decode('utf-8'))))
                            print('csv', name, all(len(r) == len(rows[0]) for r in rows), len(rows) - 1)
                        elif name.endswith('.png'):
                            print('png', name, data[:8] == b'\\x89PNG\\r\\n\\x1a\\n', struct.unpack('>I', data[16:20])[0])
                    meta = json.loads(z.read(sys.argv[2] + 'metadata.json'))
                    print('figures', sorted(f['png'] for f in meta['figures']))
                    """, file.toString(), root);
            assertThat(read.get(0)).isEqualTo("crc None");
            List<String> csvs = read.stream().filter(line -> line.startsWith("csv ")).toList();
            assertThat(csvs).as(entry.getKey()).allMatch(line -> line.matches("csv \\S+ True \\d+"))
                    .anyMatch(line -> line.startsWith("csv " + root + "samples.csv True "))
                    .anyMatch(line -> line.startsWith("csv " + root + "steps.csv True "));
            List<String> pngs = read.stream().filter(line -> line.startsWith("png ")).toList();
            assertThat(pngs).as(entry.getKey()).isNotEmpty().allMatch(line -> line.endsWith(" True " + COLUMN_PX));
            String listed = pngs.stream().map(line -> "'" + line.split(" ")[1].substring(root.length()) + "'")
                    .sorted().reduce((a, b) -> a + ", " + b).orElseThrow();
            assertThat(read.get(read.size() - 1)).isEqualTo("figures [" + listed + "]");

            String methods = new String(unzipped(zip, root + "methods.md"), StandardCharsets.UTF_8);
            assertThat(methods).as(entry.getKey()).startsWith("# Methods — run " + run + "\n")
                    .contains(named.get(entry.getKey()));
            assertThat(ImageIO.read(new ByteArrayInputStream(unzipped(zip, root + pngs.get(0).split(" ")[1]
                    .substring(root.length()))))).isNotNull();
        }
    }

    /**
     * The chart on the page holds the JSON's points, series by series; the CSV link is the JSON's
     * URL with format=csv and delivers (with the page's session) the API's CSV, whose rows are those
     * points; the PNG link delivers a PNG one journal column wide. Returns the figure's JSON.
     */
    private JsonNode checkDrawnAndDownloads(WebElement panel, String href) throws IOException {
        JsonNode figure = getJson(href);
        @SuppressWarnings("unchecked")
        List<List<List<Number>>> drawn = (List<List<List<Number>>>) browser.script("""
                const chart = Chart.getChart(arguments[0].querySelector('canvas'));
                return chart.data.datasets.map(d => d.data.map(p => [p.x, p.y]));""", panel);
        assertThat(drawn).hasSize(figure.get("series").size());
        List<Double[]> points = new ArrayList<>();
        for (int s = 0; s < drawn.size(); s++) {
            JsonNode expected = figure.get("series").get(s).get("points");
            assertThat(drawn.get(s)).as("%s series %d", href, s).hasSize(expected.size());
            for (int k = 0; k < expected.size(); k++) {
                // An absent value (a CE without a charge) is null in JSON, a gap on the chart, an empty CSV cell.
                Double x = number(expected.get(k).get("x"));
                Double y = number(expected.get(k).get("y"));
                assertThat(number(drawn.get(s).get(k).get(0))).as("%s series %d point %d x", href, s, k).isEqualTo(x);
                assertThat(number(drawn.get(s).get(k).get(1))).as("%s series %d point %d y", href, s, k).isEqualTo(y);
                points.add(new Double[] {x, y});
            }
        }
        assertThat(panel.getAttribute("data-points")).isEqualTo(Integer.toString(points.size()));
        assertThat(panel.findElement(By.tagName("canvas")).getSize().getHeight()).isGreaterThan(200);

        String join = href.contains("?") ? "&" : "?";
        WebElement csvLink = panel.findElement(By.cssSelector("a[data-download=csv]"));
        assertThat(pathAndQuery(csvLink.getAttribute("href"))).isEqualTo(href + join + "format=csv");
        @SuppressWarnings("unchecked")
        Map<String, Object> csv = (Map<String, Object>) browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(async r => done({status: r.status, type: r.headers.get('content-type'),
                    body: await r.text()}));""", csvLink.getAttribute("href"));
        String apiCsv = api.request().get(href + join + "format=csv").then().statusCode(200).extract().asString();
        assertThat(csv).containsEntry("status", 200L).containsEntry("body", apiCsv);
        assertThat((String) csv.get("type")).startsWith("text/csv");
        assertCsvRowsArePoints(apiCsv, figure, points);

        WebElement pngLink = panel.findElement(By.cssSelector("a[data-download=png]"));
        assertThat(pathAndQuery(pngLink.getAttribute("href"))).isEqualTo(href + join + "format=png");
        @SuppressWarnings("unchecked")
        Map<String, Object> png = (Map<String, Object>) browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(async r => { const b = new DataView(await r.arrayBuffer());
                    done({status: r.status, type: r.headers.get('content-type'), width: b.getUint32(16)}); });""",
                pngLink.getAttribute("href"));
        assertThat(png).containsEntry("status", 200L).containsEntry("type", "image/png")
                .containsEntry("width", (long) COLUMN_PX);
        // The station's own drawing of the figure, kept next to the screenshots for a person to review.
        byte[] print = api.request().get(href + join + "format=png").then().statusCode(200).extract().asByteArray();
        Files.createDirectories(Browser.SCREENSHOTS);
        Files.write(Browser.SCREENSHOTS.resolve("figure-" + href.replaceAll("[^A-Za-z0-9]+", "-")
                .replaceAll("^-|-$", "") + ".png"), print);
        return figure;
    }

    /** Each CSV row is the next point: x in the x column, y in the left or right column of its series' axis. */
    private static void assertCsvRowsArePoints(String csv, JsonNode figure, List<Double[]> points) {
        List<String> lines = csv.lines().toList();
        List<String> header = List.of(lines.get(0).split(",", -1));
        int xColumn = header.indexOf(columnOf(figure.get("x")));
        int yColumn = header.indexOf(columnOf(figure.get("y")));
        int y2Column = figure.path("y2").isObject() ? header.indexOf(columnOf(figure.get("y2"))) : -1;
        assertThat(lines).hasSize(points.size() + 1);
        int row = 1;
        for (JsonNode series : figure.get("series")) {
            int column = series.get("axis").asText().equals("y2") ? y2Column : yColumn;
            for (int k = 0; k < series.get("points").size(); k++, row++) {
                String[] cells = lines.get(row).split(",", -1);
                assertThat(cells[0]).isEqualTo(series.get("name").asText());
                assertThat(cell(cells[xColumn])).as("row %d x", row).isEqualTo(points.get(row - 1)[0]);
                assertThat(cell(cells[column])).as("row %d y", row).isEqualTo(points.get(row - 1)[1]);
            }
        }
    }

    private static Double cell(String text) {
        return text.isEmpty() ? null : Double.valueOf(text);
    }

    private static Double number(JsonNode node) {
        return node == null || node.isNull() ? null : node.asDouble();
    }

    private static Double number(Number value) {
        return value == null ? null : value.doubleValue();
    }

    private static String columnOf(JsonNode axis) {
        String unit = axis.get("unit").asText();
        return axis.get("quantity").asText() + (unit.isEmpty() ? "" : "_" + unit);
    }

    private long startTemplate(String id, String channel, String cell) {
        long run = startRun(channel, ProtocolTemplates.byId(id).orElseThrow().text(), cell);
        templateRuns.put(id, run);
        return run;
    }

    private List<Integer> holdSteps(long run) {
        List<Integer> holds = new ArrayList<>();
        getJson("/api/runs/" + run + "/steps").forEach(step -> {
            if (step.get("kind").asText().equals("hold")) {
                holds.add(step.get("stepNumber").asInt());
            }
        });
        return holds;
    }

    private void enterReading(long run, int step, long calibration, double absorbance) {
        api.request().contentType(ContentType.JSON).body("{\"stepNumber\": " + step + ", \"calibrationId\": " + calibration
                        + ", \"signal\": " + absorbance + ", \"dilutionFactor\": 100}")
                .post("/api/runs/" + run + "/readings").then().statusCode(201);
    }

    private JsonNode getJson(String path) {
        try {
            return JSON.readTree(api.request().get(path).then().statusCode(200).extract().asString());
        } catch (IOException e) {
            throw new AssertionError("unreadable JSON from " + path, e);
        }
    }

    private static String pathAndQuery(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    private static byte[] unzipped(byte[] zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError(name + " is not in the pack");
    }

    private static int pngWidth(byte[] png) throws IOException {
        return ByteBuffer.wrap(new ByteArrayInputStream(png).readNBytes(24)).getInt(16);
    }
}
