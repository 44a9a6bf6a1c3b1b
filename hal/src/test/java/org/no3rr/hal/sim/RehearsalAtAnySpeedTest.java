package org.no3rr.hal.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.no3rr.hal.ChannelHardware;
import org.no3rr.hal.Measurement;
import org.no3rr.hal.clock.VirtualClock;
import org.no3rr.hal.sim.battery.BatteryParameters;
import org.no3rr.hal.sim.hcell.HCellParameters;

/**
 * A rehearsal gives the same samples at 600x on a loaded machine as at maximum speed: time advances
 * exactly to each scheduled reading, and the noise is drawn per reading, not per tick of real time.
 * Each channel drives its own clock the way the station's runner does: command, wait for the next
 * reading, read at the clock's time.
 */
class RehearsalAtAnySpeedTest {

    private static final long START = 1_700_000_000_000L;
    private static final long BATTERY_SEED = 20261122;
    private static final long H_CELL_SEED = 20261124;
    /** E vs Ag/AgCl (sat. KCl) = E vs RHE − 0.197 − 0.0592·7. */
    private static final double RHE_MINUS_REFERENCE = 0.6114;

    /** One reading, timed from the start of the rehearsal. */
    private record Sample(long afterMillis, double voltage, double current, double potential) {
    }

    /** A protocol step: a setpoint held for whole seconds with a reading each second. */
    private interface Command {
        void apply(ChannelHardware hardware);
    }

    private static final class Rehearsal {
        private final SimulatedChannel<?> channel;
        private final VirtualClock clock;
        private final List<Sample> samples = new ArrayList<>();
        private long start;
        private long next;

        Rehearsal(SimulatedChannel<?> channel, VirtualClock clock) {
            this.channel = channel;
            this.clock = clock;
        }

        Rehearsal begin() throws InterruptedException {
            start = clock.holdNow(); // the run starts now, however long its first commands take
            next = start;
            channel.hardware().relay().connect();
            return this;
        }

        Rehearsal step(Command command, int seconds) throws InterruptedException {
            command.apply(channel.hardware());
            for (int i = 0; i < seconds; i++) {
                next += 1000;
                clock.waitUntil(next);
                Measurement m = channel.hardware().measure(clock.millis());
                samples.add(new Sample(m.epochMillis() - start, m.voltage(), m.current(), m.workingElectrodePotential()));
            }
            return this;
        }
    }

    private static List<Sample> battery(VirtualClock clock) throws InterruptedException {
        SimulatedChannel<?> channel = Simulator.battery("ch1", BatteryParameters.defaults(), clock, BATTERY_SEED);
        return new Rehearsal(channel, clock).begin()
                .step(hw -> hw.currentSource().setCurrent(-5e-3), 180)
                .step(hw -> hw.currentSource().setCurrent(0), 60)
                .step(hw -> hw.currentSource().setCurrent(5e-3), 180).samples;
    }

    private static List<Sample> hCell(VirtualClock clock) throws InterruptedException {
        SimulatedChannel<?> channel = Simulator.hCell("ch3", HCellParameters.defaults(), clock, H_CELL_SEED);
        return new Rehearsal(channel, clock).begin()
                .step(hw -> hw.potentialControl().orElseThrow().hold(-0.1 - RHE_MINUS_REFERENCE), 120)
                .step(hw -> hw.potentialControl().orElseThrow().release(), 60)
                .step(hw -> hw.potentialControl().orElseThrow().hold(-0.3 - RHE_MINUS_REFERENCE), 120).samples;
    }

    @Test
    void twoChannelsAt600xUnderLoadGiveTheSameSamplesAsAtMaximumSpeed() throws Exception {
        List<Sample> batteryAtMax = battery(VirtualClock.atMaxSpeed(START));
        List<Sample> hCellAtMax = hCell(VirtualClock.atMaxSpeed(START));

        AtomicBoolean loaded = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            for (int i = 0; i < 2; i++) {
                threads.submit(() -> {
                    long spin = 0;
                    while (loaded.get()) {
                        spin++;
                    }
                    return spin;
                });
            }
            Future<List<Sample>> batteryAt600 = threads.submit(
                    (Callable<List<Sample>>) () -> battery(new VirtualClock(System.currentTimeMillis(), 600)));
            Future<List<Sample>> hCellAt600 = threads.submit(
                    (Callable<List<Sample>>) () -> hCell(new VirtualClock(System.currentTimeMillis(), 600)));

            assertThat(batteryAt600.get()).hasSize(420).isEqualTo(batteryAtMax);
            assertThat(hCellAt600.get()).hasSize(300).isEqualTo(hCellAtMax);
        } finally {
            loaded.set(false);
            threads.shutdown();
        }
        assertThat(batteryAtMax.get(419).afterMillis()).as("7 simulated minutes, to the millisecond").isEqualTo(420_000);
        assertThat(batteryAtMax.get(0).current()).isNegative();
        assertThat(hCellAtMax.get(0).current()).isLessThan(-0.07);
    }
}
