package org.no3rr.station.ui;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.no3rr.station.lab.CentralDatabaseResource;
import org.no3rr.station.lab.LabInstanceProfile;
import org.no3rr.station.lab.MosquittoBroker;
import org.no3rr.station.lab.central.ReplicatedRun;
import org.no3rr.station.security.AccessToken;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URL;
import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lab page in Chromium, on the lab instance: one card per station from what the stations published on
 * a real Mosquitto — an online one with its channels and the run each is on, an offline one with when it
 * was last seen — and the runs of the central PostgreSQL, one of which opens with its plot drawn from
 * every central sample, its history and downloads read from the lab's API.
 */
@QuarkusTest
@TestProfile(LabInstanceProfile.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LabPageTest {

    @TestHTTPResource("/lab.html")
    URL lab;

    @Inject
    AccessToken token;

    private Browser browser;

    @BeforeAll
    void stationsPublishAndARunIsCentral() throws Exception {
        try (Connection c = CentralDatabaseResource.server().connect("lab")) {
            ReplicatedRun.writeTo(c);
        }
        MosquittoBroker broker = LabInstanceProfile.BrokerResource.broker();
        broker.publish("no3rr/bench-a/status", "{\"stationId\":\"bench-a\",\"state\":\"online\",\"version\":\"0.1.0\","
                + "\"pageUrl\":null,\"channels\":[\"ch1\",\"ch2\"],\"unixTimeS\":1764900000.125}", true);
        broker.publish("no3rr/bench-a/channels/ch1", "{\"stationId\":\"bench-a\",\"channelId\":\"ch1\","
                + "\"cellKind\":\"zn-nitrate-battery\",\"state\":\"RUNNING\",\"runId\":17,\"globalRunId\":\"bench-a/17\","
                + "\"stepNumber\":2,\"stepLine\":2,\"stepKind\":\"discharge\",\"stepText\":\"Discharge at 5 mA/cm2 for 20 min\","
                + "\"cycle\":1,\"stepTimeS\":12.5,\"testTimeS\":132.5,\"prompt\":null,\"lastReading\":{\"unixTimeS\":"
                + "1764900000.0,\"voltageV\":1.4216,\"currentA\":-0.005,\"wePotentialV\":null,\"temperatureC\":null},"
                + "\"unixTimeS\":1764900000.125}", true);
        broker.publish("no3rr/bench-a/channels/ch2", "{\"stationId\":\"bench-a\",\"channelId\":\"ch2\",\"cellKind\":"
                + "\"h-cell\",\"state\":\"IDLE\",\"runId\":null,\"globalRunId\":null,\"lastReading\":null,"
                + "\"unixTimeS\":1764900000.125}", true);
        broker.publish("no3rr/bench-b/status", "{\"stationId\":\"bench-b\",\"state\":\"offline\",\"unixTimeS\":null}", true);
        browser = Browser.open(lab).phone();
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void everyStationShowsAsACardTheOfflineOneWithWhenItWasLastSeen() {
        browser.go("");
        browser.waitFor(By.id("token")).sendKeys(token.value());
        browser.driver.findElement(By.cssSelector("form.login button[type=submit]")).click();

        WebElement benchA = browser.waitFor(By.cssSelector("article.card[data-station='bench-a']"));
        assertThat(benchA.findElement(By.cssSelector(".badge[data-state]")).getText()).isEqualTo("online");
        WebElement ch1 = benchA.findElement(By.cssSelector("li[data-channel='bench-a/ch1']"));
        assertThat(ch1.getText()).contains("run bench-a/17").contains("step 2, cycle 1: Discharge at 5 mA/cm2 for 20 min")
                .contains("1.422 V · -5.000 mA");
        assertThat(benchA.findElement(By.cssSelector("li[data-channel='bench-a/ch2']")).getText()).contains("ch2");
        WebElement benchB = browser.waitFor(By.cssSelector("article.card[data-station='bench-b']"));
        assertThat(benchB.findElement(By.cssSelector(".badge[data-state]")).getText()).isEqualTo("offline");
        assertThat(benchB.findElement(By.cssSelector("[data-last-seen]")).getText()).startsWith("last seen ");
        assertThat(browser.driver.findElement(By.id("connection")).getText()).isEqualTo("live");
    }

    @Test
    @Order(2)
    void aCentralRunOpensWithItsPlotHistoryAndDownloadsFromTheLabApi() {
        WebElement run = browser.waitFor(By.cssSelector("li[data-run='bench-9/5'] a"));
        browser.click(run);
        browser.waitFor(By.cssSelector(".panel[data-run='bench-9/5']"));
        browser.waitUntil(d -> "3".equals(d.findElement(By.cssSelector(".live-chart")).getAttribute("data-points")));
        assertThat(browser.driver.findElement(By.cssSelector("a[data-format=csv]")).getAttribute("href"))
                .endsWith("/api/lab/runs/bench-9/5/export?format=csv");
        assertThat(browser.driver.findElement(By.cssSelector("a[data-format=csv]")).getAttribute("download"))
                .isEqualTo("bench-9-run-5.csv");
        browser.waitUntil(d -> d.findElements(By.cssSelector("section[aria-labelledby=events-title] li")).size() == 2);
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("bench-9 · ch3 · run 5");
    }

    @Test
    @Order(3)
    void nothingBreaksTheContentSecurityPolicy() {
        assertThat(browser.consoleMessages()).noneMatch(message -> message.contains("Content Security Policy"));
    }
}
