package org.no3rr.metrics;

/**
 * What a step did, decided from its current after the fact (the metrics do not trust a label).
 * For a three-electrode cell, DISCHARGE means net cathodic (reducing) current at the working
 * electrode, i.e. an electrolysis hold; CHARGE means net anodic.
 */
public enum StepKind {
    /** |I| never exceeded the rest threshold: open circuit. */
    REST,
    /** Net positive charge (charging a battery, anodic at the working electrode). */
    CHARGE,
    /** Net negative charge (discharging a battery, cathodic at the working electrode). */
    DISCHARGE
}
