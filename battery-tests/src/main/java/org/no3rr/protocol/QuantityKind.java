package org.no3rr.protocol;

import java.util.List;

/**
 * What a quantity in a protocol measures, with its base unit (the unit the model stores) and the
 * spellings a reader lists when a unit is wrong. {@link Unit} holds every spelling the language
 * reads; these are the ones it writes.
 */
public enum QuantityKind {
    /** base: millisecond */
    TIME("time", "a time such as 10 min", "ms", "s", "min", "h"),
    /** base: V */
    VOLTAGE("voltage", "a voltage such as 0.8 V", "V", "mV"),
    /** base: A */
    CURRENT("current", "a current such as 2 mA", "A", "mA", "µA"),
    /** base: A/cm² */
    CURRENT_DENSITY("current density", "a current density such as 5 mA/cm2", "A/cm2", "mA/cm2", "µA/cm2"),
    /** base: multiples of the cell's nominal capacity per hour (1 = 1C) */
    C_RATE("C-rate", "a C-rate such as 1C or C/20", "C"),
    /** base: C (1 mAh = 3.6 C) */
    CAPACITY("capacity", "a capacity such as 5 mAh", "Ah", "mAh", "µAh", "C"),
    /** base: J (1 mWh = 3.6 J) */
    ENERGY("energy", "an energy such as 10 mWh", "Wh", "mWh", "J"),
    /** base: W */
    POWER("power", "a power such as 2 mW", "W", "mW", "µW"),
    /** base: W/cm² */
    POWER_DENSITY("power density", "a power density such as 5 mW/cm2", "W/cm2", "mW/cm2"),
    /** base: Ω */
    RESISTANCE("resistance", "a resistance such as 100 Ohm", "Ohm", "kOhm", "mOhm"),
    /** base: V/s */
    SCAN_RATE("scan rate", "a scan rate such as 10 mV/s", "V/s", "mV/s"),
    /** base: fraction (1 = 100 %) */
    PERCENT("percentage", "a percentage such as 80 %", "%"),
    /** a number without unit */
    NUMBER("number", "a plain number");

    private final String noun;
    private final String described;
    private final List<String> spellings;

    QuantityKind(String noun, String described, String... spellings) {
        this.noun = noun;
        this.described = described;
        this.spellings = List.of(spellings);
    }

    /** "current density", for messages such as "cannot end at a current density". */
    public String noun() {
        return noun;
    }

    /** "a current density such as 5 mA/cm2". */
    public String described() {
        return described;
    }

    /** The usual spellings, as the JSON form lists them when a unit is wrong. */
    public List<String> spellings() {
        return spellings;
    }
}
