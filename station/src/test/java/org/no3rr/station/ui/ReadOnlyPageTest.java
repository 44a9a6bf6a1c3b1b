package org.no3rr.station.ui;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.no3rr.station.security.Role;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A collaborator logs in with the viewer's token: the page shows every channel, the run, its plot and
 * its downloads, says it is read-only, and offers no control — no start tab, no pause or stop, no
 * answer to a prompt, no reading form. The page runs under the station's Content-Security-Policy
 * without a single violation.
 */
@QuarkusTest
@TestProfile(UiTestProfile.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadOnlyPageTest extends BrowserPageTest {

    private long waitingRun;

    @BeforeAll
    void openBrowserAndStartARunThatAsks() {
        openBrowser();
        waitingRun = startRun("ch2", "Rest for 1 min\nAsk \"Sample taken?\"\nRest for 10 min", "{\"areaCm2\": 1.0}");
        api.awaitState(waitingRun, "WAITING_FOR_ANSWER", Duration.ofSeconds(20));
    }

    @Test
    @Order(1)
    void theViewerSeesEveryChannelReadOnlyWithoutControls() {
        browser.logIn(token.value(Role.VIEWER));

        assertThat(browser.waitFor(By.id("read-only")).getText()).isEqualTo("read-only");
        assertThat(browser.driver.findElement(By.cssSelector("a[data-tab=start]")).isDisplayed()).isFalse();
        assertThat(browser.driver.findElement(By.cssSelector("a[data-tab=runs]")).isDisplayed()).isTrue();
        WebElement banner = browser.waitFor(By.cssSelector(".banner.prompt[data-run='" + waitingRun + "']"));
        assertThat(banner.getText()).contains("ch2 is waiting for you: “Sample taken?”");
        assertThat(banner.findElement(By.tagName("button")).isDisplayed()).isFalse();
    }

    @Test
    @Order(2)
    void theRunPageShowsThePlotAndDownloadsButNoControlsOrReadingForm() {
        browser.go("#/run/" + waitingRun);
        browser.waitFor(By.cssSelector(".panel[data-run='" + waitingRun + "']"));
        browser.waitFor(By.cssSelector("canvas"));
        assertThat(browser.driver.findElements(By.cssSelector("a[href*='/export?format=csv']"))).isNotEmpty();
        assertThat(browser.driver.findElements(By.cssSelector("[data-action]")))
                .isNotEmpty().noneMatch(WebElement::isDisplayed);
        assertThat(browser.driver.findElements(By.cssSelector("form.reading-form")))
                .isNotEmpty().noneMatch(WebElement::isDisplayed);
    }

    @Test
    @Order(3)
    void theStartScreenIsNotOfferedEvenByItsAddress() {
        browser.go("#/start");
        browser.waitUntil(d -> d.findElements(By.cssSelector("article.card")).size() >= 4);
        assertThat(browser.driver.findElements(By.id("start-channel"))).isEmpty();
    }

    @Test
    @Order(4)
    void nothingBreaksTheContentSecurityPolicy() {
        assertThat(browser.consoleMessages()).noneMatch(message -> message.contains("Content Security Policy"));
    }
}
