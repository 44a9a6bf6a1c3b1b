package org.no3rr.hal.board;

/**
 * The three-electrode part of an H-cell channel: the working-electrode potential input, the
 * setpoint DAC of the analog potentiostat and the relay that hands it the counter electrode.
 */
public record PotentiostatSpec(AdcInput potentialInput, DacOutput setpointDac, RelayPin modeRelay) {
}
