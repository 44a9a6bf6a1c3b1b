package org.no3rr.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.no3rr.hal.Measurement;

/**
 * Drives an engine without hardware: takes each reading exactly when the engine asks for it, with
 * voltage and current from a function of the current state and time, and keeps every decision.
 */
final class Script {

    /** A reading's voltage and current. */
    record Reading(double volts, double amps) {
    }

    static Measurement at(long millis, double volts, double amps) {
        return new Measurement(millis, volts, amps, Double.NaN, Double.NaN);
    }

    /** Runs from {@code first} until the status is no longer RUNNING or {@code maxReadings} readings were taken. */
    static List<Decision> run(Engine engine, Decision first, BiFunction<EngineState, Long, Reading> cell,
                              int maxReadings) {
        List<Decision> decisions = new ArrayList<>();
        decisions.add(first);
        Decision d = first;
        for (int i = 0; i < maxReadings && d.state().status() == RunStatus.RUNNING; i++) {
            long t = d.nextReadingAtMillis();
            Reading r = cell.apply(d.state(), t);
            d = engine.next(d.state(), at(t, r.volts(), r.amps()));
            decisions.add(d);
        }
        return decisions;
    }

    /** A cell that follows the commanded current exactly at a constant voltage. */
    static BiFunction<EngineState, Long, Reading> constantVoltage(double volts, Engine engine) {
        return (state, t) -> new Reading(volts, commandedAmps(state, engine));
    }

    static double commandedAmps(EngineState state, Engine engine) {
        if (state.stepType().equals("discharge") || state.stepType().equals("charge")) {
            org.no3rr.protocol.Step.ConstantCurrent step = (org.no3rr.protocol.Step.ConstantCurrent)
                    new ProtocolWalker(engine.protocol().steps()).stepAt(state.position());
            return step.direction().sign() * step.current().toAmps(engine.cell());
        }
        return 0.0;
    }
}
