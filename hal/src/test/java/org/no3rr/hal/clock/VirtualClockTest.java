package org.no3rr.hal.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VirtualClockTest {

    private static final long START = 1_700_000_000_000L;

    private static final long SECOND_NANOS = 1_000_000_000L;

    /** A real monotonic clock the test moves by hand; sleeping moves it by the requested time plus {@link #oversleep}. */
    private long realNanos = 5 * SECOND_NANOS;
    private long oversleep;
    private final List<Long> sleeps = new ArrayList<>();
    private Runnable duringSleep = () -> { };

    private VirtualClock clockAt(double speed) {
        return new VirtualClock(START, speed, () -> realNanos, nanos -> {
            sleeps.add(nanos);
            realNanos += nanos + oversleep;
            duringSleep.run();
        });
    }

    @Test
    void parsesMaxAndPositiveNumbers() {
        assertThat(VirtualClock.parseSpeed("max")).isEqualTo(VirtualClock.MAX_SPEED);
        assertThat(VirtualClock.parseSpeed(" MAX ")).isEqualTo(VirtualClock.MAX_SPEED);
        assertThat(VirtualClock.parseSpeed("60")).isEqualTo(60.0);
        assertThat(VirtualClock.parseSpeed("0.5")).isEqualTo(0.5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "fast", "", "Infinity", "NaN"})
    void rejectsSpeedsThatAreNotPositiveFiniteNumbersOrMax(String text) {
        assertThatThrownBy(() -> VirtualClock.parseSpeed(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'")
                .hasMessageContaining("'max'");
    }

    @Test
    void aClockAtMaxSpeedStandsStillUntilSomeoneWaitsThenJumps() throws InterruptedException {
        VirtualClock clock = clockAt(VirtualClock.MAX_SPEED);
        realNanos += 10_000_000_000L;
        assertThat(clock.millis()).isEqualTo(START);

        clock.waitUntil(START + 7 * 24 * 3600 * 1000L);

        assertThat(clock.millis()).isEqualTo(START + 7 * 24 * 3600 * 1000L);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aFiniteSpeedRunsScaledRealTimeAndSleepsOnlyTheScaledRemainder() throws InterruptedException {
        VirtualClock clock = clockAt(60);
        realNanos += 1_000_000_000L; // one real second
        assertThat(clock.millis()).isEqualTo(START + 60_000);

        clock.waitUntil(START + 60_000 + 600_000); // ten simulated minutes ahead

        assertThat(sleeps).containsExactly(10 * SECOND_NANOS);
        assertThat(clock.millis()).isEqualTo(START + 660_000);
    }

    @Test
    void aWaitThatReturnsLateLeavesTheClockExactlyAtTheInstantWaitedFor() throws InterruptedException {
        VirtualClock clock = clockAt(600);
        oversleep = 37_000_000L; // the machine is busy: every sleep ends 37 ms late, 22.2 simulated seconds

        clock.waitUntil(START + 1_000);
        assertThat(clock.millis()).isEqualTo(START + 1_000);
        clock.waitUntil(START + 2_000);
        assertThat(clock.millis()).isEqualTo(START + 2_000);

        // 1 s at 600x is 1.667 ms real; the first sleep ran 37 ms late, so the second need not sleep at all
        assertThat(sleeps).containsExactly(1_666_666L);
    }

    @Test
    void lostRealTimeUpToASecondIsMadeUpByShorterWaitsAndMoreIsDropped() throws InterruptedException {
        VirtualClock clock = clockAt(1);
        oversleep = 400_000_000L;
        clock.waitUntil(START + 1_000);
        oversleep = 0;
        clock.waitUntil(START + 2_000);
        assertThat(sleeps).containsExactly(SECOND_NANOS, 600_000_000L);

        sleeps.clear();
        oversleep = 3 * SECOND_NANOS; // a stall: three real seconds late
        clock.waitUntil(START + 3_000);
        oversleep = 0;
        clock.waitUntil(START + 4_000);
        assertThat(sleeps).as("the backlog of 3 s is dropped, the pace restarts").containsExactly(SECOND_NANOS, SECOND_NANOS);
        assertThat(clock.millis()).isEqualTo(START + 4_000);
    }

    @Test
    void aClockHoldsAtTheLastWaitWhileTheCallerWorksThenRunsOnWhenIdle() throws InterruptedException {
        VirtualClock clock = clockAt(60);
        clock.waitUntil(START + 60_000);

        realNanos += 1_900_000_000L; // the caller reads and commands, slowly
        assertThat(clock.millis()).isEqualTo(START + 60_000);

        realNanos += 200_000_000L; // 2.1 s without a wait: a paused run, whose time passes at 60x
        assertThat(clock.millis()).isEqualTo(START + 60_000 + 126_000);

        clock.waitUntil(START + 60_000 + 126_000 + 6_000);
        assertThat(sleeps.get(sleeps.size() - 1)).as("paced from where the idle clock stood").isEqualTo(100_000_000L);
        assertThat(clock.millis()).isEqualTo(START + 192_000);
    }

    @Test
    void otherThreadsSeeTheHeldInstantWhileTheCallerSleepsEvenForLong() throws InterruptedException {
        VirtualClock clock = clockAt(1);
        clock.waitUntil(START + 1_000);
        List<Long> seenDuringSleep = new ArrayList<>();
        duringSleep = () -> seenDuringSleep.add(clock.millis());

        clock.waitUntil(START + 61_000); // a reading every minute

        assertThat(seenDuringSleep).containsExactly(START + 1_000);
        assertThat(clock.millis()).isEqualTo(START + 61_000);
    }

    @Test
    void aRunStartedOnAnIdleClockHoldsItsStartWhileItsSlowFirstCommandsRun() throws InterruptedException {
        VirtualClock clock = clockAt(600);
        realNanos += SECOND_NANOS; // idle for a real second: ten simulated minutes

        long start = clock.holdNow();
        realNanos += 100_000_000L; // storing the start and commanding take 100 ms, a simulated minute
        assertThat(clock.millis()).isEqualTo(start).isEqualTo(START + 600_000);

        clock.waitUntil(start + 1_000);
        assertThat(clock.millis()).as("the first reading is exactly a second after the start").isEqualTo(start + 1_000);
        assertThat(sleeps).as("already late: the pace catches up").isEmpty();
    }

    @Test
    void aWaitForAnInstantAlreadyPassedReturnsAtOnceWithoutGoingBack() throws InterruptedException {
        VirtualClock clock = clockAt(10);
        clock.waitUntil(START + 5_000);
        clock.waitUntil(START + 3_000);
        assertThat(clock.millis()).isEqualTo(START + 5_000);
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void neverGoesBackwards() {
        VirtualClock max = clockAt(VirtualClock.MAX_SPEED);
        max.advanceTo(START + 5000);
        max.advanceTo(START + 1000);
        assertThat(max.millis()).isEqualTo(START + 5000);

        VirtualClock finite = clockAt(2);
        realNanos += 3_000_000_000L;
        long later = finite.millis();
        realNanos -= 1_000_000_000L; // a misbehaving real clock
        assertThat(finite.millis()).isEqualTo(later);
    }

    @Test
    void onlyAMaxSpeedClockCanBeAdvancedByHand() {
        VirtualClock finite = clockAt(1);
        assertThatThrownBy(() -> finite.advanceTo(START + 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("maximum speed");
    }

    @Test
    void aSpeedBelowOrAtZeroIsRejected() {
        assertThatThrownBy(() -> new VirtualClock(START, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("was 0.0");
    }

    @Test
    void catchingUpMovesAClockThatIsBehindForwardAtEitherSpeedAndNeverBack() {
        VirtualClock fast = clockAt(VirtualClock.MAX_SPEED);
        fast.catchUp(START + 5_000);
        assertThat(fast.millis()).isEqualTo(START + 5_000);
        fast.catchUp(START + 1_000);
        assertThat(fast.millis()).isEqualTo(START + 5_000);

        VirtualClock scaled = clockAt(60);
        scaled.catchUp(START + 3_600_000);
        assertThat(scaled.millis()).isEqualTo(START + 3_600_000);
        realNanos += 1_000_000_000L; // one real second is still one simulated minute after the jump
        assertThat(scaled.millis()).isEqualTo(START + 3_660_000);
    }
}
