package org.no3rr.hal.board;

import org.no3rr.hal.ChannelRatings;

/**
 * Reads what a channel's ratings add to its window: the current resolution and the compliance check
 * ({@link ChannelRatings}). Each has a default derived from the hardware, so a board file names
 * them only to be stricter: the resolution defaults to one count of the current input, the
 * compliance to 2 % of the rated current, 20 mV and 3 readings.
 */
final class RatingsParser {

    static final int MAX_COMPLIANCE_READINGS = 100;

    private final Entries e;
    private final String p;

    RatingsParser(Entries entries, String channelPrefix) {
        this.e = entries;
        this.p = channelPrefix;
    }

    /** What the board file sets; null fields take their defaults. */
    record Tolerances(Double resolutionAmps, Double currentToleranceAmps, Double potentialToleranceVolts,
                      Integer readings) {

        /** The ratings, or null (with an error added) when they do not hold together. */
        ChannelRatings ratings(double maxCurrent, double minVoltage, double maxVoltage, CurrentSensing current,
                               Entries e, String p) {
            double lsb = current.lsbAmps();
            double resolution = resolutionAmps == null ? lsb : resolutionAmps;
            if (resolution < lsb) {
                e.error(p + "current-resolution-a = " + resolution + " is finer than one count of the current input, "
                        + lsb + " A (" + current.describe() + "): the channel cannot tell currents apart that closely");
                return null;
            }
            ChannelRatings.Compliance defaults = ChannelRatings.Compliance.defaultFor(maxCurrent);
            try {
                return new ChannelRatings(maxCurrent, minVoltage, maxVoltage, resolution, new ChannelRatings.Compliance(
                        currentToleranceAmps == null ? defaults.currentToleranceAmps() : currentToleranceAmps,
                        potentialToleranceVolts == null ? defaults.potentialToleranceVolts() : potentialToleranceVolts,
                        readings == null ? defaults.readings() : readings));
            } catch (IllegalArgumentException ex) {
                e.error(p + "*: " + ex.getMessage());
                return null;
            }
        }
    }

    Tolerances parse() {
        return new Tolerances(
                optionalPositive("current-resolution-a", "smallest current the channel tells from zero, in A"),
                optionalPositive("compliance.current-tolerance-a", "allowed |I − I_set| before the source is out of compliance, in A"),
                optionalPositive("compliance.potential-tolerance-v", "allowed |E − E_set| before the potentiostat is out of compliance, in V"),
                e.has(p + "compliance.readings")
                        ? e.integer(p + "compliance.readings", 1, MAX_COMPLIANCE_READINGS, null,
                                "consecutive readings out of tolerance that fault the run")
                        : null);
    }

    private Double optionalPositive(String key, String what) {
        if (!e.has(p + key)) {
            e.allow(p + key);
            return null;
        }
        return e.positive(p + key, null, what);
    }
}
