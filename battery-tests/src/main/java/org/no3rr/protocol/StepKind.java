package org.no3rr.protocol;

import java.util.Locale;

/**
 * What a protocol step is, as the protocol says — the one vocabulary the engine, the store, the
 * API, the live stream, the exports and the page use. Never guessed from a measured current: at
 * rest the ADC reads noise of either sign, and a rest stays a rest.
 *
 * <p>On the wire (JSON, CSV, the page) a kind is its {@link #wireName()}: the enum name in lower
 * case, e.g. {@code cyclic_voltammetry}.
 */
public enum StepKind {
    /** Open circuit: no current, the open-circuit voltage is recorded. */
    REST,
    /** Drives positive (anodic) current into the positive electrode: charges a battery. */
    CHARGE,
    /** Drives negative current: discharges a battery. */
    DISCHARGE,
    /** Holds the working electrode at a potential (chronoamperometry). */
    HOLD,
    /** A discharge staircase for the polarization and power-density curve. */
    POLARIZATION,
    /** A linear potential sweep (LSV). */
    SWEEP,
    /** Cyclic voltammetry between two potentials. */
    CYCLIC_VOLTAMMETRY,
    /** Waits for a person's answer with the channel safe. */
    ASK,
    /** A block of steps repeated; not a step that runs by itself. */
    REPEAT;

    /** The kind as written in JSON, CSV and the page: {@code rest}, {@code cyclic_voltammetry}, … */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws IllegalArgumentException naming the allowed names when {@code wireName} is none of them
     */
    public static StepKind fromWireName(String wireName) {
        for (StepKind kind : values()) {
            if (kind.wireName().equals(wireName)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("step kind '" + wireName + "' is not one of "
                + java.util.Arrays.stream(values()).map(StepKind::wireName).toList());
    }
}
