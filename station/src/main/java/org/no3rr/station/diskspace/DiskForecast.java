package org.no3rr.station.diskspace;

/**
 * The data directory's disk as a reading: its free space, how fast recording fills it, how many
 * days that leaves, and whether that is low enough to raise the alarm.
 *
 * @param freeBytes      space the station may still use on the disk of its data directory
 * @param bytesPerDay    what recording at the current rate adds in a day; 0 while nothing is recorded
 * @param daysLeft       {@code freeBytes / bytesPerDay}; null while nothing is recorded
 * @param low            free space under {@code alarmFreeBytes}, or days left under {@code alarmDaysLeft}
 * @param alarmFreeBytes the threshold of free space ({@code station.storage.alarm-free-space})
 * @param alarmDaysLeft  the threshold of days left ({@code station.storage.alarm-days-left})
 */
public record DiskForecast(long freeBytes, double bytesPerDay, Double daysLeft, boolean low, long alarmFreeBytes,
                           double alarmDaysLeft) {

    static final double SECONDS_PER_DAY = 86_400;

    /**
     * @param samplesPerSecond samples stored per second over all channels, lately
     * @param bytesPerSample   disk bytes one stored sample costs
     */
    static DiskForecast of(long freeBytes, double samplesPerSecond, double bytesPerSample, long alarmFreeBytes,
                           double alarmDaysLeft) {
        double bytesPerDay = samplesPerSecond * bytesPerSample * SECONDS_PER_DAY;
        Double daysLeft = bytesPerDay > 0 ? freeBytes / bytesPerDay : null;
        boolean low = freeBytes < alarmFreeBytes || daysLeft != null && daysLeft < alarmDaysLeft;
        return new DiskForecast(freeBytes, bytesPerDay, daysLeft, low, alarmFreeBytes, alarmDaysLeft);
    }
}
