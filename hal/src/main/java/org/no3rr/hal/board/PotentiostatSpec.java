package org.no3rr.hal.board;

/**
 * The three-electrode part of an H-cell channel: the working-electrode potential input (through an
 * attenuator of {@code potentialDivider}, 1 without one), the setpoint DAC of the analog
 * potentiostat and the relay that hands it the counter electrode.
 */
public record PotentiostatSpec(AdcInput potentialInput, double potentialDivider, DacOutput setpointDac,
                               RelayPin modeRelay) {
}
