package org.no3rr.station.calibration;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.no3rr.hal.CellKind;
import org.no3rr.hal.Measurement;

/**
 * An analog measurement path of a channel that has a two-point calibration of its own. The names
 * are those of the hal's calibration keys ({@code "ch1.voltage"}); an H-cell has a reference
 * electrode and so a third path, the working-electrode potential.
 */
public enum AnalogPath {
    VOLTAGE("V"),
    CURRENT("A"),
    POTENTIAL("V");

    private final String unit;

    AnalogPath(String unit) {
        this.unit = unit;
    }

    /** The name in URLs and calibration keys: {@code voltage}, {@code current}, {@code potential}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String unit() {
        return unit;
    }

    /** The hal's key of this path on a channel, e.g. {@code "ch3.potential"}. */
    public String key(String channelId) {
        return channelId + "." + id();
    }

    /** This path's value in a reading of all of a channel's inputs. */
    public double valueIn(Measurement m) {
        return switch (this) {
            case VOLTAGE -> m.voltage();
            case CURRENT -> m.current();
            case POTENTIAL -> m.workingElectrodePotential();
        };
    }

    /** The paths a channel of this kind has. */
    public static List<AnalogPath> of(CellKind kind) {
        return kind == CellKind.H_CELL_ELECTROLYSIS ? List.of(VOLTAGE, CURRENT, POTENTIAL) : List.of(VOLTAGE, CURRENT);
    }

    /** The path called {@code id} if a channel of this kind has it. */
    public static Optional<AnalogPath> find(String id, CellKind kind) {
        return of(kind).stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
