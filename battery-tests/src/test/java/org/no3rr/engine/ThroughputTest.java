package org.no3rr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.no3rr.cell.CellMetadata;
import org.no3rr.hal.CellKind;
import org.no3rr.hal.clock.VirtualClock;
import org.no3rr.protocol.ProtocolParser;

/**
 * Issue 3's benchmark shape through the one run loop, with the test's linear cell instead of the
 * simulator: 1,000 cycles of 10 min discharge / 10 min charge read every second. Checks the
 * bookkeeping and prints the cost; the time is not asserted (a shared machine makes timed tests
 * flaky) — {@code EngineSimulatorBenchmark} measures it for docs/benchmarks.md.
 */
class ThroughputTest {

    /** Counts what is stored and keeps the last state; holds nothing else, so a million readings fit. */
    private static final class CountingSink implements RunSink, RunControls {
        long samples;
        long cycles;
        double dischargeCoulombs;
        EngineState state;

        @Override
        public boolean store(Decision decision) {
            samples += decision.recorded() ? 1 : 0;
            cycles += decision.closedCycles().size();
            decision.closedCycles().forEach(c -> dischargeCoulombs += c.dischargeHalf().coulombs());
            state = decision.state();
            return true;
        }

        @Override
        public void announce(Decision decision) {
        }

        @Override
        public boolean refusingSamples() {
            return false;
        }

        @Override
        public RunControl next(long timeoutMillis) {
            return null;
        }
    }

    @Test
    void thousandCyclesOfOneSecondReadings() throws InterruptedException {
        VirtualClock clock = VirtualClock.atMaxSpeed(0);
        LinearCell cell = new LinearCell(clock, 1.4, 0.001, 2.0, 0.1);
        Engine engine = new Engine(ProtocolParser.parse(
                "Repeat 1000 times:\n  Discharge at 5 mA/cm2 for 10 min\n  Charge at 5 mA/cm2 for 10 min"),
                CellMetadata.ofArea(1.0), Engines.BATTERY, CellKind.ZN_NITRATE_BATTERY, 1000);
        CountingSink sink = new CountingSink();
        long started = System.nanoTime();

        RunDriver.Outcome outcome = new RunDriver(engine, cell.channel(false), clock, sink, sink).start();

        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("engine + linear cell: %d samples in %.2f s (%.0f samples/s)%n", sink.samples, seconds,
                sink.samples / seconds);
        assertThat(outcome).isEqualTo(RunDriver.Outcome.ENDED);
        assertThat(sink.samples).as("601 readings per 10 min step, 2000 steps").isEqualTo(1_202_000);
        assertThat(sink.cycles).isEqualTo(1000);
        assertThat(sink.state.stepNumber()).isEqualTo(2000);
        assertThat(sink.dischargeCoulombs).as("5 mA × 600 s × 1000").isCloseTo(3000.0, within(1e-6));
        assertThat(clock.millis()).isEqualTo(1000L * 20 * 60_000);
    }
}
