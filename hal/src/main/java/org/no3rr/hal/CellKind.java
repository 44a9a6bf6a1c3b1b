package org.no3rr.hal;

/** What is connected to a channel, which decides the wiring and the protocols that make sense. */
public enum CellKind {
    /** A two-electrode Zn–NO3⁻ battery: cell voltage and current, charged and discharged galvanostatically. */
    ZN_NITRATE_BATTERY,
    /** A three-electrode H-type electrolysis cell: working-electrode potential against a reference. */
    H_CELL_ELECTROLYSIS
}
