package org.no3rr.engine;

/**
 * What the engine asks the hardware to do. Applied by {@link HardwareExecutor}; the engine itself
 * never touches hardware, so protocol tests assert exact command sequences.
 */
public sealed interface Command {

    /** Connect the cell and drive a constant current in A (positive charges, negative discharges). */
    record ApplyCurrent(double amps) implements Command {
    }

    /** Connect the cell and hold the working electrode at a potential vs the reference electrode, in V. */
    record HoldPotential(double voltsVsReference) implements Command {
    }

    /** Rest: current off, potential control released, relay open; inputs are still read (open-circuit voltage). */
    record OpenCircuit() implements Command {
    }

    /** Current off, control released, relay open, because the run ended, faulted or waits for a person. */
    record SafeState(String reason) implements Command {
    }
}
