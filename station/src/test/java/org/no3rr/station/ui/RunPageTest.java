package org.no3rr.station.ui;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.no3rr.station.export.SampleCsvWriter;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run's page and the start form on a phone: a sample reading gives an FE, the downloads are
 * plain links that deliver CSV, a protocol's errors show on their lines, and pause, resume and
 * stop each ask first.
 */
@QuarkusTest
@TestProfile(UiTestProfile.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunPageTest extends BrowserPageTest {

    // The seed's NH4Cl standards on an exactly linear A = 8000 L/mol · c + 0.040.
    static final String CALIBRATION = """
            {"name": "UI NH4Cl in 0.5 M K2SO4", "method": "INDOPHENOL_BLUE_NH3",
             "standardsMolPerL": [0, 1e-5, 2e-5, 5e-5, 1e-4], "signals": [0.040, 0.120, 0.200, 0.440, 0.840]}""";

    private long holdRun;

    @BeforeAll
    void finishAHoldAndOpenTheBrowser() {
        openBrowser();
        holdRun = startRun("ch4", "Hold at -0.1 V vs RHE for 2 min", ChannelCardsPageTest.H_CELL);
        browser.logIn(token.value());
        api.awaitState(holdRun, "DONE", Duration.ofSeconds(30));
    }

    @Test
    void anAbsorbanceEnteredForAStepShowsItsFaradaicEfficiencyAndYield() {
        long calibration = api.request().contentType(ContentType.JSON).body(CALIBRATION).post("/api/calibrations")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        browser.go("#/run/" + holdRun);
        browser.waitUntil(d -> d.findElements(By.cssSelector("#reading-step option[value='1']")).size() == 1);
        browser.waitUntil(d -> d.findElements(By.cssSelector("#reading-calibration option[value='" + calibration + "']")).size() == 1);

        new Select(browser.driver.findElement(By.id("reading-step"))).selectByValue("1");
        new Select(browser.driver.findElement(By.id("reading-calibration"))).selectByValue(Long.toString(calibration));
        browser.driver.findElement(By.id("reading-signal")).sendKeys("0.5");
        WebElement dilution = browser.driver.findElement(By.id("reading-dilution"));
        dilution.clear();
        dilution.sendKeys("5");
        browser.click(browser.driver.findElement(By.cssSelector(".reading-form button[type=submit]")));

        WebElement result = browser.waitFor(By.cssSelector("#reading-result .ok-box"));
        double fe = api.request().get("/api/runs/" + holdRun + "/readings").jsonPath()
                .getDouble("[0].faradaicEfficiency");
        String percent = String.format(Locale.ROOT, "%.1f %%", fe * 100);
        assertThat(fe).isGreaterThan(0);
        assertThat(result.getText()).startsWith("Step 1: FE " + percent + " · yield ").contains("mg h⁻¹ mg_cat⁻¹");
        WebElement row = browser.waitFor(By.cssSelector(".readings-panel tbody tr"));
        assertThat(row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
                .startsWith("1", "NH3", percent);
        browser.screenshot("phone-390x844-run-electrolysis");
    }

    @Test
    void theDownloadsArePlainLinksThatDeliverTheRunsData(@TempDir Path downloads) throws IOException {
        browser.go("#/run/" + holdRun);
        WebElement csv = browser.waitFor(By.cssSelector("a[data-format=csv]"));
        assertThat(URI.create(csv.getAttribute("href")).getPath() + "?" + URI.create(csv.getAttribute("href")).getQuery())
                .isEqualTo("/api/runs/" + holdRun + "/export?format=csv");
        assertThat(csv.getAttribute("download")).isEqualTo("run-" + holdRun + ".csv");
        assertThat(browser.driver.findElements(By.cssSelector(".downloads a")).stream()
                .map(a -> a.getAttribute("data-format")).toList()).containsExactly("csv", "bdf", "cycles", "json");

        // What the link delivers, fetched as the page would, with the session cookie and nothing else.
        @SuppressWarnings("unchecked")
        Map<String, Object> fetched = (Map<String, Object>) browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(async r => done({status: r.status, type: r.headers.get('content-type'),
                    disposition: r.headers.get('content-disposition'), first: (await r.text()).split('\\n')[0]}));""",
                csv.getAttribute("href"));
        assertThat(fetched).containsEntry("status", 200L)
                .containsEntry("disposition", "attachment; filename=\"run-" + holdRun + ".csv\"")
                .containsEntry("first", SampleCsvWriter.HEADER);
        assertThat((String) fetched.get("type")).startsWith("text/csv");

        // And a tap on the link really downloads the file.
        browser.driver.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
        browser.click(csv);
        Path file = downloads.resolve("run-" + holdRun + ".csv");
        browser.waitUntil(d -> Files.exists(file) && !Files.exists(downloads.resolve("run-" + holdRun + ".csv.crdownload")));
        assertThat(Files.readAllLines(file).get(0)).isEqualTo(SampleCsvWriter.HEADER);
    }

    @Test
    void aRunStartedFromATemplateShowsProtocolErrorsOnTheirLinesAndIsPausedResumedAndStoppedWithConfirmation() {
        browser.go("#/start?channel=ch2");
        new Select(browser.waitFor(By.id("start-template"))).selectByValue("rechargeable-cycling");
        WebElement protocol = browser.driver.findElement(By.id("start-protocol"));
        assertThat(protocol.getDomProperty("value")).startsWith("Limits: 0 V to 2.6 V");
        assertThat(new Select(browser.driver.findElement(By.id("start-channel"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("ch2");
        int lines = protocol.getDomProperty("value").split("\n", -1).length;
        protocol.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), "\n  Discharge at banana for 1 min");
        browser.click(browser.driver.findElement(By.xpath("//button[text()='Check protocol']")));

        WebElement error = browser.waitFor(By.cssSelector(".line-errors li[data-line]"));
        assertThat(error.getAttribute("data-line")).isEqualTo(Integer.toString(lines + 1));
        assertThat(browser.driver.findElement(By.cssSelector(".editor .gutter span.bad")).getText())
                .isEqualTo(Integer.toString(lines + 1));
        assertThat(browser.scrollsSideways()).isFalse();
        browser.screenshot("phone-390x844-start-form-errors");

        setValue(protocol, "Rest for 1 min\nDischarge at 1 mA/cm2 for 2 h");
        WebElement area = browser.driver.findElement(By.id("cell-areaCm2"));
        area.clear();
        area.sendKeys("2");
        browser.click(browser.driver.findElement(By.cssSelector(".start-form button[type=submit]")));

        String hash = browser.waitUntil(d -> {
            String h = (String) browser.script("return location.hash");
            return h.matches("#/run/\\d+") ? h : null;
        });
        long run = Long.parseLong(hash.substring("#/run/".length()));
        runs.add(run);
        assertThat(api.run(run).getDouble("cell.areaCm2")).isEqualTo(2.0);
        waitForBadge("running");
        // The plot follows the run: samples from the stream are added without asking the station again.
        WebElement plot = browser.waitFor(By.cssSelector(".live-chart[data-points]"));
        int drawn = Integer.parseInt(plot.getAttribute("data-points"));
        browser.waitUntil(d -> Integer.parseInt(plot.getAttribute("data-points")) > drawn);
        assertThat(plot.findElement(By.cssSelector(".chart-info")).getText()).endsWith("following the run live");

        control("pause", "Pause run " + run);
        waitForBadge("paused");
        assertThat(api.state(run)).isEqualTo("PAUSED");
        control("resume", "Resume run " + run);
        waitForBadge("running");

        // Cancelling a confirmation changes nothing.
        browser.click(browser.driver.findElement(By.cssSelector("button[data-action=stop]")));
        browser.click(browser.waitFor(By.cssSelector("#dialog button[value=no]")));
        assertThat(api.state(run)).isEqualTo("RUNNING");

        browser.screenshot("phone-390x844-run-battery");
        browser.desktop();
        browser.waitFor(By.cssSelector(".live-chart[data-points]"));
        browser.screenshot("desktop-1280x800-run-battery");
        browser.phone();

        control("stop", "Stop run " + run);
        waitForBadge("stopped");
        assertThat(api.state(run)).isEqualTo("STOPPED");
    }

    @Test
    void aCellValueOutOfRangeIsShownNextToItsField() {
        browser.go("#/start?channel=ch2");
        new Select(browser.waitFor(By.id("start-template"))).selectByValue("open-circuit-rest");
        WebElement area = browser.driver.findElement(By.id("cell-areaCm2"));
        area.clear();
        area.sendKeys("-1");
        browser.click(browser.driver.findElement(By.xpath("//button[text()='Check protocol']")));

        WebElement error = browser.waitFor(By.cssSelector(".field:has(#cell-areaCm2) .error"));
        assertThat(error.getText()).startsWith("cell.areaCm2");
        assertThat(area.getAttribute("aria-invalid")).isEqualTo("true");
    }

    @Test
    void aProtocolThatReadsButDoesNotFitTheChannelShowsTheRatingOnItsLineAndAFittingOneItsPlan() {
        browser.go("#/start?channel=ch1");
        WebElement protocol = browser.waitFor(By.id("start-protocol"));
        setValue(protocol, "Rest for 1 min\nDischarge at 2 W for 10 minutes");
        browser.click(browser.driver.findElement(By.xpath("//button[text()='Check protocol']")));

        WebElement error = browser.waitFor(By.cssSelector(".line-errors li[data-line]"));
        assertThat(error.getAttribute("data-line")).isEqualTo("2");
        assertThat(error.getText()).contains("2000 mW exceeds the channel's rating of ±50 mA at up to 2.6 V (130 mW)");
        assertThat(browser.waitFor(By.cssSelector(".start-form .error-box")).getText())
                .isEqualTo("Channel ch1 cannot run this protocol: 1 problem, see the marked lines.");

        setValue(protocol, "Rest for 1 min\nRepeat 3 times:\n  Discharge at 1 mA for 10 min\n  Charge at 1 mA for 10 min");
        browser.click(browser.driver.findElement(By.xpath("//button[text()='Check protocol']")));
        assertThat(browser.waitFor(By.cssSelector(".start-form .ok-box")).getText())
                .isEqualTo("The protocol is valid: 3 steps, planned about 1 h 01 min, 3 cycles.");
    }

    @Test
    void aPolarizationShowsItsPowerDensityCurve() {
        long run = startRun("ch1", "Polarize from 0 to 10 mA/cm2 in steps of 2 mA/cm2, 10 s each, until 0.2 V",
                ChannelCardsPageTest.BATTERY);
        api.awaitState(run, "DONE", Duration.ofSeconds(30));

        browser.go("#/run/" + run);
        WebElement peak = browser.waitUntil(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(".polarization-peak"));
            return found.isEmpty() || !found.get(0).getText().startsWith("Peak") ? null : found.get(0);
        });
        JsonPath expected = api.request().get("/api/runs/" + run + "/polarization").then().statusCode(200)
                .extract().jsonPath().using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
        String how = expected.getBoolean("peak.interpolated") ? "interpolated" : "highest point";
        // The page shows the API's peak, rounded as JavaScript's toFixed rounds the exact double.
        assertThat(peak.getText()).isEqualTo("Peak power density (" + how + "): "
                + decimals(expected.getDouble("peak.powerDensityMwPerCm2"), 2) + " mW cm⁻² at "
                + decimals(expected.getDouble("peak.currentDensityMaPerCm2"), 2) + " mA cm⁻² ("
                + decimals(expected.getDouble("peak.voltageV"), 3) + " V), step 1.");
        assertThat(browser.driver.findElement(By.cssSelector("section[aria-labelledby=polarization-title] canvas"))
                .isDisplayed()).isTrue();
        browser.screenshot("phone-390x844-run-polarization");
    }

    private static String decimals(double x, int digits) {
        return new BigDecimal(x).setScale(digits, RoundingMode.HALF_UP).toPlainString();
    }

    private void control(String action, String confirmLabel) {
        browser.click(browser.waitFor(By.cssSelector("button[data-action=" + action + "]")));
        WebElement confirm = browser.waitFor(By.cssSelector("#dialog button[value=yes]"));
        assertThat(confirm.getText()).isEqualTo(confirmLabel);
        browser.click(confirm);
    }

    private void waitForBadge(String state) {
        browser.waitUntil(d -> d.findElement(By.cssSelector(".page-head .badge")).getText().equals(state));
    }

    private void setValue(WebElement textarea, String text) {
        browser.script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'))", textarea, text);
    }
}
