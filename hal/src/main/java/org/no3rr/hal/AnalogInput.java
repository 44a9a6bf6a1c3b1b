package org.no3rr.hal;

/**
 * One calibrated analog measurement in SI units (V, A or °C), such as the cell voltage or the
 * shunt current. Every call performs a fresh conversion: values are never cached.
 */
public interface AnalogInput {

    /** What is measured, e.g. {@code "cell voltage"}; used in error messages. */
    String name();

    /** SI unit symbol of {@link #read()}: {@code "V"}, {@code "A"} or {@code "°C"}. */
    String unit();

    /**
     * Performs one conversion.
     *
     * @throws HalException when the device does not answer or answers nonsense
     */
    double read();
}
