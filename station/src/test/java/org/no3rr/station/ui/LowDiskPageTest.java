package org.no3rr.station.ui;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.no3rr.station.config.StationConfig;
import jakarta.inject.Inject;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The data disk as a reading, with an alarm threshold no disk can meet (1,000 TiB free): the
 * forecast on {@code /api/disk-space}, {@code /q/health} and {@code /q/metrics} says "low", and the
 * page shows the disk line in its header and the low-disk banner.
 */
@QuarkusTest
@TestProfile(LowDiskPageTest.LowDisk.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LowDiskPageTest extends BrowserPageTest {

    private static final long THOUSAND_TIB = 1000L << 40;

    /** The browser tests' station with the alarm raised whatever the disk. */
    public static class LowDisk implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("station.simulation.speed", "60", "station.storage.alarm-free-space", "1000T");
        }
    }

    @Inject
    StationConfig config;

    @BeforeAll
    void openTheBrowser() {
        openBrowser();
    }

    @Test
    void aLowDiskIsReportedOnTheApiHealthAndMetricsAndAsABannerOnThePage() throws IOException {
        long free = Files.getFileStore(Path.of(config.dataDir()).toAbsolutePath()).getUsableSpace();
        JsonPath disk = api.request().get("/api/disk-space").then().statusCode(200).extract().jsonPath();
        assertThat(disk.getLong("freeBytes")).isCloseTo(free, within(100L << 20));
        assertThat(disk.getBoolean("low")).isTrue();
        assertThat(disk.getLong("alarmFreeBytes")).isEqualTo(THOUSAND_TIB);
        assertThat(disk.getDouble("alarmDaysLeft")).isEqualTo(14.0);

        JsonPath health = given().get("/q/health").then().extract().jsonPath();
        assertThat(health.getString("checks.find { it.name == 'disk-space' }.status")).isEqualTo("UP");
        assertThat(health.getBoolean("checks.find { it.name == 'disk-space' }.data.low")).isTrue();
        assertThat(health.getLong("checks.find { it.name == 'disk-space' }.data.freeBytes")).isPositive();

        String metrics = api.request().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("station_disk_low 1.0").containsPattern("station_disk_free_bytes [0-9.E]+");

        browser.logIn(token.value());
        WebElement line = browser.waitFor(By.id("disk"));
        assertThat(line.getText()).startsWith("Disk: ").contains(" free");
        assertThat(line.getAttribute("class")).contains("low");
        WebElement banner = browser.waitFor(By.cssSelector("#banners .banner.alarm"));
        assertThat(banner.getText()).startsWith("The station's disk is running low: ")
                .endsWith("Free some space before recording stops.");
        browser.screenshot("low-disk");
    }
}
