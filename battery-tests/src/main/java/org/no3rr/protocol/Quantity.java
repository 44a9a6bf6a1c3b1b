package org.no3rr.protocol;

/**
 * A number with its unit, converted to the base unit of its kind.
 *
 * @param value    in the base unit of {@code kind}
 * @param kind     what the unit measures
 * @param unitText the unit as written, for messages and for values that borrow a unit ("from 0 to 30 mA/cm2")
 */
record Quantity(double value, Unit.Kind kind, String unitText) {
}
