package org.no3rr.station.lab.mqtt;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A channel topic goes at once after a state or step change, else at most once a second, and only when changed. */
class ChannelScheduleTest {

    private static final long T0 = 1_764_900_000_000L;

    @Test
    void anUnchangedChannelIsNeverDue() {
        ChannelSchedule schedule = new ChannelSchedule(1000);
        assertThat(schedule.due("ch1", T0)).isFalse();
    }

    @Test
    void aNewReadingWaitsForTheIntervalSinceTheTopicWasLastBuilt() {
        ChannelSchedule schedule = new ChannelSchedule(1000);
        schedule.changed("ch1", false);
        assertThat(schedule.due("ch1", T0)).isTrue(); // never built: at once
        assertThat(schedule.due("ch1", T0 + 5)).isFalse(); // built, nothing new
        schedule.changed("ch1", false);
        assertThat(schedule.due("ch1", T0 + 999)).isFalse();
        assertThat(schedule.due("ch1", T0 + 1000)).isTrue();
        assertThat(schedule.due("ch1", T0 + 2500)).isFalse(); // the reading went at T0 + 1000
    }

    @Test
    void aStateOrStepChangeGoesAtOnceAndOutranksAReadingMarkedAfterIt() {
        ChannelSchedule schedule = new ChannelSchedule(1000);
        schedule.changed("ch1", true);
        assertThat(schedule.due("ch1", T0)).isTrue();
        schedule.changed("ch1", true);
        schedule.changed("ch1", false);
        assertThat(schedule.due("ch1", T0 + 10)).isTrue();
        schedule.changed("ch2", false);
        assertThat(schedule.due("ch2", T0 + 10)).isTrue(); // channels are scheduled apart
    }
}
