package org.no3rr.hal.board;

import java.util.Optional;
import org.no3rr.hal.CellKind;
import org.no3rr.hal.ChannelRatings;
import org.no3rr.hal.ads1115.DataRate;

/**
 * One channel of a board file, validated: every address is in its chip's range, every
 * multiplexer and gain exists, the ratings fit the DACs, and every sensing path reads the whole
 * rating (current: 1.25 × the current source's reach) without clipping.
 *
 * @param potentiostat present exactly for an H-cell channel
 * @param temperature  empty when the board file says {@code temperature.sensor=none}
 */
public record ChannelSpec(String id, CellKind kind, ChannelRatings ratings,
                          I2cAddress adc, DataRate adcRate, AdcInput voltage, double voltageDivider,
                          CurrentSensing current, DacOutput currentDac, RelayPin relay,
                          Optional<PotentiostatSpec> potentiostat, Optional<TemperatureSpec> temperature) {
}
