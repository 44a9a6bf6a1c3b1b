package org.no3rr.hal.board;

/**
 * An MCP4725 driving a bipolar stage: where it answers, its reference (its VDD) and the stage's
 * gain per volt away from mid-scale (A/V for a current source, V/V for a potentiostat setpoint).
 */
public record DacOutput(I2cAddress address, double vrefVolts, double unitsPerVolt) {
}
