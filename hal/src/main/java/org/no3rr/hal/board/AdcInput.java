package org.no3rr.hal.board;

import org.no3rr.hal.ads1115.Gain;
import org.no3rr.hal.ads1115.Mux;

/** One ADS1115 input of a channel: which pins, at which full scale. */
public record AdcInput(Mux mux, Gain gain) {
}
