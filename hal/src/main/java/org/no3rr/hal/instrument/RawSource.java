package org.no3rr.hal.instrument;

import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * A chip channel as an instrument sees it: a fresh reading in the chip's unit (V at an ADC's pins,
 * A from a current monitor) and a description naming the chip for error messages.
 */
public record RawSource(String description, DoubleSupplier reader) {

    public RawSource {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(reader, "reader");
    }

    public double read() {
        return reader.getAsDouble();
    }
}
