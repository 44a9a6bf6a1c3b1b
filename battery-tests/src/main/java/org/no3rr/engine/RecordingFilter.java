package org.no3rr.engine;

import java.util.Optional;
import org.no3rr.cell.CellMetadata;
import org.no3rr.hal.Measurement;
import org.no3rr.protocol.RecordRule;

/**
 * Decides whether a reading that does not end its step is kept. The first reading of a step is
 * always kept; without a rule every reading is; with a rule a reading is kept once any threshold is
 * crossed since the last kept one. (The last reading of a step is kept by the engine.)
 */
final class RecordingFilter {

    private final CellMetadata cell;

    RecordingFilter(CellMetadata cell) {
        this.cell = cell;
    }

    boolean keep(Optional<RecordRule> rule, EngineState s, Measurement m) {
        if (s.lastRecordedMillis() == EngineState.NO_READING || rule.isEmpty()) {
            return true;
        }
        RecordRule r = rule.get();
        boolean timeUp = r.everyMillis().isPresent()
                && m.epochMillis() - s.lastRecordedMillis() >= r.everyMillis().getAsLong();
        boolean voltageMoved = r.everyVolts().isPresent()
                && Math.abs(m.voltage() - s.lastRecordedVoltage()) >= r.everyVolts().getAsDouble();
        boolean currentMoved = r.everyCurrent().isPresent()
                && Math.abs(m.current() - s.lastRecordedCurrent()) >= Math.abs(r.everyCurrent().get().toAmps(cell));
        return timeUp || voltageMoved || currentMoved;
    }
}
