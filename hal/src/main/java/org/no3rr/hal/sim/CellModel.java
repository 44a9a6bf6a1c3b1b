package org.no3rr.hal.sim;

import java.util.Map;
import org.no3rr.hal.CellKind;
import org.no3rr.hal.sim.chem.CatholyteTruth;

/**
 * The physics of one simulated cell, separate from the hardware that drives it: the electrical
 * response at the present state, and how the chemistry moves on while a drive is held.
 *
 * <p>Not thread-safe; {@link SimulatedChannel} serialises access.
 */
public interface CellModel {

    CellKind kind();

    /** The instantaneous response to {@code drive} at the present state; does not change the state. */
    CellResponse respond(Drive drive);

    /**
     * Moves the chemistry forward by {@code seconds} while {@code drive} is held: consumes
     * reactants, accumulates products and the charge passed. Callers keep steps short (about a
     * second) so that slowly changing states stay accurate.
     */
    void integrate(double seconds, Drive drive);

    /**
     * The variables that change while the cell runs (charge in the anode, amounts in the catholyte,
     * charge passed, wear), by name: with the parameters they were built from, everything needed to
     * rebuild this cell exactly. Small: a handful of numbers.
     */
    Map<String, Double> state();

    /**
     * Sets the variables of {@link #state()} from a snapshot of a cell with the same parameters.
     *
     * @throws IllegalArgumentException naming a missing, unknown or impossible variable; the cell is then unchanged
     */
    void restoreState(Map<String, Double> state);

    /** The cell's true temperature in °C. */
    double temperatureCelsius();

    /** What is in the catholyte now: nitrate left, NH3 and NO2⁻ made. */
    CatholyteTruth catholyte();

    /** NH3 in the catholyte, mol L⁻¹ — what a perfect analysis of a sample would report. */
    default double ammoniaConcentrationMolPerL() {
        return catholyte().ammoniaConcentrationMolPerL();
    }

    /** See {@link CatholyteTruth#absorbanceFor(double, double, double)}. */
    default double absorbanceFor(double slopePerMolar, double intercept, double dilutionFactor) {
        return catholyte().absorbanceFor(slopePerMolar, intercept, dilutionFactor);
    }
}
