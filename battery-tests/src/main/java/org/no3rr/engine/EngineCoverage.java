package org.no3rr.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.no3rr.protocol.Protocol;
import org.no3rr.protocol.ProtocolError;
import org.no3rr.protocol.Step;
import org.no3rr.protocol.StepEnd;

/**
 * Which steps of the protocol language the engine can run yet. The language reads and validates
 * constant-voltage holds, CCCV, constant power and constant resistance, and current and energy
 * ends, before the engine has programs for them: such a protocol validates, but a run of it is
 * refused at start, naming the line. Remove a kind from here when its program exists.
 */
public final class EngineCoverage {

    private EngineCoverage() {
    }

    /** Why the engine cannot run {@code step} yet, or empty when it can. */
    public static Optional<String> whyNotRunnable(Step step) {
        String what = null;
        if (step instanceof Step.VoltageHold) {
            what = "a cell-voltage hold";
        } else if (step instanceof Step.ConstantCurrentConstantVoltage) {
            what = "a constant-current constant-voltage step";
        } else if (step instanceof Step.ConstantPower) {
            what = "a constant-power step";
        } else if (step instanceof Step.ConstantResistance) {
            what = "a constant-resistance step";
        } else if (step instanceof Step.Driven driven) {
            for (StepEnd end : driven.ends()) {
                if (end instanceof StepEnd.AtCurrent || end instanceof StepEnd.AtEnergy) {
                    what = "a step that ends on " + (end instanceof StepEnd.AtCurrent ? "a current" : "an energy");
                }
            }
        }
        return what == null ? Optional.empty() : Optional.of("line " + step.line() + ": " + what
                + " ('" + step.text() + "') is not yet runnable on this station; it validates, but the engine has "
                + "no program for it yet");
    }

    /** One error per step of {@code protocol} that the engine cannot run yet, in protocol order. */
    public static List<ProtocolError> notYetRunnable(Protocol protocol) {
        List<ProtocolError> errors = new ArrayList<>();
        for (Step step : protocol.allSteps()) {
            whyNotRunnable(step).ifPresent(why -> errors.add(new ProtocolError(step.line(), why,
                    "Discharge at 5 mA/cm2 until 0.8 V or 2 h")));
        }
        return errors;
    }
}
