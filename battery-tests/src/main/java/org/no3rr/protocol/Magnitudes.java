package org.no3rr.protocol;

import java.util.List;

/** Rules on the setpoints of the steps that drive a battery. */
final class Magnitudes {

    private Magnitudes() {
    }

    /**
     * A setpoint is a magnitude: the verb (Discharge, Charge) sets the sign.
     *
     * @throws LineProblem when {@code value} is not above zero
     */
    static void requirePositive(double value, String described, String noun, Step.Direction direction,
                                String example) {
        if (!(value > 0)) {
            throw new LineProblem("give the " + noun + " as a positive magnitude, found '" + described + "'; '"
                    + direction.written() + "' already sets the sign", example);
        }
    }

    /**
     * A constant-current constant-voltage step whose current end is not below its own current
     * (on the same basis) would end as soon as it began to hold.
     */
    static void requireTaperBelow(Current current, List<StepEnd> ends) {
        for (StepEnd end : ends) {
            if (end instanceof StepEnd.AtCurrent taper && taper.falling()
                    && taper.current().basis() == current.basis() && taper.current().value() >= current.value()) {
                throw new LineProblem("the hold would end as soon as it began: its current end "
                        + taper.current().describe() + " is not below the step's current " + current.describe(),
                        VoltageStepReader.CCCV_EXAMPLE);
            }
        }
    }
}
