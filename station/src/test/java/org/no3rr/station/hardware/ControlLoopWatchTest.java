package org.no3rr.station.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.no3rr.hal.HalException;

/** The watch's rule on a hand-driven wall clock: N = 3 readings, a 1 s floor. */
class ControlLoopWatchTest {

    private long nanos = 5_000_000_000L;
    private final List<ControlLoopWatch.Stall> stalls = new ArrayList<>();
    private final Set<String> idle = new HashSet<>();

    private ControlLoopWatch watch(double speed) {
        return new ControlLoopWatch(3, 1000, speed, () -> nanos, stalls::add, idle::contains);
    }

    private void advanceMillis(long millis) {
        nanos += millis * 1_000_000L;
    }

    @Test
    void theAllowedGapIsNTimesTheIntervalOnTheWallClockNeverShorterThanTheFloor() {
        assertThat(watch(1.0).allowedGapMillis(1000)).isEqualTo(3000);
        assertThat(watch(1.0).allowedGapMillis(5000)).isEqualTo(15_000);
        assertThat(watch(1.0).allowedGapMillis(200)).as("a 200 ms test interval gets the 1 s floor").isEqualTo(3000);
        assertThat(watch(60.0).allowedGapMillis(1000)).as("a rehearsal is judged by its virtual interval").isEqualTo(3000);
        assertThat(watch(Double.POSITIVE_INFINITY).allowedGapMillis(1000)).isEqualTo(3000);
        assertThat(watch(0.5).allowedGapMillis(1000)).as("slower than real time: 2 s of wall time per reading").isEqualTo(6000);
    }

    @Test
    void aLoopThatMissesThreeReadingsIsStalledOnceAndStaysStalledUntilItsRunnerEnds() {
        ControlLoopWatch watch = watch(1.0);
        watch.loopStarted("ch1", 7, 1000);
        advanceMillis(1000);
        watch.readingDone("ch1");
        advanceMillis(3000);
        assertThat(watch.check()).as("exactly 3 intervals is still on time").isEmpty();
        assertThat(watch.onTime()).isTrue();
        assertThat(watch.faulted("ch1")).isFalse();

        advanceMillis(1);
        List<ControlLoopWatch.Stall> found = watch.check();

        assertThat(found).singleElement().satisfies(stall -> {
            assertThat(stall.channelId()).isEqualTo("ch1");
            assertThat(stall.runId()).isEqualTo(7);
            assertThat(stall.reason()).isEqualTo("control loop of channel ch1 stalled: no reading completed for 3.0 s,"
                    + " more than the 3000 ms allowed (3 reading intervals); the watchdog put the channel in its safe state");
        });
        assertThat(stalls).isEqualTo(found);
        assertThat(watch.onTime()).as("the heartbeat stops").isFalse();
        assertThat(watch.stalledChannels()).containsExactly("ch1");
        assertThat(watch.faulted("ch1")).as("its runner must store nothing more").isTrue();
        advanceMillis(500);
        assertThat(watch.check()).as("handled once").isEmpty();
        assertThatThrownBy(() -> watch.readingDone("ch1")).as("a reading the stalled runner still completes fails")
                .isInstanceOf(HalException.class).hasMessageStartingWith("control loop of channel ch1 stalled");

        watch.loopEnded("ch1");
        assertThat(watch.onTime()).as("the heartbeat goes on once the stalled runner is gone").isTrue();
        assertThat(watch.faulted("ch1")).as("a new run on the channel starts clean").isFalse();
    }

    @Test
    void aFastRehearsalNeverTripsTheWatchAndOtherChannelsAreJudgedApart() {
        ControlLoopWatch watch = watch(Double.POSITIVE_INFINITY);
        watch.loopStarted("ch1", 1, 1000);
        watch.loopStarted("ch2", 2, 1000);
        for (int reading = 0; reading < 10_000; reading++) {
            advanceMillis(1);
            watch.readingDone("ch1");
            assertThat(watch.check().stream().map(ControlLoopWatch.Stall::channelId)).doesNotContain("ch1");
        }
        assertThat(stalls).extracting(ControlLoopWatch.Stall::channelId).containsExactly("ch2");
    }

    @Test
    void aLoopThatWaitsOnPurposeIsNotJudgedAndItsTimeStartsAgainWhenItGoesOn() {
        ControlLoopWatch watch = watch(1.0);
        watch.loopStarted("ch3", 9, 1000);
        idle.add("ch3");
        advanceMillis(60_000);
        assertThat(watch.check()).as("paused or waiting for an answer, safe").isEmpty();

        idle.remove("ch3");
        advanceMillis(2999);
        assertThat(watch.check()).isEmpty();
        advanceMillis(2);
        assertThat(watch.check()).hasSize(1);
    }

    @Test
    void aNewRunOnTheChannelStartsAFreshLoop() {
        List<String> started = new ArrayList<>();
        ControlLoopWatch watch = new ControlLoopWatch(3, 1000, 1.0, () -> nanos, new ControlLoopWatch.StallHandler() {
            @Override
            public void stalled(ControlLoopWatch.Stall stall) {
                stalls.add(stall);
            }

            @Override
            public void started(String channelId) {
                started.add(channelId);
            }
        }, idle::contains);

        watch.loopStarted("ch1", 1, 1000);

        assertThat(started).as("the monitor releases a stalled predecessor's interlock here").containsExactly("ch1");
        assertThatThrownBy(() -> new ControlLoopWatch(0, 1000, 1.0, () -> nanos, stalls::add, idle::contains))
                .hasMessage("station.watchdog.missed-readings must be at least 1, was 0");
    }
}
