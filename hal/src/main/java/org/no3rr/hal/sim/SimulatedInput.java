package org.no3rr.hal.sim;

/** The analog inputs of a simulated channel, named as they appear in {@link org.no3rr.hal.AnalogInput#name()}. */
public enum SimulatedInput {
    CELL_VOLTAGE("cell voltage", "V"),
    CELL_CURRENT("cell current", "A"),
    WORKING_ELECTRODE_POTENTIAL("working electrode potential", "V"),
    TEMPERATURE("cell temperature", "°C");

    private final String displayName;
    private final String unit;

    SimulatedInput(String displayName, String unit) {
        this.displayName = displayName;
        this.unit = unit;
    }

    public String displayName() {
        return displayName;
    }

    public String unit() {
        return unit;
    }
}
