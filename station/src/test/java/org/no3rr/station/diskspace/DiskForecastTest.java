package org.no3rr.station.diskspace;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DiskForecastTest {

    private static final long GB = 1_000_000_000L;

    @Test
    void fourChannelsAtOneReadingASecondFillAGigabyteInSeventyTwoDays() {
        // 4 samples/s × 40 B × 86,400 s = 13,824,000 B a day; 2 GB / that = 144.68 days.
        DiskForecast forecast = DiskForecast.of(2 * GB, 4, 40, GB, 14);
        assertThat(forecast.bytesPerDay()).isEqualTo(13_824_000.0);
        assertThat(forecast.daysLeft()).isCloseTo(144.675926, within(1e-6));
        assertThat(forecast.low()).isFalse();
    }

    @Test
    void fewerDaysLeftThanTheThresholdRaisesTheAlarmWithPlentyOfSpace() {
        // 1,000 samples/s × 40 B × 86,400 s = 3.456 GB a day; 100 GB last 28.94 days < 30.
        DiskForecast forecast = DiskForecast.of(100 * GB, 1000, 40, GB, 30);
        assertThat(forecast.daysLeft()).isCloseTo(28.935185, within(1e-6));
        assertThat(forecast.low()).isTrue();
    }

    @Test
    void lessFreeSpaceThanTheThresholdRaisesTheAlarmEvenWhenNothingRecords() {
        DiskForecast forecast = DiskForecast.of(GB / 2, 0, 40, GB, 14);
        assertThat(forecast.daysLeft()).isNull();
        assertThat(forecast.bytesPerDay()).isZero();
        assertThat(forecast.low()).isTrue();
        assertThat(DiskForecast.of(GB, 0, 40, GB, 14).low()).as("exactly at the threshold").isFalse();
    }

    @Test
    void theRateFollowsTheLastTenMinutesNotTheWholeDay() {
        RecordingRate rate = new RecordingRate(TimeUnit.MINUTES.toNanos(10));
        assertThat(rate.samplesPerSecond()).isZero();
        // 4 samples/s for 15 minutes, then nothing; noted once a minute.
        for (int minute = 0; minute <= 20; minute++) {
            rate.note(TimeUnit.MINUTES.toNanos(minute), 240L * Math.min(minute, 15));
            if (minute == 1) {
                assertThat(rate.samplesPerSecond()).isEqualTo(4.0);
            }
        }
        // From minute 10 (2,400) to minute 20 (3,600): 1,200 samples in 600 s.
        assertThat(rate.samplesPerSecond()).isEqualTo(2.0);
    }
}
