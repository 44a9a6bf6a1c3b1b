package org.no3rr.hal.sim;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The named state variables of a cell model, as {@link CellModel#state()} gives them and
 * {@link CellModel#restoreState} takes them back: amounts and charges, all finite and never negative.
 */
public final class CellStateValues {

    private CellStateValues() {
    }

    /** Names and values in the given order, for {@link CellModel#state()}. */
    public static Map<String, Double> of(String[] names, double... values) {
        if (names.length != values.length) {
            throw new IllegalArgumentException(names.length + " names but " + values.length + " values");
        }
        Map<String, Double> state = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            state.put(names[i], values[i]);
        }
        return state;
    }

    /**
     * The values of {@code names}, in that order.
     *
     * @throws IllegalArgumentException naming a missing or unknown variable, or a value that is
     *                                  negative, infinite or not a number
     */
    public static double[] read(Map<String, Double> state, String cell, String... names) {
        Set<String> unknown = new TreeSet<>(state.keySet());
        Arrays.asList(names).forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(cell + " state has unknown variables " + unknown + "; known: "
                    + String.join(", ", names));
        }
        double[] values = new double[names.length];
        for (int i = 0; i < names.length; i++) {
            Double value = state.get(names[i]);
            if (value == null) {
                throw new IllegalArgumentException(cell + " state lacks " + names[i] + "; it needs "
                        + String.join(", ", names));
            }
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException(cell + " state " + names[i] + " = " + value
                        + " is not allowed; it must be a finite number ≥ 0");
            }
            values[i] = value;
        }
        return values;
    }
}
