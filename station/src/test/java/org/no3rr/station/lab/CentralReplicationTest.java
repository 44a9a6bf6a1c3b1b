package org.no3rr.station.lab;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.no3rr.metrics.CycleSummary;
import org.no3rr.metrics.StepSummary;
import org.no3rr.station.AuthenticatedApiTest;
import org.no3rr.station.store.SummaryStore;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A station replicating into a real PostgreSQL: every sample, step, cycle, event, calibration and reading
 * arrives once, equal to what the station itself exports; an outage of the database is reported, not
 * fatal, and nothing is lost over it; sending everything again changes nothing; a new central database
 * is sent everything.
 */
@QuarkusTest
@QuarkusTestResource(value = CentralDatabaseResource.class, restrictToAnnotatedClass = true)
class CentralReplicationTest extends AuthenticatedApiTest {

    static final String STATION = "bench-test";
    /** Two cycles of a battery: rests, discharges and charges, so steps and cycles are closed and stored. */
    static final String CYCLING = "Repeat 2 times:\\n  Rest for 2 min\\n  Discharge at 5 mA/cm2 for 20 min\\n"
            + "  Charge at 5 mA/cm2 for 20 min";

    @Inject
    DataSource dataSource;

    @Inject
    SummaryStore summaries;

    @Test
    void aFinishedRunIsCentralSampleForSampleWithItsStepsCyclesEventsCalibrationAndReading() throws SQLException {
        long run = runToTheEnd("ch1", CYCLING);
        long calibration = given().body("{\"name\": \"NH4Cl\", \"method\": \"INDOPHENOL_BLUE_NH3\", "
                        + "\"standardsMolPerL\": [0, 1e-5, 2e-5, 5e-5, 1e-4], "
                        + "\"signals\": [0.040, 0.120, 0.200, 0.440, 0.840]}")
                .post("/api/calibrations").then().statusCode(201).extract().jsonPath().getLong("id");
        long reading = given().body("{\"stepNumber\": 2, \"calibrationId\": " + calibration + ", \"signal\": 0.5}")
                .post("/api/runs/" + run + "/readings").then().statusCode(201).extract().jsonPath().getLong("id");

        long stored = awaitCentral(run);
        try (Connection c = central()) {
            assertSamplesEqualTheExport(c, run, stored);
            assertThat(centralSteps(c, run)).isEqualTo(summaries.steps(run)).hasSize(6);
            assertThat(centralCycles(c, run)).isEqualTo(summaries.cycles(run)).hasSize(2);
            await().atMost(Duration.ofSeconds(20)).until(() -> CentralRows.single(c, "SELECT count(*) FROM "
                    + "central_reading WHERE station_id = ? AND reading_id = ? AND run_id = ?", STATION, reading, run) == 1);
            List<String> events = given().get("/api/runs/" + run + "/events").jsonPath().getList("kind");
            await().atMost(Duration.ofSeconds(20)).until(() -> kinds(c, run).equals(events));
            assertThat(CentralRows.single(c, "SELECT count(*) FROM lab_calibrations WHERE station_id = ? "
                    + "AND calibration_id = ? AND method = 'INDOPHENOL_BLUE_NH3' "
                    + "AND standards -> 'signals' ->> 4 = '0.84'", STATION, calibration)).isEqualTo(1);
            assertThat(CentralRows.single(c, "SELECT count(*) FROM lab_runs WHERE global_run_id = ? AND state = 'DONE' "
                    + "AND channel_id = 'ch1' AND (cell ->> 'areaCm2')::float8 = 1.0", STATION + "/" + run)).isEqualTo(1);
            assertThat(CentralRows.single(c, "SELECT count(*) FROM lab_steps WHERE station_id = ? AND run_id = ? "
                    + "AND kind = 'discharge' AND discharge_c > 0", STATION, run)).isEqualTo(2);
        }
        given().get("/api/lab/page").then().body("pageUrl", equalTo("http://lab-server:8080/lab.html"))
                .body("role", equalTo("station"));
        given().get("/q/health").then().statusCode(200)
                .body("checks.find { it.name == 'lab replication' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'lab replication' }.data.lagSamples", equalTo(0));
    }

    @Test
    void anOutageOfTheCentralDatabaseIsReportedAndLosesNothing() throws SQLException {
        CentralDatabaseResource.server.stop();
        long run;
        try {
            run = runToTheEnd("ch2", CYCLING);
            long stored = given().get("/api/runs/" + run).jsonPath().getLong("samplesStored");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/q/health").then().statusCode(200)
                    .body("status", equalTo("UP"))
                    .body("checks.find { it.name == 'lab replication' }.status", equalTo("UP"))
                    .body("checks.find { it.name == 'lab replication' }.data.state", equalTo("unreachable"))
                    .body("checks.find { it.name == 'lab replication' }.data.lagSamples", equalTo((int) stored)));
            String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(metrics).contains("station_lab_replication_lag_samples " + stored + ".0")
                    .contains("station_lab_replication_reachable 0.0");
        } finally {
            CentralDatabaseResource.server.start();
        }
        long stored = awaitCentral(run);
        try (Connection c = central()) {
            assertSamplesEqualTheExport(c, run, stored);
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/q/health").then()
                .body("checks.find { it.name == 'lab replication' }.data.state", equalTo("caught-up")));
    }

    @Test
    void sendingEverythingAgainChangesNothingAndANewCentralDatabaseGetsEverything() throws SQLException {
        long run = runToTheEnd("ch1", "Rest for 1 min\\nDischarge at 5 mA/cm2 for 10 min");
        long stored = awaitCentral(run);
        long events;
        try (Connection c = central()) {
            await().atMost(Duration.ofSeconds(20)).until(() -> kinds(c, run).contains("FINISHED"));
            events = CentralRows.single(c, "SELECT count(*) FROM central_event WHERE station_id = ?", STATION);
        }

        // The station forgets where it was (a crash between PostgreSQL's commit and its own): it sends again.
        execute("DELETE FROM lab_replication_run");
        execute("DELETE FROM lab_replication_cursor");
        CentralDatabaseResource.server.stop();
        CentralDatabaseResource.server.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> localCursor(run) >= stored);
        try (Connection c = central()) {
            assertSamplesEqualTheExport(c, run, stored);
            await().atMost(Duration.ofSeconds(20)).until(() -> localStreamCursor("EVENTS") > 0);
            assertThat(CentralRows.single(c, "SELECT count(*) FROM central_event WHERE station_id = ?", STATION))
                    .isEqualTo(events);
        }

        // A new, empty central database (restored, or another lab server): its id differs, everything goes again.
        try (Connection c = central(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("CREATE SCHEMA public");
        }
        CentralDatabaseResource.server.stop();
        CentralDatabaseResource.server.start();
        assertThat(awaitCentral(run)).isEqualTo(stored);
        try (Connection c = central()) {
            assertSamplesEqualTheExport(c, run, stored);
        }
    }

    private long runToTheEnd(String channel, String protocol) {
        long run = given().contentType(ContentType.JSON).body("{\"channel\": \"" + channel + "\", \"protocol\": \""
                        + protocol + "\", \"cell\": {\"areaCm2\": 1.0, \"znMassG\": 0.05, "
                        + "\"catholyteVolumeMl\": 40}}")
                .post("/api/runs").then().statusCode(201).extract().jsonPath().getLong("id");
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/api/runs/" + run).jsonPath()
                .getString("state").equals("DONE"));
        return run;
    }

    /** Waits until the central database holds every stored sample of the run; returns their number. */
    private long awaitCentral(long run) throws SQLException {
        long stored = given().get("/api/runs/" + run).jsonPath().getLong("samplesStored");
        assertThat(stored).isGreaterThan(100);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            try (Connection c = central()) {
                return CentralRows.single(c, "SELECT count(*) FROM lab_samples WHERE station_id = ? AND run_id = ?",
                        STATION, run) == stored;
            } catch (SQLException notYet) {
                return false;
            }
        });
        return stored;
    }

    private void assertSamplesEqualTheExport(Connection c, long run, long stored) throws SQLException {
        String csv = given().get("/api/runs/" + run + "/export?format=csv").then().statusCode(200).extract().asString();
        List<String> exported = CentralRows.exportedSamples(csv);
        assertThat(exported).hasSize((int) stored);
        assertThat(CentralRows.labSamples(c, STATION, run)).containsExactlyElementsOf(exported);
        assertThat(CentralRows.single(c, "SELECT count(DISTINCT seq) FROM central_sample WHERE station_id = ? "
                + "AND run_id = ?", STATION, run)).isEqualTo(stored);
        assertThat(CentralRows.single(c, "SELECT samples_stored FROM central_run WHERE station_id = ? AND run_id = ?",
                STATION, run)).isEqualTo(stored);
    }

    private static List<StepSummary> centralSteps(Connection c, long run) throws SQLException {
        List<StepSummary> steps = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + SummaryStore.STEP_COLUMNS + " FROM central_step "
                + "WHERE station_id = ? AND run_id = ? ORDER BY step_number")) {
            ps.setString(1, STATION);
            ps.setLong(2, run);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    steps.add(SummaryStore.readStep(rs, 1));
                }
            }
        }
        return steps;
    }

    private static List<CycleSummary> centralCycles(Connection c, long run) throws SQLException {
        List<CycleSummary> cycles = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + SummaryStore.CYCLE_COLUMNS + " FROM central_cycle "
                + "WHERE station_id = ? AND run_id = ? ORDER BY cycle")) {
            ps.setString(1, STATION);
            ps.setLong(2, run);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cycles.add(SummaryStore.readCycle(rs, 1));
                }
            }
        }
        return cycles;
    }

    private static List<String> kinds(Connection c, long run) throws SQLException {
        List<String> kinds = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT kind FROM lab_events WHERE station_id = ? AND run_id = ? "
                + "ORDER BY event_id")) {
            ps.setString(1, STATION);
            ps.setLong(2, run);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    kinds.add(rs.getString(1));
                }
            }
        }
        return kinds;
    }

    private long localCursor(long run) throws SQLException {
        return localLong("SELECT COALESCE(MAX(samples_sent), 0) FROM lab_replication_run WHERE run_id = " + run);
    }

    private long localStreamCursor(String stream) throws SQLException {
        return localLong("SELECT COALESCE(MAX(last_id), 0) FROM lab_replication_cursor WHERE stream = '" + stream + "'");
    }

    private long localLong(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static Connection central() throws SQLException {
        return CentralDatabaseResource.server.connect("lab");
    }
}
