package org.no3rr.hal;

/**
 * What a channel may be asked to do and how finely it measures: the largest current magnitude, the
 * voltage window, the current resolution and how closely an output must follow its setpoint.
 * Every setpoint of a protocol is checked against these before a run starts, and every reading of
 * a running channel is checked against them whatever the protocol says.
 *
 * @param maxCurrentAmps        largest current magnitude the channel may drive or read, A
 * @param minVoltage            low end of the voltage window (battery: cell voltage; H-cell: WE vs reference), V
 * @param maxVoltage            high end of the voltage window, V
 * @param currentResolutionAmps smallest current the channel tells from zero (the larger of the current
 *                              input's LSB and its noise), A; a charge below resolution × duration is noise
 * @param compliance            how closely the current source or potentiostat must follow its setpoint
 */
public record ChannelRatings(double maxCurrentAmps, double minVoltage, double maxVoltage,
                             double currentResolutionAmps, Compliance compliance) {

    public ChannelRatings {
        if (!(maxCurrentAmps > 0) || !Double.isFinite(maxCurrentAmps)) {
            throw new IllegalArgumentException("maxCurrentAmps must be a positive number of A, was " + maxCurrentAmps);
        }
        if (!(minVoltage < maxVoltage)) {
            throw new IllegalArgumentException("voltage window must have minVoltage < maxVoltage, was "
                    + minVoltage + " V to " + maxVoltage + " V");
        }
        if (!(currentResolutionAmps > 0) || !(currentResolutionAmps < maxCurrentAmps)) {
            throw new IllegalArgumentException("currentResolutionAmps must be > 0 A and below maxCurrentAmps ("
                    + maxCurrentAmps + " A), was " + currentResolutionAmps);
        }
        if (compliance == null) {
            throw new IllegalArgumentException("compliance is required");
        }
    }

    /**
     * Ratings with a 16-bit current input over ±{@code maxCurrentAmps} and the default compliance
     * check (see {@link Compliance#defaultFor}).
     */
    public ChannelRatings(double maxCurrentAmps, double minVoltage, double maxVoltage) {
        this(maxCurrentAmps, minVoltage, maxVoltage, maxCurrentAmps / 32768, Compliance.defaultFor(maxCurrentAmps));
    }

    /**
     * How closely an output must follow its setpoint: a current source whose measured current stays
     * more than {@code currentToleranceAmps} from its setpoint, or a potentiostat whose working
     * electrode stays more than {@code potentialToleranceVolts} from its setpoint, for
     * {@code readings} consecutive readings, is out of compliance and the run faults.
     *
     * @param currentToleranceAmps    allowed |I − I_set|, A
     * @param potentialToleranceVolts allowed |E_WE − E_set|, V
     * @param readings                consecutive readings out of tolerance that make a fault, at least 1
     */
    public record Compliance(double currentToleranceAmps, double potentialToleranceVolts, int readings) {

        public Compliance {
            if (!(currentToleranceAmps > 0) || !Double.isFinite(currentToleranceAmps)) {
                throw new IllegalArgumentException("currentToleranceAmps must be a positive number of A, was "
                        + currentToleranceAmps);
            }
            if (!(potentialToleranceVolts > 0) || !Double.isFinite(potentialToleranceVolts)) {
                throw new IllegalArgumentException("potentialToleranceVolts must be a positive number of V, was "
                        + potentialToleranceVolts);
            }
            if (readings < 1) {
                throw new IllegalArgumentException("readings must be at least 1, was " + readings);
            }
        }

        /** 2 % of the rated current, 20 mV, 3 readings. */
        public static Compliance defaultFor(double maxCurrentAmps) {
            return new Compliance(0.02 * maxCurrentAmps, 0.020, 3);
        }
    }
}
