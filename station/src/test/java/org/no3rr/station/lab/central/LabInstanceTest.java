package org.no3rr.station.lab.central;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.no3rr.cell.CellMetadata;
import org.no3rr.station.AuthenticatedApiTest;
import org.no3rr.station.export.SampleCsvWriter;
import org.no3rr.station.lab.CentralDatabaseResource;
import org.no3rr.station.lab.LabInstanceProfile;
import org.no3rr.station.store.StoredSample;

import java.io.StringWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * The lab instance ({@code station.role=lab}) reads a run another station replicated into a real PostgreSQL
 * and answers in a station's shapes: the run, its events, its chart, and exports byte for byte what the
 * station's own writer gives for the same samples. Its station routes answer 409, a bad station id 400, and
 * a central database that is down 503 — never a 500.
 */
@QuarkusTest
@TestProfile(LabInstanceProfile.class)
class LabInstanceTest extends AuthenticatedApiTest {

    static final long START_MS = ReplicatedRun.START_MS;
    static final List<StoredSample> SAMPLES = ReplicatedRun.SAMPLES;

    @BeforeEach
    void replicateARunOfAnotherStation() throws SQLException {
        try (Connection c = CentralDatabaseResource.server().connect("lab")) {
            ReplicatedRun.writeTo(c);
        }
    }

    @Test
    void aRunOfAnotherStationIsListedAndShownInTheStationsShapes() {
        given().get("/api/lab/runs").then().statusCode(200)
                .body("findAll { it.stationId == 'bench-9' }.globalRunId", contains("bench-9/5"))
                .body("find { it.globalRunId == 'bench-9/5' }.samplesStored", equalTo(3));
        given().get("/api/lab/runs/bench-9/5").then().statusCode(200)
                .body("id", equalTo(5)).body("channel", equalTo("ch3")).body("state", equalTo("DONE"))
                .body("notes", equalTo("second cell of the batch")).body("cell.areaCm2", equalTo(2.0f))
                .body("startedAt", equalTo("2023-11-14T22:13:20Z")).body("samplesStored", equalTo(3));
        given().get("/api/lab/runs/bench-9/5/events").then().statusCode(200)
                .body("kind", contains("STARTED", "FINISHED")).body("epochMillis[1]", equalTo(START_MS + 4000));
        // The chart keeps every point of a window smaller than maxPoints; test time counts from the start.
        given().get("/api/lab/runs/bench-9/5/samples?maxPoints=10").then().statusCode(200)
                .body("samplesInRange", equalTo(3)).body("points.testTimeS", contains(1.0f, 2.0f, 3.5f))
                .body("points.voltageV", contains(1.512f, 1.511f, 1.402f));
        given().get("/api/lab/runs/bench-9/5/samples?from=1.5&to=3").then().statusCode(200)
                .body("samplesInRange", equalTo(1)).body("points", hasSize(1));
    }

    @Test
    void theExportIsWhatTheStationsOwnWriterGivesForTheSameSamples() {
        StringWriter expected = new StringWriter();
        SampleCsvWriter writer = new SampleCsvWriter(expected, START_MS, CellMetadata.ofArea(2.0));
        writer.begin();
        SAMPLES.forEach(writer::write);
        writer.end();
        String csv = given().get("/api/lab/runs/bench-9/5/export?format=csv").then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"bench-9-run-5.csv\"").extract().asString();
        assertThat(csv).isEqualTo(expected.toString());
        assertThat(csv.lines().toList()).element(2).isEqualTo("2.000,1700000002.000,2.000,1.511,0.0,,,,,1,1,1,rest");
        given().get("/api/lab/runs/bench-9/5/export?format=json").then().statusCode(200)
                .body("samples", hasSize(3)).body("samples[2].currentA", equalTo(-0.01f));
        given().get("/api/lab/runs/bench-9/5/export?format=cycles").then().statusCode(200);
    }

    @Test
    void theStationRoutesAnswer409AndBadRequestsSayWhatIsWrong() {
        given().get("/api/runs").then().statusCode(409)
                .body("error", equalTo("this is the lab instance; runs are started on their station "
                        + "(the lab's runs are read under /api/lab/runs)"));
        given().body("{\"channel\": \"ch1\", \"protocol\": \"Rest for 1 s\"}").post("/api/runs").then().statusCode(409);
        given().get("/api/channels").then().statusCode(409);
        given().get("/api/lab/runs/Bench%209/5").then().statusCode(400).body("field", equalTo("station"));
        given().get("/api/lab/runs/bench-9/6").then().statusCode(404)
                .body("error", equalTo("the central database has no run bench-9/6"));
    }

    @Test
    void aCentralDatabaseThatIsDownIsA503WithTheReason() {
        CentralDatabaseResource.server().stop();
        try {
            given().get("/api/lab/runs").then().statusCode(503)
                    .body("error", org.hamcrest.Matchers.startsWith("the central database cannot be read: "));
        } finally {
            CentralDatabaseResource.server().start();
        }
        given().get("/api/lab/runs").then().statusCode(200);
    }
}
