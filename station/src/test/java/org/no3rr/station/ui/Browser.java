package org.no3rr.station.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One headless Chromium for a test class: Debian's chromium and chromedriver (never a download by
 * Selenium Manager), a phone or desktop viewport set through DevTools, the DevTools network log
 * kept for assertions on every request the page made, and screenshots under target/screenshots.
 */
final class Browser implements AutoCloseable {

    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Duration WAIT = Duration.ofSeconds(20);

    private static final ObjectMapper JSON = new ObjectMapper();

    final ChromeDriver driver;
    private final URL base;
    private final List<JsonNode> network = new ArrayList<>();

    private Browser(ChromeDriver driver, URL base) {
        this.driver = driver;
        this.base = base;
    }

    /**
     * Starts Chromium. Without it the test is skipped on a developer's machine, but fails in CI
     * (CI=true), where .ci/run installs it: a browser test that silently skips tests nothing.
     */
    static Browser open(URL base) {
        String missing = !CHROMIUM.canExecute() ? CHROMIUM.getPath() : !CHROMEDRIVER.canExecute() ? CHROMEDRIVER.getPath() : null;
        if (missing != null) {
            String message = missing + " is missing; install it with: apt-get install -y --no-install-recommends "
                    + "chromium chromium-driver";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            assumeTrue(false, message);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,900");
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.PERFORMANCE, Level.ALL);
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        driver.executeCdpCommand("Network.enable", Map.of());
        return new Browser(driver, base);
    }

    /** A phone: 390 × 844 CSS pixels at 3× as an iPhone 12–14, touch-sized, mobile viewport rules. */
    Browser phone() {
        return viewport(390, 844, 3, true);
    }

    Browser desktop() {
        return viewport(1280, 800, 1, false);
    }

    Browser viewport(int width, int height, double scale, boolean mobile) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", scale, "mobile", mobile));
        return this;
    }

    /** Opens a screen of the page, e.g. "#/runs"; opening the screen already shown loads it afresh. */
    void go(String hash) {
        String url = base.toString() + hash;
        if (url.equals(driver.getCurrentUrl())) {
            driver.navigate().refresh();
        } else {
            driver.get(url);
        }
    }

    /**
     * Taps an element after scrolling it to the middle of the screen, as a person would: at the
     * bottom edge it would sit under the fixed tab bar.
     */
    void click(WebElement element) {
        script("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    URL base() {
        return base;
    }

    void logIn(String token) {
        go("");
        WebElement input = waitFor(By.id("token"));
        input.clear();
        input.sendKeys(token);
        driver.findElement(By.cssSelector("form.login button[type=submit]")).click();
        waitUntil(d -> d.findElements(By.cssSelector("article.card")).size() >= 4);
    }

    WebElement waitFor(By locator) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    <T> T waitUntil(Function<WebDriver, T> condition) {
        return waitUntil(condition, WAIT);
    }

    <T> T waitUntil(Function<WebDriver, T> condition, Duration atMost) {
        return new WebDriverWait(driver, atMost).until(condition);
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    Object asyncScript(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /** Whether the page is wider than its viewport, i.e. scrolls sideways. */
    boolean scrollsSideways() {
        return (Boolean) script("return document.documentElement.scrollWidth > document.documentElement.clientWidth");
    }

    /**
     * Saves the whole page (not only the viewport) as target/screenshots/{name}.png. The bottom tab
     * bar is fixed to the viewport; for the capture it is put at the end of the page, where it would
     * otherwise be drawn across the middle of a long page. Layout checks belong in assertions; this
     * is for a person to review.
     */
    Path screenshot(String name) {
        // From the top: the sticky header would otherwise be drawn where the page was scrolled to.
        script("window.scrollTo(0, 0); document.getElementById('tabs').style.position = 'static'");
        try {
            return capture(name);
        } finally {
            script("document.getElementById('tabs').style.position = ''");
        }
    }

    private Path capture(String name) {
        @SuppressWarnings("unchecked")
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
        @SuppressWarnings("unchecked")
        Map<String, Object> visual = (Map<String, Object>) metrics.get("cssVisualViewport");
        double width = ((Number) visual.get("clientWidth")).doubleValue();
        double height = Math.max(((Number) content.get("height")).doubleValue(),
                ((Number) visual.get("clientHeight")).doubleValue());
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not save screenshot " + name, e);
        }
    }

    /** DevTools network events (method and params) since the browser started, in order. */
    List<JsonNode> networkEvents() {
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            try {
                JsonNode message = JSON.readTree(entry.getMessage()).path("message");
                if (message.path("method").asText().startsWith("Network.")) {
                    network.add(message);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("unreadable DevTools log entry " + entry.getMessage(), e);
            }
        }
        return List.copyOf(network);
    }

    /** The browser console's messages since the last call, e.g. a Content-Security-Policy violation. */
    List<String> consoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(entry -> entry.getLevel() + " " + entry.getMessage()).toList();
    }

    /** Every URL the page requested so far. */
    List<URI> requestedUrls() {
        return networkEvents().stream().filter(e -> e.path("method").asText().equals("Network.requestWillBeSent"))
                .map(e -> URI.create(e.path("params").path("request").path("url").asText())).toList();
    }

    /** A mark in the network log, e.g. before measuring one page load; see {@link #networkEventsSince}. */
    int networkMark() {
        return networkEvents().size();
    }

    List<JsonNode> networkEventsSince(int mark) {
        List<JsonNode> all = networkEvents();
        return all.subList(mark, all.size());
    }

    @Override
    public void close() {
        driver.quit();
    }
}
