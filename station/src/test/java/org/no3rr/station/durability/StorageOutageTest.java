package org.no3rr.station.durability;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.no3rr.hal.ChannelHardware;
import org.no3rr.station.AuthenticatedApiTest;
import org.no3rr.station.hardware.HardwareBackend;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A database that refuses samples pauses the run with its channel in the safe state and marks the
 * station not ready; when the database accepts them again, the run goes on by itself and not a
 * sample is missing.
 */
@QuarkusTest
class StorageOutageTest extends AuthenticatedApiTest {

    @Inject
    DataSource dataSource;

    @Inject
    HardwareBackend backend;

    @Test
    void aRefusingDatabasePausesTheRunSafelyAndItResumesWhenStorageWorksAgain() throws SQLException {
        long run = given().contentType(ContentType.JSON)
                .body("{\"channel\": \"ch2\", \"protocol\": \"Ask \\\"Start?\\\"\\nDischarge at 1 mA for 10 h\","
                        + " \"cell\": {\"areaCm2\": 1.0}}")
                .post("/api/runs").then().statusCode(201).extract().jsonPath().getLong("id");
        awaitState(run, "WAITING_FOR_ANSWER");

        // A real database error for this run's samples only, as a full disk would give for all.
        execute("ALTER TABLE sample_block ADD CONSTRAINT refuse_run_" + run + " CHECK (run_id <> " + run + ")");
        try {
            given().contentType(ContentType.JSON).body("{\"answer\": \"go\"}").post("/api/runs/" + run + "/answer")
                    .then().statusCode(202);
            awaitState(run, "PAUSED");

            ChannelHardware hardware = backend.channels().get(1).hardware();
            assertThat(hardware.relay().isConnected()).as("relay").isFalse();
            assertThat(hardware.currentSource().setpointAmps()).as("current setpoint, A").isZero();
            given().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'sample-storage' }.status", equalTo("DOWN"));
            // The pause enters the run's history with its decision, behind the refused samples: below.
        } finally {
            execute("ALTER TABLE sample_block DROP CONSTRAINT refuse_run_" + run);
        }

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> !given().get("/api/runs/" + run).jsonPath().getString("state").equals("PAUSED"));
        given().get("/q/health/ready").then().statusCode(200);
        long storedAtRecovery = given().get("/api/runs/" + run).jsonPath().getLong("samplesStored");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() ->
                given().get("/api/runs/" + run).jsonPath().getLong("samplesStored") > storedAtRecovery + 100);
        given().post("/api/runs/" + run + "/stop").then().statusCode(202);
        awaitState(run, "STOPPED");

        List<String> events = given().get("/api/runs/" + run + "/events").jsonPath().getList("message");
        assertThat(events).contains("storage refuses samples");
        assertThat(given().get("/api/runs/" + run + "/events").jsonPath().getList("kind", String.class))
                .containsSubsequence("ANSWER", "STEP_STARTED", "PAUSED", "RESUMED", "STOPPED");
        assertThat(events).anyMatch(m -> m.startsWith("storage takes samples again; the time since the last reading "
                + "is not step time"));
        long stored = given().get("/api/runs/" + run).jsonPath().getLong("samplesStored");
        List<String> rows = given().get("/api/runs/" + run + "/export?format=csv").asString().lines().skip(1).toList();
        assertThat(rows).hasSize((int) stored).hasSizeGreaterThan((int) storedAtRecovery + 100);
        double previousTime = -1;
        double previousStepTime = -1;
        for (String row : rows) {
            String[] cells = row.split(",", -1);
            double testTime = Double.parseDouble(cells[0]);
            double stepTime = Double.parseDouble(cells[2]);
            assertThat(testTime).as("at maximum speed the virtual clock stands still while the run waits")
                    .isGreaterThanOrEqualTo(previousTime);
            assertThat(stepTime).as("step time never steps back, and stands still over the outage")
                    .isGreaterThanOrEqualTo(previousStepTime).isLessThanOrEqualTo(testTime);
            previousTime = testTime;
            previousStepTime = stepTime;
        }
    }

    private void awaitState(long run, String state) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> given().get("/api/runs/" + run).jsonPath().getString("state").equals(state));
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
