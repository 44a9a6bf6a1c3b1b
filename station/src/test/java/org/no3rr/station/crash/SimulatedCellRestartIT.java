package org.no3rr.station.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.no3rr.station.packaged.StationProcess;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * A simulated discharge on the packaged station at 600x, stopped cleanly once and killed once
 * (SIGKILL), resumes each time on the cell it left: the voltage runs on without the jump a fresh,
 * full cell would make (about +50 mV at a sixth of the capacity discharged).
 */
class SimulatedCellRestartIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Noise (0.3 mV) and a few seconds of a discharge that falls about 0.06 mV a second. */
    private static final double CONTINUOUS_VOLTS = 0.003;

    private final Path temp = Path.of("target/simulated-cell-restart/" + System.currentTimeMillis());
    private StationProcess station;

    @AfterEach
    void stopTheStation() throws InterruptedException {
        if (station != null) {
            station.stop();
        }
    }

    @Test
    void aResumedDischargeContinuesOnTheCellItLeftAfterAStopAndAfterAKill() throws Exception {
        if (System.getenv("CI") == null) {
            assumeThat(StationProcess.packaged()).as("station/target/quarkus-app (run ./mvnw package)").isTrue();
        }
        station = new StationProcess(temp.resolve("data"), freePort(), List.of("-Dstation.simulation.speed=600"));
        station.start();
        long run = JSON.readTree(station.post("/api/runs", "{\"channel\":\"ch1\",\"protocol\":\"Discharge at 5 mA/cm2"
                + " for 40 min\",\"cell\":{\"areaCm2\":1.0,\"znMassG\":0.05}}")).get("id").asLong();

        awaitSamples(run, 500);
        station.stop();
        station.start();
        awaitSamples(run, 1000);
        station.kill();
        station.start();
        awaitDone(run);

        // unix time, voltage and current of the samples taken under load (a clean stop may record one at open circuit)
        List<String> csv = station.get("/api/runs/" + run + "/export?format=csv").lines().toList();
        List<String> header = List.of(csv.get(0).split(","));
        int unixTime = header.indexOf("unix_time_s");
        int voltage = header.indexOf("voltage_V");
        int current = header.indexOf("current_A");
        List<double[]> rows = csv.stream().skip(1)
                .map(line -> line.split(","))
                .map(cells -> new double[] {Double.parseDouble(cells[unixTime]), Double.parseDouble(cells[voltage]),
                    Double.parseDouble(cells[current])})
                .filter(row -> row[2] < -4e-3)
                .toList();
        // the simulated clock resumes where the run's last sample left it, so the restarts are found by their events
        List<Double> restarts = new ArrayList<>();
        for (JsonNode event : JSON.readTree(station.get("/api/runs/" + run + "/events"))) {
            if (event.get("kind").asText().equals("RESTART")) {
                restarts.add(event.get("epochMillis").asLong() / 1000.0);
            }
        }
        assertThat(restarts).hasSize(2);
        List<Double> jumps = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            double before = rows.get(i - 1)[0];
            double after = rows.get(i)[0];
            if (restarts.stream().anyMatch(restart -> before < restart && restart <= after)) {
                jumps.add(rows.get(i)[1] - rows.get(i - 1)[1]);
            }
        }
        assertThat(jumps).as("voltage steps across the two restarts, V").hasSize(2)
                .allSatisfy(step -> assertThat(Math.abs(step)).isLessThan(CONTINUOUS_VOLTS));
        assertThat(rows.get(rows.size() - 1)[1]).as("40 min at 5 mA leave a third of the 5 mAh: V below a fresh cell's 1.165 V")
                .isLessThan(1.12);
    }

    private void awaitSamples(long run, long count) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (JSON.readTree(station.get("/api/runs/" + run)).get("samplesStored").asLong() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("run " + run + " did not store " + count + " samples; logs in " + temp.toAbsolutePath());
            }
            Thread.sleep(20);
        }
    }

    private void awaitDone(long run) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode view = JSON.readTree(station.get("/api/runs/" + run));
            if (view.get("state").asText().equals("DONE")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + run + " did not finish; logs in " + temp.toAbsolutePath());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
