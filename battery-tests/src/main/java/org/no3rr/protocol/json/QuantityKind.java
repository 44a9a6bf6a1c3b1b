package org.no3rr.protocol.json;

import java.util.List;
import java.util.Locale;

/**
 * What a {@code {"value": …, "unit": …}} object may measure at a given place of the JSON form, and
 * the unit spellings it accepts there. Matching ignores case and accepts {@code u} for {@code µ}
 * and {@code ²} for {@code 2}, as the text language does; the unit is then written in the spelling
 * listed here, which the text parser reads.
 */
enum QuantityKind {
    TIME("a time", "ms", "s", "min", "h"),
    VOLTAGE("a voltage", "V", "mV"),
    CURRENT("a current", "A", "mA", "µA"),
    CURRENT_DENSITY("a current density", "A/cm2", "mA/cm2", "µA/cm2"),
    CAPACITY("a capacity", "Ah", "mAh", "µAh", "C"),
    SCAN_RATE("a scan rate", "V/s", "mV/s"),
    PERCENT("a percentage", "%");

    private final String noun;
    private final List<String> spellings;

    QuantityKind(String noun, String... spellings) {
        this.noun = noun;
        this.spellings = List.of(spellings);
    }

    String noun() {
        return noun;
    }

    List<String> spellings() {
        return spellings;
    }

    /** The listed spelling that {@code written} means, or null when it is not a unit of this kind. */
    String spellingOf(String written) {
        String wanted = normalise(written);
        for (String spelling : spellings) {
            if (normalise(spelling).equals(wanted)) {
                return spelling;
            }
        }
        return null;
    }

    private static String normalise(String unit) {
        return unit.toLowerCase(Locale.ROOT).replace('µ', 'u').replace('μ', 'u').replace('²', '2')
                .replaceAll("\\s+", "");
    }
}
