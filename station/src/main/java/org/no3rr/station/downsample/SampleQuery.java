package org.no3rr.station.downsample;

import org.no3rr.station.service.InvalidRequestException;

/**
 * The window and resolution asked of {@code GET /api/runs/{id}/samples}: test times in seconds
 * since the run's start (either may be absent for "from the start" / "to the latest sample"), and
 * the most points to return.
 */
public record SampleQuery(Double fromS, Double toS, int maxPoints) {

    public static final int DEFAULT_MAX_POINTS = 2000;
    /** Fewer points than this is no chart; below it the per-bucket memory would grow with the run. */
    public static final int FEWEST_MAX_POINTS = 10;
    /** More points than a phone can draw; each bucket then still holds ≥ 50 samples of a 1 M-sample run. */
    public static final int MOST_MAX_POINTS = 20_000;
    /** About 31 years: a larger test time is a typo (milliseconds for seconds, say). */
    public static final double LONGEST_TEST_TIME_S = 1e9;

    /**
     * Reads the query parameters as sent, so a bad value is refused naming its parameter.
     *
     * @throws InvalidRequestException naming {@code from}, {@code to} or {@code maxPoints} and the allowed range
     */
    public static SampleQuery parse(String from, String to, String maxPoints) {
        Double fromS = seconds("from", from);
        Double toS = seconds("to", to);
        if (fromS != null && toS != null && toS < fromS) {
            throw new InvalidRequestException("to", "to is " + toS + " s but must not be before from (" + fromS
                    + " s)");
        }
        int points = DEFAULT_MAX_POINTS;
        if (maxPoints != null) {
            try {
                points = Integer.parseInt(maxPoints.trim());
            } catch (NumberFormatException e) {
                points = -1;
            }
            if (points < FEWEST_MAX_POINTS || points > MOST_MAX_POINTS) {
                throw new InvalidRequestException("maxPoints", "maxPoints is '" + maxPoints + "' but must be a whole "
                        + "number from " + FEWEST_MAX_POINTS + " to " + MOST_MAX_POINTS + " (default "
                        + DEFAULT_MAX_POINTS + ")");
            }
        }
        return new SampleQuery(fromS, toS, points);
    }

    /** The window's start as an epoch time, for a run whose test time starts at {@code originMillis}. */
    public long fromEpochMillis(long originMillis) {
        return fromS == null ? Long.MIN_VALUE : originMillis + Math.round(fromS * 1000);
    }

    public long toEpochMillis(long originMillis) {
        return toS == null ? Long.MAX_VALUE : originMillis + Math.round(toS * 1000);
    }

    private static Double seconds(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        double value;
        try {
            value = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (!(value >= 0 && value <= LONGEST_TEST_TIME_S)) {
            throw new InvalidRequestException(name, name + " is '" + text + "' but must be a test time in seconds "
                    + "from 0 to " + (long) LONGEST_TEST_TIME_S + ", e.g. " + name + "=3600");
        }
        return value;
    }
}
