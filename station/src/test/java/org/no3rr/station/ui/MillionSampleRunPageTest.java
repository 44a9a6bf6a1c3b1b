package org.no3rr.station.ui;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.no3rr.station.security.AccessToken;
import org.no3rr.engine.RunState;
import org.no3rr.station.store.RunStore;
import org.no3rr.protocol.StepKind;
import org.no3rr.station.store.RunProgress;
import org.no3rr.station.store.SampleRow;
import org.no3rr.station.store.SampleStore;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "The page stays responsive on a run of 1 M samples": a run of 1,000,000 stored samples (11.6
 * days at 1 s) opened on a phone. The page only ever asks the samples endpoint for at most 2000
 * points — for the whole run, a time window, or a dragged zoom — so what it holds and draws stays
 * bounded. The measured figures are written to target/screenshots/million-samples.txt.
 */
@QuarkusTest
@TestProfile(UiTestProfile.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MillionSampleRunPageTest {

    private static final int SAMPLES = 1_000_000;
    /** The station's downsampling of a million rows, not the page, sets these waits (seconds on a busy machine). */
    private static final Duration SERVER_WAIT = Duration.ofSeconds(90);
    private static final Pattern MAX_POINTS = Pattern.compile("[?&]maxPoints=(\\d+)");

    @TestHTTPResource("/")
    URL base;

    @Inject
    AccessToken token;

    @Inject
    RunStore runs;

    @Inject
    SampleStore samples;

    private Browser browser;
    private long run;

    /** Stores the run directly: simulating 11.6 days, even at full speed, would take minutes. */
    @BeforeAll
    void storeAMillionSamplesAndOpenTheBrowser() {
        long start = System.currentTimeMillis() - SAMPLES * 1000L;
        run = runs.create("ch2", RunState.RUNNING, """
                Record every 1 s
                Repeat 500 times:
                  Discharge at 5 mA/cm2 for 1000 s
                  Charge at 5 mA/cm2 for 1000 s
                """, "{\"areaCm2\": 1.0}", "{}", "test", "a million samples for the page's responsiveness test", start);
        List<RunProgress> batch = new ArrayList<>(10_000);
        for (int seq = 1; seq <= SAMPLES; seq++) {
            int step = (seq - 1) / 1000 + 1;
            boolean discharge = step % 2 == 1;
            double inStep = ((seq - 1) % 1000) / 1000.0;
            double voltage = discharge ? 1.6 - 0.3 * inStep : 1.9 + 0.3 * inStep;
            batch.add(RunProgress.ofSample(new SampleRow(run, seq, start + seq * 1000L, ((seq - 1) % 1000) * 1000L,
                    voltage, discharge ? -0.005 : 0.005, Double.NaN, Double.NaN, (step + 1) / 2, step, discharge ? 3 : 4,
                    discharge ? StepKind.DISCHARGE : StepKind.CHARGE), null));
            if (batch.size() == 10_000) {
                samples.writeBatch(batch);
                batch.clear();
            }
        }
        runs.changeState(run, RunState.DONE, start + SAMPLES * 1000L, "test data");
        browser = Browser.open(base).phone();
        browser.logIn(token.value());
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theRunPageAsksForAtMost2000PointsAndStaysBoundedWhenZoomed() throws IOException {
        browser.script("performance.clearResourceTimings(); window.openedAt = performance.now();"
                + "location.hash = '#/run/" + run + "'");
        WebElement chart = browser.waitUntil(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector(".live-chart[data-points]")), SERVER_WAIT);
        double firstChartMs = ((Number) browser.script("return performance.now() - window.openedAt")).doubleValue();
        int points = Integer.parseInt(chart.getAttribute("data-points"));
        assertThat(chart.getAttribute("data-samples-in-range")).isEqualTo(Integer.toString(SAMPLES));
        assertThat(points).isBetween(100, 2000);
        long domNodes = (Long) browser.script("return document.getElementsByTagName('*').length");
        assertThat(domNodes).isLessThan(1500);
        browser.screenshot("phone-390x844-run-million-samples");

        // "Last 1 h" asks the server again for only that hour: 3601 samples, still at most 2000 points.
        browser.click(browser.driver.findElement(By.xpath("//div[@class='windows']/button[text()='Last 1 h']")));
        browser.waitUntil(d -> chart.getAttribute("data-samples-in-range").equals("3601"));
        assertThat(Integer.parseInt(chart.getAttribute("data-points"))).isBetween(100, 2000);

        // A drag across the middle of the plot zooms into that span, again from the server.
        browser.click(browser.driver.findElement(By.xpath("//div[@class='windows']/button[text()='All']")));
        browser.waitUntil(d -> chart.getAttribute("data-samples-in-range").equals(Integer.toString(SAMPLES)), SERVER_WAIT);
        WebElement box = chart.findElement(By.cssSelector(".chart-box"));
        browser.script("arguments[0].scrollIntoView({block: 'center'})", box);
        int width = box.getRect().getWidth();
        new Actions(browser.driver).moveToElement(box, -width / 8, 0).clickAndHold()
                .moveByOffset(width / 4, 0).release().perform();
        long zoomed = browser.waitUntil(d -> {
            long inRange = Long.parseLong(chart.getAttribute("data-samples-in-range"));
            return inRange < SAMPLES ? inRange : null;
        }, SERVER_WAIT);
        assertThat(zoomed).isBetween(50_000L, 500_000L);
        assertThat(Integer.parseInt(chart.getAttribute("data-points"))).isBetween(100, 2000);

        // Responsive: a frame is drawn promptly after all that.
        double frameMs = ((Number) browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                const t = performance.now();
                requestAnimationFrame(() => done(performance.now() - t));""")).doubleValue();
        assertThat(frameMs).isLessThan(500);

        @SuppressWarnings("unchecked")
        List<String> sampleRequests = ((List<String>) browser.script(
                "return performance.getEntriesByType('resource').map(e => e.name)")).stream()
                .filter(url -> URI.create(url).getPath().endsWith("/samples")).toList();
        @SuppressWarnings("unchecked")
        List<Object> serverMs = (List<Object>) browser.script("return performance.getEntriesByType('resource')"
                + ".filter(e => e.name.includes('/samples?')).map(e => Math.round(e.responseStart - e.requestStart))");
        assertThat(sampleRequests).hasSizeGreaterThanOrEqualTo(4).allSatisfy(url -> {
            Matcher m = MAX_POINTS.matcher(url);
            assertThat(m.find()).as(url).isTrue();
            assertThat(Integer.parseInt(m.group(1))).as(url).isBetween(10, 2000);
        });
        Object heap = browser.script("return performance.memory ? performance.memory.usedJSHeapSize : null");
        Object apiTimes = browser.script("return performance.getEntriesByType('resource')"
                + ".filter(e => e.name.includes('/api/runs/')).map(e => new URL(e.name).pathname + ' '"
                + " + Math.round(e.responseStart - e.requestStart) + ' ms').join(', ')");
        String figures = String.format("Run of %,d samples on a 390x844 phone viewport: first chart after %.0f ms "
                        + "with %d points; %d DOM elements; JS heap %s bytes; a drag zoom brought %,d samples to "
                        + "at most 2000 points; next frame after %.1f ms; samples requests: %s, each answered by the "
                        + "station after %s ms; every run request's wait for the station: %s%n",
                SAMPLES, firstChartMs, points, domNodes, heap, zoomed, frameMs, sampleRequests, serverMs, apiTimes);
        Files.createDirectories(Browser.SCREENSHOTS);
        Files.writeString(Browser.SCREENSHOTS.resolve("million-samples.txt"), figures);
        System.out.print(figures);
    }
}
