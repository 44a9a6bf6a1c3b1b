package org.no3rr.hal.sim;

/**
 * How the cell is driven between two hardware calls; constant until the next command.
 *
 * @param mode  open circuit, constant current or constant working-electrode potential
 * @param value A for {@link Mode#CURRENT} (positive = anodic / charging), V vs reference for
 *              {@link Mode#POTENTIAL}, 0 for {@link Mode#OPEN_CIRCUIT}
 */
public record Drive(Mode mode, double value) {

    /** No current flows. */
    public static final Drive OPEN_CIRCUIT = new Drive(Mode.OPEN_CIRCUIT, 0.0);

    public enum Mode { OPEN_CIRCUIT, CURRENT, POTENTIAL }

    public Drive {
        if (mode == null || !Double.isFinite(value)) {
            throw new IllegalArgumentException("a drive needs a mode and a finite value, was " + mode + " " + value);
        }
    }

    public static Drive current(double amps) {
        return new Drive(Mode.CURRENT, amps);
    }

    public static Drive potential(double voltsVsReference) {
        return new Drive(Mode.POTENTIAL, voltsVsReference);
    }
}
