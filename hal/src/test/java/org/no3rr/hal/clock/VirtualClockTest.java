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

    /** A real monotonic clock the test moves by hand; sleeping moves it by exactly the requested time. */
    private long realNanos = 5_000_000_000L;
    private final List<Long> sleeps = new ArrayList<>();

    private VirtualClock clockAt(double speed) {
        return new VirtualClock(START, speed, () -> realNanos, millis -> {
            sleeps.add(millis);
            realNanos += millis * 1_000_000L;
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

        assertThat(sleeps).containsExactly(10_000L);
        assertThat(clock.millis()).isEqualTo(START + 660_000);
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
