package org.no3rr.station.calibration;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.no3rr.hal.CellKind;
import org.no3rr.hal.Measurement;

/**
 * A path of a channel with a two-point calibration of its own: the readings {@code voltage},
 * {@code current} and (H-cell) {@code potential}, and the outputs {@code current-source} and
 * (H-cell) {@code potential-control}. The names are those of the hal's calibration keys
 * ({@code "ch1.current-source"}). A reading's line maps its nominal reading to what a reference
 * meter says; an output's line maps what was commanded to what was measured.
 */
public enum AnalogPath {
    VOLTAGE("V", false),
    CURRENT("A", false),
    POTENTIAL("V", false),
    CURRENT_SOURCE("A", true),
    POTENTIAL_CONTROL("V", true);

    private final String unit;
    private final boolean output;

    AnalogPath(String unit, boolean output) {
        this.unit = unit;
        this.output = output;
    }

    /** The name in URLs and calibration keys: {@code voltage}, …, {@code current-source}, {@code potential-control}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String unit() {
        return unit;
    }

    /** Whether this is an output (a setpoint is calibrated), not a reading. */
    public boolean isOutput() {
        return output;
    }

    /** The hal's key of this path on a channel, e.g. {@code "ch3.potential"}. */
    public String key(String channelId) {
        return channelId + "." + id();
    }

    /** What a reading of all of a channel's inputs says about this path (an output: what it delivered). */
    public double valueIn(Measurement m) {
        return switch (this) {
            case VOLTAGE -> m.voltage();
            case CURRENT, CURRENT_SOURCE -> m.current();
            case POTENTIAL, POTENTIAL_CONTROL -> m.workingElectrodePotential();
        };
    }

    /** The paths a channel of this kind has. */
    public static List<AnalogPath> of(CellKind kind) {
        return kind == CellKind.H_CELL_ELECTROLYSIS
                ? List.of(VOLTAGE, CURRENT, POTENTIAL, CURRENT_SOURCE, POTENTIAL_CONTROL)
                : List.of(VOLTAGE, CURRENT, CURRENT_SOURCE);
    }

    /** The path called {@code id} if a channel of this kind has it. */
    public static Optional<AnalogPath> find(String id, CellKind kind) {
        return of(kind).stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The path called {@code id}, as stored. */
    public static AnalogPath ofId(String id) {
        return Arrays.stream(values()).filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no analog path " + id));
    }
}
