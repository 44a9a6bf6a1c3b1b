package org.no3rr.hal.sim.battery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.no3rr.hal.ChannelHardware;
import org.no3rr.hal.Measurement;
import org.no3rr.hal.clock.VirtualClock;
import org.no3rr.hal.sim.SimulatedChannel;
import org.no3rr.hal.sim.Simulator;

/**
 * The station's benchmark load on the simulator alone: 1,000 cycles of 10 min discharge and 10 min
 * charge at 5 mA, every channel input read once a second (1.2 M measurements). It checks the
 * physics of a long run and prints the time taken; the time itself is a benchmark figure (see
 * docs/benchmarks.md), not asserted here, because a timed assertion flakes on a shared machine.
 */
class LongCyclingBenchmarkTest {

    private static final int CYCLES = 1000;
    private static final int HALF_CYCLE_SECONDS = 600;
    private static final double CURRENT = 5e-3;

    @Test
    void aThousandCyclesAtOneSecondResolutionRunInAFewSecondsWithPlausibleVoltages() {
        VirtualClock clock = VirtualClock.atMaxSpeed(1_700_000_000_000L);
        SimulatedChannel<BatteryModel> channel = Simulator.battery("bench", BatteryParameters.defaults(), clock, 1);
        ChannelHardware hw = channel.hardware();
        hw.relay().connect();
        double lowestDischarge = Double.MAX_VALUE;
        double highestCharge = 0;
        double firstEndOfDischarge = 0;
        double lastEndOfDischarge = 0;

        long began = System.nanoTime();
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            for (double amps : new double[] {-CURRENT, CURRENT}) {
                hw.currentSource().setCurrent(amps);
                for (int s = 0; s < HALF_CYCLE_SECONDS; s++) {
                    clock.advanceTo(clock.millis() + 1000);
                    Measurement m = hw.measure(clock.millis());
                    if (amps < 0) {
                        lowestDischarge = Math.min(lowestDischarge, m.voltage());
                    } else {
                        highestCharge = Math.max(highestCharge, m.voltage());
                    }
                }
                if (amps < 0) {
                    double v = channel.trueResponse().cellVoltage();
                    firstEndOfDischarge = cycle == 0 ? v : firstEndOfDischarge;
                    lastEndOfDischarge = v;
                }
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        System.out.printf("simulator benchmark: %d measurements in %.2f s%n", CYCLES * 2 * HALF_CYCLE_SECONDS, seconds);

        BatteryModel truth = channel.model();
        // 3 C per half-cycle; the Zn-plating loss (0.2 %) drifts the state of charge down slowly
        assertThat(truth.dischargedCoulombs()).isCloseTo(CYCLES * 3.0, within(1e-6));
        assertThat(truth.equivalentFullCycles()).isCloseTo(CYCLES * 3.0 / 18.0, within(1e-6));
        assertThat(truth.capacityCoulombs() / 18.0).isCloseTo(Math.pow(1 - 5e-4, CYCLES * 3.0 / 18.0), within(1e-9));
        assertThat(lowestDischarge).isBetween(1.0, 1.2);
        assertThat(highestCharge).isBetween(2.1, 2.3);
        assertThat(lastEndOfDischarge).isLessThan(firstEndOfDischarge);
    }
}
