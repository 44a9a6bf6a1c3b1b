package org.no3rr.station.store;

import java.util.Map;
import org.no3rr.protocol.StepKind;

/** The engine's step-type words before {@link StepKind}, as blocks of format 1 hold them. */
public final class LegacyStepTypes {

    private static final Map<String, StepKind> KINDS = Map.of(
            "rest", StepKind.REST,
            "charge", StepKind.CHARGE,
            "discharge", StepKind.DISCHARGE,
            "hold", StepKind.HOLD,
            "polarization", StepKind.POLARIZATION,
            "sweep", StepKind.SWEEP,
            "cyclic voltammetry", StepKind.CYCLIC_VOLTAMMETRY);

    private LegacyStepTypes() {
    }

    /**
     * @throws IllegalArgumentException for a word the old engine never wrote
     */
    public static StepKind kindOf(String word) {
        StepKind kind = KINDS.get(word);
        if (kind == null) {
            throw new IllegalArgumentException("a sample block of format 1 has the unknown step type '" + word + "'");
        }
        return kind;
    }
}
