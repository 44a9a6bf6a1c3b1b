package org.no3rr.engine.bench;

import org.no3rr.cell.CellMetadata;
import org.no3rr.engine.Decision;
import org.no3rr.engine.Engine;
import org.no3rr.engine.EngineState;
import org.no3rr.engine.RunControl;
import org.no3rr.engine.RunControls;
import org.no3rr.engine.RunDriver;
import org.no3rr.engine.RunSink;
import org.no3rr.hal.clock.VirtualClock;
import org.no3rr.hal.sim.SimulatedChannel;
import org.no3rr.hal.sim.Simulator;
import org.no3rr.hal.sim.battery.BatteryModel;
import org.no3rr.hal.sim.battery.BatteryParameters;
import org.no3rr.protocol.ProtocolParser;

/**
 * Issue 3's benchmark: the step engine driving the real battery simulator through its hal ports
 * for 1,000 cycles of 10 min discharge / 10 min charge at 5 mA/cm², recording every second
 * (1.2 M samples), on a virtual clock at maximum speed, through the station's run loop
 * ({@link RunDriver}). Target: under 10 s on a 2-core machine. With the argument {@code regulated}
 * every discharge is a constant-power step instead, whose current the engine computes anew at every
 * reading. Runs three passes in one JVM and prints each; see docs/benchmarks.md for the command.
 */
public final class EngineSimulatorBenchmark {

    private static final String PROTOCOL =
            "Repeat 1000 times:\n  Discharge at 5 mA/cm2 for 10 min\n  Charge at 5 mA/cm2 for 10 min";
    private static final String REGULATED_PROTOCOL =
            "Repeat 1000 times:\n  Discharge at 5 mW/cm2 for 10 min\n  Charge at 5 mA/cm2 for 10 min";

    private EngineSimulatorBenchmark() {
    }

    public static void main(String[] args) throws InterruptedException {
        String protocol = args.length > 0 && args[0].equals("regulated") ? REGULATED_PROTOCOL : PROTOCOL;
        for (int pass = 1; pass <= 3; pass++) {
            VirtualClock clock = VirtualClock.atMaxSpeed(1_700_000_000_000L);
            SimulatedChannel<BatteryModel> cell = Simulator.battery("bench", BatteryParameters.defaults(), clock, pass);
            Engine engine = new Engine(ProtocolParser.parse(protocol), CellMetadata.ofArea(1.0), cell.ratings(),
                    cell.hardware().cellKind(), 1000);
            Counter counter = new Counter();
            long started = System.nanoTime();
            new RunDriver(engine, cell.hardware(), clock, counter, counter).start();
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("pass %d: %d samples, %d cycles, final state %s (%s) in %.2f s (%.0f samples/s)%n", pass,
                    counter.samples, counter.state.cycle(), counter.state.state(), counter.state.endReason(), seconds,
                    counter.samples / seconds);
        }
    }

    /** Counts the samples and keeps the last state. */
    private static final class Counter implements RunSink, RunControls {
        long samples;
        EngineState state;

        @Override
        public boolean store(Decision decision) {
            samples += decision.recorded() ? 1 : 0;
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
}
