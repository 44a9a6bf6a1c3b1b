package org.no3rr.station.ui;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first screen on a phone (390 × 844): logging in, every channel as a card, a running run's
 * step in words and a progress bar that grows, a prompt answered from its banner, the size of
 * the first view, and that nothing is fetched from anywhere but the station.
 */
@QuarkusTest
@TestProfile(UiTestProfile.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChannelCardsPageTest extends BrowserPageTest {

    /** 500 cycles of two one-minute steps: at 60× each step takes a second, so progress moves visibly. */
    static final String CYCLING = """
            Limits: 0 V to 2.6 V
            Repeat 500 times:
              Discharge at 5 mA/cm2 for 1 min
              Charge at 5 mA/cm2 for 1 min
            """;
    static final String BATTERY = "{\"areaCm2\": 1.0, \"znMassG\": 0.05}";
    static final String H_CELL = "{\"areaCm2\": 1.0, \"catalystMassMg\": 2.0, \"catholyteVolumeMl\": 40, \"ph\": 7}";

    private long cyclingRun;

    @BeforeAll
    void openBrowserAndStartARun() {
        openBrowser();
        cyclingRun = startRun("ch1", CYCLING, BATTERY);
    }

    @Test
    @Order(1)
    void aWrongTokenIsRefusedAndTheRightOneShowsEveryChannel() {
        browser.go("");
        browser.waitFor(By.id("token")).sendKeys("not-the-token");
        browser.click(browser.driver.findElement(By.cssSelector("form.login button[type=submit]")));
        WebElement error = browser.waitFor(By.id("login-error"));
        assertThat(error.getText()).startsWith("token is not one of the station's tokens");

        browser.logIn(token.value());

        List<String> channels = browser.driver.findElements(By.cssSelector("article.card")).stream()
                .map(card -> card.getAttribute("data-channel")).toList();
        assertThat(channels).containsExactly("ch1", "ch2", "ch3", "ch4");
        assertThat(browser.driver.findElement(By.id("connection")).getText()).isIn("live", "updating every 5 s");
    }

    @Test
    @Order(2)
    void aRunningChannelShowsItsStepInWordsAndAProgressThatGrows() {
        WebElement card = browser.waitFor(By.cssSelector("article.card[data-channel=ch1]"));
        browser.waitUntil(d -> card.findElement(By.cssSelector(".badge")).getText().equals("running"));
        browser.waitUntil(d -> card.findElement(By.cssSelector(".step-text")).getText()
                .matches("(Discharge|Charge) at 5 mA/cm² — cycle \\d+ of 500"));
        assertThat(card.findElement(By.cssSelector(".protocol-name")).getText())
                .isEqualTo("Repeat 500 times: Discharge at 5 mA/cm² for 1 min …");
        assertThat(card.findElement(By.cssSelector(".step-words .ends")).getText()).isEqualTo("for 1 min");

        double first = browser.waitUntil(d -> {
            double value = progress(card);
            return value > 0 ? value : null;
        });
        double later = browser.waitUntil(d -> {
            double value = progress(card);
            return value > first + 0.001 ? value : null;
        });

        assertThat(later).isGreaterThan(first).isLessThan(1.0);
        assertThat(card.findElement(By.cssSelector(".pct")).getText()).matches("\\d+\\.\\d %");
        // Every step has a time end and no step can end early: the remaining time is "about", not "at most".
        assertThat(card.findElement(By.cssSelector(".eta")).getText()).matches("about \\d+ h \\d\\d min left");
        assertThat(card.findElement(By.cssSelector(".voltage")).getText()).matches("\\d\\.\\d{3} V");
        assertThat(card.findElement(By.cssSelector(".current")).getText()).matches("−?\\d\\.\\d\\d mA cm⁻²\\n−?\\d\\.\\d{3} mA");
        assertThat(card.findElement(By.cssSelector(".age")).getText()).startsWith("last sample ");
    }

    @Test
    @Order(3)
    void answeringAPromptFromItsBannerLetsTheRunGoOn() {
        long run = startRun("ch3", """
                Hold at -0.1 V vs RHE for 1 min
                Ask "Refresh the electrolyte"
                Hold at -0.1 V vs RHE for 1 min
                """, H_CELL);

        WebElement banner = browser.waitFor(By.cssSelector(".banner.prompt[data-run='" + run + "']"));
        assertThat(banner.getText()).contains("ch3 is waiting for you: “Refresh the electrolyte”");
        assertThat(browser.driver.findElement(By.cssSelector("article.card[data-channel=ch3] .badge")).getText())
                .isEqualTo("waiting for you");
        browser.screenshot("phone-390x844-prompt");
        browser.click(banner.findElement(By.tagName("button")));
        WebElement answer = browser.waitFor(By.id("answer-text"));
        assertThat(browser.driver.findElement(By.cssSelector("#dialog .prompt-text")).getText())
                .isEqualTo("Refresh the electrolyte");
        answer.clear();
        answer.sendKeys("fresh electrolyte, 40 mL");
        browser.click(browser.driver.findElement(By.cssSelector("#dialog button[value=yes]")));

        browser.waitUntil(d -> d.findElements(By.cssSelector(".banner.prompt[data-run='" + run + "']")).isEmpty());
        api.awaitState(run, "DONE", Duration.ofSeconds(30));
        List<String> events = api.request().get("/api/runs/" + run + "/events").jsonPath().getList("kind");
        assertThat(events).containsSubsequence("PROMPT", "ANSWER", "STEP_STARTED", "FINISHED");
        assertThat(api.request().get("/api/runs/" + run + "/events").jsonPath().getList("message"))
                .contains("fresh electrolyte, 40 mL");
    }

    @Test
    @Order(4)
    void aFaultRaisesAnAlarmBannerUntilDismissed() {
        // Charging drives the cell above the 1.7 V safety limit within seconds: the run faults.
        long run = startRun("ch2", "Limits: 0 V to 1.7 V\nCharge at 5 mA/cm2 for 1 h", BATTERY);

        WebElement alarm = browser.waitFor(By.cssSelector(".banner.alarm"));
        assertThat(alarm.getAttribute("role")).isEqualTo("alert");
        assertThat(alarm.getText()).startsWith("ch2 faulted (run " + run + "): ");
        assertThat(api.state(run)).isEqualTo("FAULTED");
        browser.waitUntil(d -> d.findElement(By.cssSelector("article.card[data-channel=ch2] .badge")).getText()
                .equals("faulted"));
        browser.screenshot("phone-390x844-fault");

        browser.click(alarm.findElement(By.xpath(".//button[text()='Dismiss']")));
        browser.waitUntil(d -> d.findElements(By.cssSelector(".banner.alarm")).isEmpty());
    }

    @Test
    @Order(5)
    void theFirstViewTransfersUnder300KilobytesAndLoadsNoChartLibraryNorFigures() throws IOException {
        browser.driver.executeCdpCommand("Network.setCacheDisabled", java.util.Map.of("cacheDisabled", true));
        browser.driver.get("about:blank");
        int mark = browser.networkMark();
        browser.go("");
        browser.waitUntil(d -> d.findElements(By.cssSelector("article.card .step-text")).stream()
                .anyMatch(e -> !e.getText().isEmpty()));
        // The templates arrive last (they only name protocols): once they are in, the first view is complete.
        browser.waitUntil(d -> (Boolean) browser.script("return performance.getEntriesByType('resource')"
                + ".some(e => e.name.endsWith('/api/templates') && e.responseEnd > 0)"));

        long bytes = 0;
        Set<String> requested = new HashSet<>();
        for (JsonNode event : browser.networkEventsSince(mark)) {
            String method = event.path("method").asText();
            if (method.equals("Network.loadingFinished")) {
                bytes += event.path("params").path("encodedDataLength").asLong();
            } else if (method.equals("Network.requestWillBeSent")) {
                requested.add(URI.create(event.path("params").path("request").path("url").asText()).getPath());
            }
        }
        browser.driver.executeCdpCommand("Network.setCacheDisabled", java.util.Map.of("cacheDisabled", false));
        Files.createDirectories(Browser.SCREENSHOTS);
        Files.writeString(Browser.SCREENSHOTS.resolve("first-view-transfer.txt"), "First view (channel cards, cold "
                + "cache): " + bytes + " bytes in " + requested.size() + " requests: " + requested + "\n");
        System.out.printf("First view: %d bytes transferred in %d requests%n", bytes, requested.size());

        assertThat(bytes).isBetween(10_000L, 300_000L);
        assertThat(requested).contains("/", "/station.css", "/js/main.js", "/api/channels", "/api/stream")
                .noneMatch(path -> path.contains("chart"))
                // The results (figures, comparisons) are code for the run and compare screens only.
                .noneMatch(path -> path.matches(".*/(figure-|results-|compare-).*|.*/figures.*"));
    }

    @Test
    @Order(6)
    void theCardsFitA360PixelScreenAndAreSavedForReview() {
        browser.viewport(360, 740, 2, true);
        browser.go("");
        browser.waitFor(By.cssSelector("article.card[data-channel=ch1] .step-text"));
        assertThat(browser.scrollsSideways()).as("the cards scroll sideways at 360 px").isFalse();

        browser.phone();
        browser.go("");
        browser.waitUntil(d -> d.findElement(By.cssSelector("article.card[data-channel=ch1] .pct")).getText().endsWith("%"));
        assertThat(browser.scrollsSideways()).isFalse();
        assertThat(browser.screenshot("phone-390x844-channels")).exists();

        browser.desktop();
        browser.go("");
        browser.waitUntil(d -> d.findElement(By.cssSelector("article.card[data-channel=ch1] .pct")).getText().endsWith("%"));
        assertThat(browser.screenshot("desktop-1280x800-channels")).exists();
        browser.phone();
    }

    @Test
    @Order(7)
    void noRequestLeavesTheStation() {
        List<URI> urls = browser.requestedUrls();

        assertThat(urls).isNotEmpty()
                .allSatisfy(url -> assertThat(url.getHost()).as(url.toString()).isIn("localhost", "127.0.0.1"));
        @SuppressWarnings("unchecked")
        List<String> resources = (List<String>) browser.script(
                "return performance.getEntriesByType('resource').map(e => e.name)");
        assertThat(resources).allSatisfy(url -> assertThat(URI.create(url).getHost()).isIn("localhost", "127.0.0.1"));
    }

    private static double progress(WebElement card) {
        String value = card.findElement(By.cssSelector(".progress progress")).getDomProperty("value");
        return value == null ? 0 : Double.parseDouble(value);
    }
}
