package org.no3rr.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a protocol step is, as the protocol says — the one vocabulary the engine, the store, the
 * API, the live stream, the exports and the page use. Never guessed from a measured current: at
 * rest the ADC reads noise of either sign, and a rest stays a rest.
 *
 * <p>A kind says what a step does to the cell; how it is controlled (a constant current, power or
 * resistance, a CCCV) is the step's record in {@link Step}. Each kind belongs to one half of a
 * battery cycle, as {@link #half()} gives it:
 *
 * <table>
 * <caption>Kinds, the steps that have them, and their half of a cycle</caption>
 * <tr><th>kind</th><th>steps</th><th>half</th></tr>
 * <tr><td>{@code charge}</td><td>Charge at a current, C-rate or power; a CCCV charge (its hold included)</td>
 *     <td>charge</td></tr>
 * <tr><td>{@code discharge}</td><td>Discharge at a current, C-rate, power or resistance; a CCCV discharge</td>
 *     <td>discharge</td></tr>
 * <tr><td>{@code voltage_hold}</td><td>{@code Hold at 4.1 V until 50 mA} on a battery</td>
 *     <td>the half of the charge or discharge before it in the cycle (the CV tail of a two-step CCCV
 *     charge is part of the charge); none if there is none</td></tr>
 * <tr><td>{@code polarization}</td><td>the discharge staircase</td><td>discharge</td></tr>
 * <tr><td>{@code rest}, {@code hold}, {@code sweep}, {@code cyclic_voltammetry}, {@code ask},
 *     {@code repeat}</td><td>open circuit, electrolysis and voltammetry, waiting, blocks</td><td>none</td></tr>
 * </table>
 *
 * <p>On the wire (JSON, CSV, the page) a kind is its {@link #wireName()}: the enum name in lower
 * case, e.g. {@code cyclic_voltammetry}.
 */
public enum StepKind {
    /** Open circuit: no current, the open-circuit voltage is recorded. */
    REST(Half.NONE),
    /** Drives positive (anodic) current or power into the positive electrode: charges a battery. */
    CHARGE(Half.CHARGE),
    /** Drives negative current, draws power or a resistive load: discharges a battery. */
    DISCHARGE(Half.DISCHARGE),
    /** Holds a battery's cell voltage with its current source; the current tapers. */
    VOLTAGE_HOLD(Half.PRECEDING),
    /** Holds the working electrode at a potential vs a reference (chronoamperometry). */
    HOLD(Half.NONE),
    /** A discharge staircase for the polarization and power-density curve. */
    POLARIZATION(Half.DISCHARGE),
    /** A linear potential sweep (LSV). */
    SWEEP(Half.NONE),
    /** Cyclic voltammetry between two potentials. */
    CYCLIC_VOLTAMMETRY(Half.NONE),
    /** Waits for a person's answer with the channel safe. */
    ASK(Half.NONE),
    /** A block of steps repeated; not a step that runs by itself. */
    REPEAT(Half.NONE);

    /** Which half of a battery cycle a step's charge and energy count towards. */
    public enum Half {
        CHARGE,
        DISCHARGE,
        /** The half of the nearest charge or discharge step before it in the same cycle, if any. */
        PRECEDING,
        /** Neither: not part of a battery cycle's halves. */
        NONE
    }

    private final Half half;

    StepKind(Half half) {
        this.half = half;
    }

    /**
     * Which way a step of this kind meets a voltage end written without {@code <} or {@code >}:
     * falling to it, except on a charge, which rises to it.
     */
    public boolean voltageEndFalls() {
        return this != CHARGE;
    }

    /** The half of a battery cycle this kind belongs to (see the table above). */
    public Half half() {
        return half;
    }

    /** The kind as written in JSON, CSV and the page: {@code rest}, {@code cyclic_voltammetry}, … */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws IllegalArgumentException naming the allowed names when {@code wireName} is none of them
     */
    @JsonCreator
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
