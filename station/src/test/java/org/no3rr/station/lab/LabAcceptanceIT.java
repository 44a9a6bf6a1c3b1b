package org.no3rr.station.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.no3rr.station.packaged.StationProcess;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * Acceptance of the central database, with real processes: two packaged stations and the packaged lab
 * instance against a private PostgreSQL. Both stations run; PostgreSQL is stopped while they record and
 * started again; afterwards the central {@code lab_samples} holds exactly the samples of each station's own
 * CSV export, once each and row by row, and the lab instance's download of each run is byte for byte the
 * station's. (The MQTT half — live cards, Last Will, broker restart — is proven by LabStationsTest and
 * LabPageTest against a real Mosquitto; the stations' publisher is another branch's.)
 */
class LabAcceptanceIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** 31 min of cell time at 200× is about 9 s: long enough to take the database away in the middle. */
    private static final String PROTOCOL = "Rest for 1 min\\nDischarge at 5 mA/cm2 for 30 min";

    private final Path temp = Path.of("target/lab-it/" + System.currentTimeMillis());
    private final List<StationProcess> processes = new ArrayList<>();
    private PostgresServer postgres;

    @AfterEach
    void stopEverything() throws InterruptedException {
        for (StationProcess p : processes) {
            p.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void twoStationsReplicateThroughAnOutageAndTheLabServesTheirRunsUnchanged() throws Exception {
        if (System.getenv("CI") == null) {
            assumeThat(StationProcess.packaged()).as("station/target/quarkus-app (run ./mvnw package)").isTrue();
        }
        postgres = PostgresServer.create();
        postgres.createDatabase("lab");
        StationProcess bench1 = station("bench-1", List.of());
        StationProcess bench2 = station("bench-2", List.of());
        StationProcess lab = station("lab", List.of("-Dstation.role=lab"));

        long run1 = startRun(bench1, "ch1");
        long run2 = startRun(bench2, "ch2");
        postgres.stop();
        try {
            for (StationProcess s : List.of(bench1, bench2)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> "unreachable".equals(replication(s).path("state").asText()));
            }
            // Mid-run: samples are stored while the central database is away.
            await().atMost(Duration.ofSeconds(30)).until(() -> replication(bench1).path("lagSamples").asLong() > 100
                    && replication(bench2).path("lagSamples").asLong() > 100);
            assertThat(state(bench1, run1)).isEqualTo("RUNNING");
        } finally {
            postgres.start();
        }
        for (StationProcess s : List.of(bench1, bench2)) {
            long run = s == bench1 ? run1 : run2;
            await().atMost(Duration.ofSeconds(90)).until(() -> "DONE".equals(state(s, run)));
            await().atMost(Duration.ofSeconds(60)).until(() -> "caught-up".equals(replication(s).path("state").asText()));
        }

        try (Connection c = postgres.connect("lab")) {
            for (StationProcess s : List.of(bench1, bench2)) {
                String stationId = s == bench1 ? "bench-1" : "bench-2";
                long run = s == bench1 ? run1 : run2;
                String csv = s.get("/api/runs/" + run + "/export?format=csv");
                List<String> exported = CentralRows.exportedSamples(csv);
                assertThat(exported).hasSizeGreaterThan(1000);
                assertThat(CentralRows.labSamples(c, stationId, run)).containsExactlyElementsOf(exported);
                assertThat(CentralRows.single(c, "SELECT count(DISTINCT seq) FROM central_sample WHERE station_id = ? "
                        + "AND run_id = ?", stationId, run)).isEqualTo(exported.size());
                assertThat(lab.get("/api/lab/runs/" + stationId + "/" + run + "/export?format=csv")).isEqualTo(csv);
                assertThat(lab.get("/api/lab/runs/" + stationId + "/" + run + "/export?format=bdf"))
                        .isEqualTo(s.get("/api/runs/" + run + "/export?format=bdf"));
                assertThat(lab.get("/api/lab/runs/" + stationId + "/" + run + "/cycles"))
                        .isEqualTo(s.get("/api/runs/" + run + "/cycles"));
            }
        }
        List<String> globalIds = new ArrayList<>();
        JSON.readTree(lab.get("/api/lab/runs")).forEach(r -> globalIds.add(r.path("globalRunId").asText()));
        assertThat(globalIds).contains("bench-1/" + run1, "bench-2/" + run2);
    }

    private StationProcess station(String id, List<String> extra) throws Exception {
        List<String> options = new ArrayList<>(List.of("-Dstation.id=" + id, "-Dstation.simulation.speed=200",
                "-Dstation.lab.db.url=" + postgres.jdbcUrl("lab"), "-Dstation.lab.db.username=" + PostgresServer.USER,
                "-Dstation.lab.db.max-retry-interval=1s", "-Dstation.lab.db.idle-interval=200ms"));
        options.addAll(extra);
        StationProcess process = new StationProcess(temp.resolve(id).resolve("data"), ExternalProgram.freePort(), options);
        processes.add(process);
        process.start();
        return process;
    }

    private static long startRun(StationProcess s, String channel) throws Exception {
        return JSON.readTree(s.post("/api/runs", "{\"channel\":\"" + channel + "\",\"protocol\":\"" + PROTOCOL
                + "\",\"cell\":{\"areaCm2\":1.0,\"znMassG\":0.05}}")).path("id").asLong();
    }

    private static String state(StationProcess s, long run) throws Exception {
        return JSON.readTree(s.get("/api/runs/" + run)).path("state").asText();
    }

    private static JsonNode replication(StationProcess s) throws Exception {
        for (JsonNode check : JSON.readTree(s.get("/q/health")).path("checks")) {
            if ("lab replication".equals(check.path("name").asText())) {
                return check.path("data");
            }
        }
        throw new AssertionError("no lab replication check in /q/health of " + s.port());
    }
}
