package org.no3rr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.no3rr.cell.CellMetadata;
import org.no3rr.hal.clock.VirtualClock;
import org.no3rr.protocol.ProtocolParser;

/**
 * Issue 3's benchmark shape, run with the test's linear cell instead of the simulator: 1,000 cycles
 * of 10 min discharge / 10 min charge read every second (1.2 M readings). Checks the bookkeeping
 * and prints the engine's own cost; the time is not asserted (a shared machine makes timed tests
 * flaky) — {@code EngineSimulatorBenchmark} measures it for docs/benchmarks.md.
 */
class ThroughputTest {

    @Test
    void thousandCyclesOfOneSecondReadings() throws InterruptedException {
        VirtualClock clock = VirtualClock.atMaxSpeed(0);
        LinearCell cell = new LinearCell(clock, 1.4, 0.001, 2.0, 0.1);
        Engine engine = new Engine(ProtocolParser.parse(
                "Repeat 1000 times:\n  Discharge at 5 mA/cm2 for 10 min\n  Charge at 5 mA/cm2 for 10 min"),
                CellMetadata.ofArea(1.0), 1000);
        long[] recorded = new long[1];
        long started = System.nanoTime();

        Decision last = RunLoop.runToEnd(engine, cell.channel(false), clock, d -> recorded[0] += d.recorded() ? 1 : 0);

        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("engine + linear cell: %d readings in %.2f s (%.0f readings/s)%n", recorded[0], seconds,
                recorded[0] / seconds);
        assertThat(recorded[0]).isEqualTo(1_200_000);
        assertThat(last.state().cycle()).isEqualTo(1000);
        assertThat(last.state().stepNumber()).isEqualTo(2000);
        assertThat(last.state().totalChargeCoulombs()).isCloseTo(0.0, within(1e-6));
        assertThat(clock.millis()).isEqualTo(1000L * 20 * 60_000);
    }
}
