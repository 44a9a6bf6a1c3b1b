package org.no3rr.engine;

import java.util.Optional;
import org.no3rr.cell.CellMetadata;
import org.no3rr.hal.Measurement;
import org.no3rr.metrics.StepTotals;
import org.no3rr.protocol.RecordRule;

/**
 * Decides whether a reading that does not end its step is kept. A step's first reading and the
 * first reading after a gap are always kept; without a rule every reading is; with a rule a reading
 * is kept once any threshold is crossed since the last kept one (time in step time). The reading
 * that ends a step is kept by the engine. Charge and energy are integrated over the kept readings
 * only, so anyone can recompute them from the stored samples: a coarse rule costs accuracy where the
 * current changes between kept readings.
 */
final class RecordingFilter {

    private final CellMetadata cell;

    RecordingFilter(CellMetadata cell) {
        this.cell = cell;
    }

    boolean keep(Optional<RecordRule> rule, StepTotals kept, long stepTimeMillis, Measurement m) {
        if (kept.sampleCount() == 0 || rule.isEmpty()) {
            return true;
        }
        RecordRule r = rule.get();
        boolean timeUp = r.everyMillis().isPresent()
                && stepTimeMillis - kept.lastStepMillis() >= r.everyMillis().getAsLong();
        boolean voltageMoved = r.everyVolts().isPresent()
                && Math.abs(m.voltage() - kept.lastVoltageV()) >= r.everyVolts().getAsDouble();
        boolean currentMoved = r.everyCurrent().isPresent()
                && Math.abs(m.current() - kept.lastCurrentA()) >= Math.abs(r.everyCurrent().get().toAmps(cell));
        return timeUp || voltageMoved || currentMoved;
    }
}
