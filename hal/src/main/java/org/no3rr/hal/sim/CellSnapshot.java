package org.no3rr.hal.sim;

import java.io.IOException;
import java.io.StringReader;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.no3rr.hal.CellKind;

/**
 * A simulated cell at one simulated instant: which cell it is (its kind and the run's setup it was
 * built for) and its state variables ({@link CellModel#state()}). Small and explicit, so that a
 * station can keep it across a restart; {@link #encode()} writes a versioned text of a few lines.
 *
 * @param kind            the cell model
 * @param simulatedMillis the simulated time of the state, epoch ms
 * @param setup           what the run declared about the cell ({@link SimulatedCellSetup#NONE}: as configured)
 * @param state           the model's state variables
 */
public record CellSnapshot(CellKind kind, long simulatedMillis, SimulatedCellSetup setup, Map<String, Double> state) {

    /** Version of the text {@link #encode()} writes; {@link #decode} refuses others. */
    public static final int FORMAT = 1;

    private static final String[] SETUP_KEYS = {"area-cm2", "catalyst-mass-mg", "zn-mass-g", "catholyte-volume-ml",
            "ph", "reference-offset-v", "nominal-capacity-mah"};

    public CellSnapshot {
        if (kind == null || setup == null || state == null) {
            throw new IllegalArgumentException("a cell snapshot needs a kind, a setup and a state");
        }
        state = Map.copyOf(state);
    }

    /** {@code key=value} lines: the format, the kind, the time, the declared setup and the state. */
    public String encode() {
        StringBuilder text = new StringBuilder();
        line(text, "format", Integer.toString(FORMAT));
        line(text, "kind", kind.name());
        line(text, "simulated-ms", Long.toString(simulatedMillis));
        double[] setupValues = setupValues(setup);
        for (int i = 0; i < SETUP_KEYS.length; i++) {
            if (SimulatedCellSetup.declared(setupValues[i])) {
                line(text, "setup." + SETUP_KEYS[i], Double.toString(setupValues[i]));
            }
        }
        new TreeMap<>(state).forEach((name, value) -> line(text, "state." + name, Double.toString(value)));
        return text.toString();
    }

    /**
     * Reads what {@link #encode()} wrote.
     *
     * @throws IllegalArgumentException for another format version, a missing or unreadable entry, or an unknown key
     */
    public static CellSnapshot decode(String text) {
        Properties lines = new Properties();
        try {
            lines.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cell snapshot is not readable: " + e.getMessage(), e);
        }
        String format = lines.getProperty("format");
        if (!Integer.toString(FORMAT).equals(format)) {
            throw new IllegalArgumentException("cell snapshot format is " + format + "; this station reads format " + FORMAT);
        }
        CellKind kind = kindOf(required(lines, "kind"));
        String time = required(lines, "simulated-ms");
        long simulatedMillis;
        try {
            simulatedMillis = Long.parseLong(time);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cell snapshot simulated-ms = '" + time + "' is not a whole number", e);
        }
        double[] setup = new double[SETUP_KEYS.length];
        for (int i = 0; i < SETUP_KEYS.length; i++) {
            setup[i] = lines.containsKey("setup." + SETUP_KEYS[i]) ? number(lines, "setup." + SETUP_KEYS[i]) : Double.NaN;
        }
        Map<String, Double> state = new LinkedHashMap<>();
        for (String key : lines.stringPropertyNames()) {
            if (key.startsWith("state.")) {
                state.put(key.substring("state.".length()), number(lines, key));
            } else if (!key.startsWith("setup.") && !key.equals("format") && !key.equals("kind")
                    && !key.equals("simulated-ms")) {
                throw new IllegalArgumentException("cell snapshot has an unknown entry '" + key + "'");
            }
        }
        return new CellSnapshot(kind, simulatedMillis,
                new SimulatedCellSetup(setup[0], setup[1], setup[2], setup[3], setup[4], setup[5], setup[6]), state);
    }

    private static double[] setupValues(SimulatedCellSetup s) {
        return new double[] {s.areaCm2(), s.catalystMassMg(), s.znMassG(), s.catholyteVolumeMl(), s.ph(),
            s.referenceOffsetVolts(), s.nominalCapacityMah()};
    }

    private static void line(StringBuilder text, String key, String value) {
        text.append(key).append('=').append(value).append('\n');
    }

    private static String required(Properties lines, String key) {
        String value = lines.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("cell snapshot lacks '" + key + "'");
        }
        return value.trim();
    }

    private static double number(Properties lines, String key) {
        String value = required(lines, key);
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cell snapshot " + key + " = '" + value + "' is not a number", e);
        }
    }

    private static CellKind kindOf(String name) {
        try {
            return CellKind.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cell snapshot kind '" + name + "' is not one of "
                    + Arrays.toString(CellKind.values()), e);
        }
    }
}
