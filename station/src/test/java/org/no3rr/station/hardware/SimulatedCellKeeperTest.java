package org.no3rr.station.hardware;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.no3rr.cell.CellMetadata;
import org.no3rr.hal.clock.VirtualClock;
import org.no3rr.hal.sim.CellSnapshot;
import org.no3rr.hal.sim.SimulatedChannel;
import org.no3rr.hal.sim.Simulator;
import org.no3rr.hal.sim.battery.BatteryModel;
import org.no3rr.hal.sim.battery.BatteryParameters;
import org.no3rr.station.AuthenticatedApiTest;
import org.no3rr.station.config.StationConfig;
import org.no3rr.station.store.RunStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/** The simulated cells outlive a restart of the station, in step with the stored samples. */
@QuarkusTest
class SimulatedCellKeeperTest extends AuthenticatedApiTest {

    private static final String CELL_JSON = "{\"areaCm2\": 1.0, \"znMassG\": 0.05, \"catholyteVolumeMl\": 30}";
    private static final CellMetadata CELL = new CellMetadata(1.0, Double.NaN, 0.05, 30, Double.NaN,
            "Ag/AgCl (sat. KCl)", CellMetadata.AG_AGCL_SAT_KCL_V, 0);

    @Inject
    HardwareBackend backend;

    @Inject
    StationConfig config;

    @Inject
    SimulatedCellKeeper keeper;

    @Inject
    StoredCurrentReplay replay;

    @Inject
    RunStore runs;

    @Test
    void aRestartedStationMountsEachCellAsItWasAtShutdown() {
        runToTheEnd("ch1", "Discharge at 5 mA/cm2 for 20 min");
        BatteryModel before = battery(simulator(), "ch1");
        keeper.saveAll();

        SimulatedBackend restarted = new SimulatedBackend(config, ControlLoopWatch.unwatched());
        keeper.restoreInto(restarted);

        BatteryModel after = battery(restarted, "ch1");
        assertThat(after.parameters()).isEqualTo(before.parameters());
        assertThat(after.parameters().catholyteVolumeMl()).isEqualTo(30.0);
        assertThat(after.state()).isEqualTo(before.state());
        // 20 min at 5 mA took 6 C of the 18 C a fresh cell holds (earlier runs on ch1 may have taken more)
        assertThat(after.stateOfCharge()).isEqualTo(before.stateOfCharge()).isLessThan(0.67);
    }

    @Test
    void aChannelWithoutAFileGetsOneWithItsFreshCellAtStart() throws Exception {
        SimulatedCellFiles files = new SimulatedCellFiles(Path.of(config.dataDir()).resolve("simulator"));
        Files.deleteIfExists(files.file("ch3"));

        SimulatedBackend restarted = new SimulatedBackend(config, ControlLoopWatch.unwatched());
        keeper.restoreInto(restarted);

        CellSnapshot fresh = restarted.simulatedChannel("ch3").orElseThrow().snapshot();
        assertThat(CellSnapshot.decode(files.read("ch3").orElseThrow()).state()).isEqualTo(fresh.state());
    }

    @Test
    void whileACellChangesItsFileFollowsWithinSeconds() throws Exception {
        runToTheEnd("ch1", "Discharge at 5 mA/cm2 for 2 min");
        Path file = Path.of(config.dataDir()).resolve("simulator").resolve("ch1.cell");
        SimulatedChannel<?> ch1 = simulator().simulatedChannel("ch1").orElseThrow();

        SimulatedCellFiles files = new SimulatedCellFiles(file.getParent());
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> Files.exists(file)
                && CellSnapshot.decode(files.read("ch1").orElseThrow()).state().equals(ch1.snapshot().state()));
        assertThat(files.read("ch1").orElseThrow()).startsWith("format=1\nkind=ZN_NITRATE_BATTERY\n");
    }

    @Test
    void theStoredCurrentsGiveACellRestoredFromBeforeARunTheChargeTheRunPassed() {
        SimulatedChannel<?> ch2 = simulator().simulatedChannel("ch2").orElseThrow();
        ch2.configureCell(RunCellSetup.setupOf(CELL)); // the cell the run will mount, so the snapshot is of it
        CellSnapshot beforeTheRun = ch2.snapshot();
        long run = runToTheEnd("ch2", "Discharge at 5 mA/cm2 for 10 min\\nRest for 1 min\\nCharge at 2 mA/cm2 for 5 min");

        SimulatedChannel<BatteryModel> restored = Simulator.battery("copy", BatteryParameters.defaults(),
                VirtualClock.atMaxSpeed(0), 1);
        restored.restore(beforeTheRun);
        int replayed = replay.replay(restored, run, beforeTheRun.simulatedMillis());

        BatteryModel truth = battery(simulator(), "ch2");
        // every sample read after the snapshot (the run's first may share the snapshot's instant: nothing flowed yet)
        long afterSnapshot = given().queryParam("format", "csv").get("/api/runs/" + run + "/export").asString().lines()
                .skip(1).filter(row -> Math.round(Double.parseDouble(row.split(",")[1]) * 1000)
                        > beforeTheRun.simulatedMillis()).count();
        assertThat(afterSnapshot).isGreaterThanOrEqualTo(runs.find(run).orElseThrow().samplesStored() - 1);
        assertThat(replayed).isEqualTo(afterSnapshot);
        // 3 C discharged and 0.6 C charged; the readings' noise (2 µA) and LSB (1.6 µA) leave well under 1 mC
        assertThat(restored.model().dischargedCoulombs()).isCloseTo(truth.dischargedCoulombs(), within(1e-3));
        assertThat(restored.model().chargedCoulombs()).isCloseTo(truth.chargedCoulombs(), within(1e-3));
        assertThat(restored.model().stateOfCharge()).isCloseTo(truth.stateOfCharge(), within(1e-4));
    }

    private static BatteryModel battery(SimulatedBackend backend, String channel) {
        return (BatteryModel) backend.simulatedChannel(channel).orElseThrow().model();
    }

    private SimulatedBackend simulator() {
        return (SimulatedBackend) backend;
    }

    private static long runToTheEnd(String channel, String protocol) {
        long id = given().contentType(ContentType.JSON)
                .body("{\"channel\": \"" + channel + "\", \"protocol\": \"" + protocol + "\", \"cell\": " + CELL_JSON + "}")
                .post("/api/runs").then().statusCode(201).extract().jsonPath().getLong("id");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> given().get("/api/runs/" + id).jsonPath().getString("state").equals("DONE"));
        return id;
    }
}
