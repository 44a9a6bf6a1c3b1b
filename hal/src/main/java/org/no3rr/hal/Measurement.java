package org.no3rr.hal;

/**
 * One reading of all of a channel's inputs, in SI units.
 *
 * @param epochMillis                time of the reading on the channel's clock
 * @param voltage                    cell voltage in V (battery: positive minus negative; H-cell: WE vs counter)
 * @param current                    cell current in A, positive when anodic at the working / positive electrode
 * @param workingElectrodePotential  working electrode vs reference electrode in V, or NaN without a reference
 * @param temperature                cell temperature in °C, or NaN without a sensor
 */
public record Measurement(long epochMillis, double voltage, double current,
                          double workingElectrodePotential, double temperature) {

    public boolean hasWorkingElectrodePotential() {
        return !Double.isNaN(workingElectrodePotential);
    }

    public boolean hasTemperature() {
        return !Double.isNaN(temperature);
    }
}
