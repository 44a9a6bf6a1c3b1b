package org.no3rr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.no3rr.cell.CellMetadata;
import org.no3rr.hal.CellKind;
import org.no3rr.hal.clock.VirtualClock;
import org.no3rr.hal.sim.SimulatedChannel;
import org.no3rr.hal.sim.SimulatedInput;
import org.no3rr.hal.sim.Simulator;
import org.no3rr.hal.sim.battery.BatteryModel;
import org.no3rr.hal.sim.battery.BatteryParameters;
import org.no3rr.metrics.StepSummary;
import org.no3rr.protocol.ProtocolParser;

/** The one run loop: storage outages, controls, shutdown and hardware failures, on the simulator. */
class RunDriverTest {

    private static final long T0 = 1_700_000_000_000L;

    private final VirtualClock clock = VirtualClock.atMaxSpeed(T0);
    private final SimulatedChannel<BatteryModel> channel = Simulator.battery("ch1", BatteryParameters.defaults(),
            clock, 5);

    private Engine engine(String protocol) {
        return new Engine(ProtocolParser.parse(protocol), CellMetadata.ofArea(1.0), channel.ratings(),
                CellKind.ZN_NITRATE_BATTERY, 1000);
    }

    /** Storage refuses samples from {@code failFromMillis} for {@code outageMillis} of virtual time. */
    private final class FlakyStorage implements RunSink, RunControls {
        final List<Decision> stored = new ArrayList<>();
        final List<EngineEvent> events = new ArrayList<>();
        final List<RunControl> controls = new ArrayList<>();
        long failFromMillis = Long.MAX_VALUE;
        long outageMillis;
        boolean relayOpenDuringOutage = true;

        private boolean failing() {
            long now = clock.millis();
            return now >= failFromMillis && now < failFromMillis + outageMillis;
        }

        @Override
        public boolean store(Decision decision) {
            if (decision.recorded() && failing()) {
                return false;
            }
            stored.add(decision);
            return true;
        }

        @Override
        public void announce(Decision decision) {
            events.addAll(decision.events());
        }

        @Override
        public boolean refusingSamples() {
            return failing();
        }

        @Override
        public RunControl next(long timeoutMillis) throws InterruptedException {
            if (failing()) {
                relayOpenDuringOutage &= !(channel.effectiveDrive().mode() != org.no3rr.hal.sim.Drive.Mode.OPEN_CIRCUIT);
                clock.waitUntil(clock.millis() + Math.max(1, timeoutMillis));
                return null;
            }
            return controls.isEmpty() ? null : controls.remove(0);
        }
    }

    @Test
    void aStorageOutagePausesTheRunSafelyAndItCarriesOnByItselfWithoutLosingStepTime() throws InterruptedException {
        FlakyStorage storage = new FlakyStorage();
        storage.failFromMillis = T0 + 30_500;
        storage.outageMillis = 120_000;

        RunDriver.Outcome outcome = new RunDriver(engine("Discharge at 5 mA for 1 min"), channel.hardware(), clock,
                storage, storage).start();

        assertThat(outcome).isEqualTo(RunDriver.Outcome.ENDED);
        assertThat(storage.relayOpenDuringOutage).isTrue();
        assertThat(storage.events).filteredOn(e -> e instanceof EngineEvent.Paused || e instanceof EngineEvent.Resumed)
                .extracting(e -> e.getClass().getSimpleName()).containsExactly("Paused", "Resumed");
        StepSummary discharge = storage.stored.stream().flatMap(d -> d.closedSteps().stream()).findFirst()
                .orElseThrow();
        assertThat(discharge.durationS()).isEqualTo(60.0);
        assertThat(discharge.totals().dischargeCoulombs()).isCloseTo(0.3, within(0.3 * 1e-3));
        assertThat(discharge.endEpochMillis() - discharge.startEpochMillis()).as("60 s under current + the outage")
                .isGreaterThanOrEqualTo(180_000);
    }

    @Test
    void aShutdownLeavesTheRunAsItIsAndTheChannelSafe() throws InterruptedException {
        FlakyStorage storage = new FlakyStorage();
        storage.controls.add(null);
        storage.controls.add(new RunControl.Shutdown());

        RunDriver.Outcome outcome = new RunDriver(engine("Charge at 5 mA for 1 h"), channel.hardware(), clock, storage,
                storage).start();

        assertThat(outcome).isEqualTo(RunDriver.Outcome.SHUT_DOWN);
        assertThat(storage.stored.get(storage.stored.size() - 1).state().state()).isEqualTo(RunState.RUNNING);
        assertThat(storage.events).noneMatch(EngineEvent.RunEnded.class::isInstance);
    }

    @Test
    void aReadThatFailsTwiceFaultsTheRunNamingTheInput() throws InterruptedException {
        FlakyStorage storage = new FlakyStorage();
        channel.faults().failEveryRead(SimulatedInput.CELL_VOLTAGE);

        new RunDriver(engine("Charge at 5 mA for 1 h"), channel.hardware(), clock, storage, storage).start();

        EngineState end = storage.stored.get(storage.stored.size() - 1).state();
        assertThat(end.state()).isEqualTo(RunState.FAULTED);
        assertThat(end.endReason()).startsWith("hardware failure: channel ch1: reading cell voltage");
        assertThat(channel.effectiveDrive().mode()).isEqualTo(org.no3rr.hal.sim.Drive.Mode.OPEN_CIRCUIT);
    }

    @Test
    void aSetpointTheHardwareRefusesFaultsTheRunWithTheStepItBegan() throws InterruptedException {
        FlakyStorage storage = new FlakyStorage();
        Engine hold = new Engine(ProtocolParser.parse("Hold at -0.5 V vs ref for 30 s"), CellMetadata.ofArea(1.0),
                channel.ratings(), CellKind.H_CELL_ELECTROLYSIS, 1000);

        RunDriver.Outcome outcome = new RunDriver(hold, channel.hardware(), clock, storage, storage).start();

        assertThat(outcome).isEqualTo(RunDriver.Outcome.ENDED);
        assertThat(storage.stored).hasSize(2);
        EngineState end = storage.stored.get(1).state();
        assertThat(end.state()).isEqualTo(RunState.FAULTED);
        assertThat(end.endReason()).isEqualTo("hardware failure: channel ch1 has no potential control; a Hold, Sweep "
                + "or Cycle step needs a three-electrode channel");
        assertThat(storage.events).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("StepStarted", "StepEnded", "RunEnded");
        assertThat(channel.effectiveDrive().mode()).isEqualTo(org.no3rr.hal.sim.Drive.Mode.OPEN_CIRCUIT);
    }

    @Test
    void aStopEndsTheRunWithTheOperatorsReason() throws InterruptedException {
        FlakyStorage storage = new FlakyStorage();
        storage.controls.add(null);
        storage.controls.add(null);
        storage.controls.add(new RunControl.Stop("stopped by the operator"));

        new RunDriver(engine("Charge at 5 mA for 1 h"), channel.hardware(), clock, storage, storage).start();

        EngineState end = storage.stored.get(storage.stored.size() - 1).state();
        assertThat(end.state()).isEqualTo(RunState.STOPPED);
        assertThat(storage.stored.stream().flatMap(d -> d.closedSteps().stream()).toList()).singleElement()
                .satisfies(s -> {
                    assertThat(s.durationS()).as("controls are looked at before each reading: 0 s and 1 s were read")
                            .isEqualTo(1.0);
                    assertThat(s.endReason()).isEqualTo("stopped by the operator");
                });
    }
}
