package org.no3rr.hal.sim;

/**
 * The true electrical state of a cell under a drive, before any ADC noise.
 *
 * @param cellVoltage               V; battery: positive minus negative terminal; H-cell: WE minus counter
 * @param current                   A, positive when anodic at the working / positive electrode
 * @param workingElectrodePotential WE vs reference in V as the potentiostat sees it (including the
 *                                  uncompensated iR drop), or NaN for a two-electrode cell
 */
public record CellResponse(double cellVoltage, double current, double workingElectrodePotential) {
}
