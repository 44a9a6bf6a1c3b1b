package org.no3rr.engine;

import java.util.ArrayList;
import java.util.List;
import org.no3rr.cell.CellMetadata;
import org.no3rr.hal.CellKind;
import org.no3rr.hal.ChannelRatings;
import org.no3rr.hal.Measurement;
import org.no3rr.protocol.ProtocolParser;

/** Engines for tests, and an ideal cell that drives an engine without hardware. */
final class Engines {

    static final long T0 = 1_700_000_000_000L;

    /** A battery channel: ±100 mA, 0–3 V, 1 µA resolution, 2 mA / 20 mV tolerance over 3 readings. */
    static final ChannelRatings BATTERY = new ChannelRatings(0.1, 0.0, 3.0, 1e-6,
            new ChannelRatings.Compliance(0.002, 0.020, 3));

    /** An H-cell channel: ±500 mA, WE −3 to 3 V, 10 µA resolution, 10 mA / 20 mV tolerance over 3 readings. */
    static final ChannelRatings H_CELL = new ChannelRatings(0.5, -3.0, 3.0, 1e-5,
            new ChannelRatings.Compliance(0.010, 0.020, 3));

    /** 1 cm², 2 mg catalyst, 40 mL catholyte, pH 7, Ag/AgCl (sat. KCl). */
    static final CellMetadata H_CELL_METADATA = new CellMetadata(1.0, 2.0, Double.NaN, 40, 7.0,
            "Ag/AgCl (sat. KCl)", CellMetadata.AG_AGCL_SAT_KCL_V, 0);

    private Engines() {
    }

    static Engine battery(String protocol, double areaCm2, long intervalMillis) {
        return new Engine(ProtocolParser.parse(protocol), CellMetadata.ofArea(areaCm2), BATTERY,
                CellKind.ZN_NITRATE_BATTERY, intervalMillis);
    }

    static Engine hCell(String protocol, long intervalMillis) {
        return new Engine(ProtocolParser.parse(protocol), H_CELL_METADATA, H_CELL, CellKind.H_CELL_ELECTROLYSIS,
                intervalMillis);
    }

    static Measurement at(long millis, double volts, double amps) {
        return new Measurement(millis, volts, amps, Double.NaN, Double.NaN);
    }

    /** How an ideal cell answers a reading: its voltage from the time and the current it carries. */
    @FunctionalInterface
    interface Voltage {
        double at(EngineState state, long millis, double amps);
    }

    /** A cell's reading at a time, given what was last commanded. */
    @FunctionalInterface
    interface Cell {
        Measurement read(EngineState state, long millis, Setpoint setpoint);
    }

    /**
     * An ideal cell: it carries exactly the last commanded current (0 when open or safe) and holds
     * exactly the last commanded potential.
     */
    static Cell ideal(Voltage voltage) {
        return (state, t, setpoint) -> new Measurement(t, voltage.at(state, t, setpoint.amps), setpoint.amps,
                setpoint.potential, Double.NaN);
    }

    /** Drives an engine with an {@link #ideal} cell; see {@link #runWith}. */
    static List<Decision> run(Engine engine, Decision first, Voltage voltage, int maxReadings) {
        return runWith(engine, first, ideal(voltage), maxReadings);
    }

    /**
     * Takes each reading exactly when the engine asks for it. Stops when the run is no longer
     * RUNNING or after {@code maxReadings}.
     */
    static List<Decision> runWith(Engine engine, Decision first, Cell cell, int maxReadings) {
        List<Decision> decisions = new ArrayList<>();
        Setpoint setpoint = new Setpoint();
        Decision d = first;
        decisions.add(d);
        setpoint.apply(d);
        for (int i = 0; i < maxReadings && d.state().state() == RunState.RUNNING; i++) {
            d = engine.next(d.state(), cell.read(d.state(), d.nextReadingAtMillis(), setpoint));
            setpoint.apply(d);
            decisions.add(d);
        }
        return decisions;
    }

    static Decision last(List<Decision> decisions) {
        return decisions.get(decisions.size() - 1);
    }

    /** What the last commands asked for. */
    static final class Setpoint {
        double amps;
        double potential = Double.NaN;

        void apply(Decision d) {
            for (Command c : d.commands()) {
                if (c instanceof Command.ApplyCurrent a) {
                    amps = a.amps();
                    potential = Double.NaN;
                } else if (c instanceof Command.HoldPotential h) {
                    amps = 0;
                    potential = h.voltsVsReference();
                } else {
                    amps = 0;
                    potential = Double.NaN;
                }
            }
        }
    }
}
