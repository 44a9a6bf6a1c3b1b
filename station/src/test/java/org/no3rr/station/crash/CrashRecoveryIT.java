package org.no3rr.station.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.no3rr.metrics.CycleSummary;
import org.no3rr.metrics.StepSummary;
import org.no3rr.metrics.StepTotals;
import org.no3rr.protocol.StepKind;
import org.no3rr.station.packaged.StationProcess;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The crash test: an accelerated cycling run on the packaged station, killed with SIGKILL at 20
 * random moments and restarted each time. At the end the run has completed, every sample the
 * station had acknowledged before a kill is still there unchanged, time and cycle numbers run on
 * without a step back, the per-cycle metrics equal a recomputation from the stored samples, and
 * every start put all channels in their safe state before resuming the run.
 */
class CrashRecoveryIT {

    private static final int KILLS = 20;
    private static final int CYCLES = 40;
    private static final String PROTOCOL = "Repeat " + CYCLES + " times:\\n"
            + "  Discharge at 5 mA/cm2 for 10 min\\n  Charge at 5 mA/cm2 for 10 min";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Kept after the test: the data directory and each start's log, for a look when it fails. */
    private final Path temp = Path.of("target/crash-test/" + System.currentTimeMillis());

    private StationProcess station;

    @AfterEach
    void stopTheStation() throws InterruptedException {
        if (station != null) {
            station.stop();
        }
    }

    @Test
    void aRunKilledTwentyTimesCompletesWithNothingAcknowledgedLost() throws Exception {
        if (System.getenv("CI") == null) {
            assumeThat(StationProcess.packaged()).as("station/target/quarkus-app (run ./mvnw package)").isTrue();
        }
        Random random = new Random(20261121);
        // 600x: a 10-minute half-cycle takes one real second, so kills land in every phase of a cycle.
        station = new StationProcess(temp.resolve("data"), freePort(), List.of("-Dstation.simulation.speed=600"));
        station.start();
        long run = JSON.readTree(station.post("/api/runs", "{\"channel\":\"ch1\",\"protocol\":\"" + PROTOCOL
                + "\",\"cell\":{\"areaCm2\":1.0,\"znMassG\":0.05}}")).get("id").asLong();

        List<List<String>> acknowledged = new ArrayList<>();
        List<Boolean> activeAtKill = new ArrayList<>();
        for (int kill = 1; kill <= KILLS; kill++) {
            Thread.sleep(200 + random.nextInt(1300));
            acknowledged.add(storedRows(run));
            activeAtKill.add(JSON.readTree(station.get("/api/runs/" + run)).get("state").asText().equals("RUNNING"));
            station.kill();
            station.start();
        }
        assertThat(activeAtKill).as("the run was still going at every kill").containsOnly(true);
        awaitDone(run);

        List<String> rows = storedRows(run);
        for (List<String> before : acknowledged) {
            assertThat(rows.subList(0, before.size())).as("samples acknowledged before a kill").isEqualTo(before);
        }
        assertThat(acknowledged.get(KILLS - 1).size()).isGreaterThan(acknowledged.get(0).size());
        assertContinuous(rows);
        assertCyclesEqualARecomputation(run, rows);

        JsonNode events = JSON.readTree(station.get("/api/runs/" + run + "/events"));
        assertThat(events.findValuesAsText("kind").stream().filter("RESTART"::equals)).hasSizeGreaterThanOrEqualTo(1);
        for (int start = 1; start <= station.starts(); start++) {
            assertSafeStateBeforeResume(start);
        }
    }

    @Test
    void withOnRestartInterruptAKilledRunIsMarkedInterruptedAndItsChannelIsFree() throws Exception {
        if (System.getenv("CI") == null) {
            assumeThat(StationProcess.packaged()).as("station/target/quarkus-app (run ./mvnw package)").isTrue();
        }
        station = new StationProcess(temp.resolve("interrupt"), freePort(),
                List.of("-Dstation.simulation.speed=600", "-Dstation.on-restart=interrupt"));
        station.start();
        long run = JSON.readTree(station.post("/api/runs", "{\"channel\":\"ch2\",\"protocol\":\"" + PROTOCOL
                + "\",\"cell\":{\"areaCm2\":1.0}}")).get("id").asLong();
        while (JSON.readTree(station.get("/api/runs/" + run)).get("samplesStored").asLong() < 10) {
            Thread.sleep(100);
        }
        station.kill();
        station.start();

        JsonNode view = JSON.readTree(station.get("/api/runs/" + run));
        assertThat(view.get("state").asText()).isEqualTo("INTERRUPTED");
        assertThat(view.get("endReason").asText()).isEqualTo("the station restarted");
        JsonNode channels = JSON.readTree(station.get("/api/channels"));
        assertThat(channels.get(1).get("state").asText()).isEqualTo("IDLE");
        assertThat(JSON.readTree(station.get("/api/runs/" + run + "/events")).findValuesAsText("message"))
                .contains("station restarted; run interrupted (station.on-restart=interrupt)");
    }

    /**
     * Test time never steps back (a step's first sample shares the time of the sample that ended the
     * step before); cycle and step numbers never step back and never skip.
     */
    private static void assertContinuous(List<String> rows) {
        double time = -1;
        int cycle = 1;
        int step = 1;
        for (String row : rows) {
            String[] cells = row.split(",", -1);
            double t = Double.parseDouble(cells[0]);
            int c = Integer.parseInt(cells[9]);
            int s = Integer.parseInt(cells[10]);
            assertThat(t).as("test time after %s s", time).isGreaterThanOrEqualTo(time);
            assertThat(c).as("cycle after %d", cycle).isBetween(cycle, cycle + 1);
            assertThat(s).as("step after %d", step).isBetween(step, step + 1);
            time = t;
            cycle = c;
            step = s;
        }
        assertThat(cycle).isEqualTo(CYCLES);
        assertThat(step).isEqualTo(2 * CYCLES);
    }

    /** Each step folded from its own CSV rows over step time, the cycles as sums of steps: equal to /cycles. */
    private void assertCyclesEqualARecomputation(long run, List<String> rows) throws IOException, InterruptedException {
        List<CycleSummary> recomputed = new ArrayList<>();
        CycleSummary cycle = null;
        StepTotals totals = StepTotals.EMPTY;
        String[] first = null;
        for (int i = 0; i <= rows.size(); i++) {
            String[] cells = i < rows.size() ? rows.get(i).split(",", -1) : null;
            if (first != null && (cells == null || !cells[10].equals(first[10]))) {
                StepSummary step = new StepSummary(Integer.parseInt(first[9]), Integer.parseInt(first[10]),
                        Integer.parseInt(first[11]), StepKind.fromWireName(first[12]), "", 0, 0, totals, 0, "");
                if (cycle != null && cycle.cycle() != step.cycle()) {
                    recomputed.add(cycle);
                    cycle = null;
                }
                cycle = (cycle == null ? CycleSummary.begin(step.cycle(), true) : cycle).plus(step);
                totals = StepTotals.EMPTY;
                first = null;
            }
            if (cells == null) {
                break;
            }
            first = first == null ? cells : first;
            totals = totals.plus(Math.round(Double.parseDouble(cells[2]) * 1000), Double.parseDouble(cells[3]),
                    Double.parseDouble(cells[4]));
        }
        recomputed.add(cycle);
        JsonNode served = JSON.readTree(station.get("/api/runs/" + run + "/cycles"));
        assertThat(served).hasSize(CYCLES);
        assertThat(recomputed).hasSize(CYCLES);
        for (int i = 0; i < CYCLES; i++) {
            JsonNode view = served.get(i);
            assertThat(view.get("cycle").asInt()).isEqualTo(recomputed.get(i).cycle());
            assertThat(view.get("dischargeCapacityCoulombs").asDouble())
                    .isEqualTo(recomputed.get(i).dischargeCapacityCoulombs());
            assertThat(view.get("chargeCapacityCoulombs").asDouble())
                    .isEqualTo(recomputed.get(i).chargeCapacityCoulombs());
            assertThat(view.get("dischargeEnergyJ").asDouble()).isEqualTo(recomputed.get(i).dischargeHalf().energyJ());
        }
    }

    /** The start's log says every channel was safe before it says any run resumed. */
    private void assertSafeStateBeforeResume(int start) throws IOException {
        List<String> log = Files.readAllLines(station.log(start));
        int safe = indexOf(log, "are in their safe state");
        int resumed = indexOf(log, "carries on at cycle");
        assertThat(safe).as("start %d: safe-state line", start).isGreaterThanOrEqualTo(0);
        if (resumed >= 0) {
            assertThat(safe).as("start %d: safe state before resuming", start).isLessThan(resumed);
        }
        if (start > 1) {
            assertThat(resumed).as("start %d resumed the run", start).isGreaterThanOrEqualTo(0);
        }
    }

    private List<String> storedRows(long run) throws IOException, InterruptedException {
        long stored = JSON.readTree(station.get("/api/runs/" + run)).get("samplesStored").asLong();
        List<String> rows = station.get("/api/runs/" + run + "/export?format=csv").lines().skip(1).toList();
        assertThat(rows.size()).as("rows exported vs samples stored").isGreaterThanOrEqualTo((int) stored);
        return rows.subList(0, (int) stored);
    }

    private void awaitDone(long run) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode view = JSON.readTree(station.get("/api/runs/" + run));
            String state = view.get("state").asText();
            if (state.equals("DONE")) {
                return;
            }
            if (!state.equals("RUNNING")) {
                throw new AssertionError("run " + run + " is " + state + ": " + view.get("endReason").asText()
                        + "; logs in " + temp.toAbsolutePath());
            }
            Thread.sleep(200);
        }
        throw new AssertionError("run " + run + " did not finish within 120 s after the last restart; logs in "
                + temp.toAbsolutePath());
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
