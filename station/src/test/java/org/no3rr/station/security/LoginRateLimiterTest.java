package org.no3rr.station.security;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The rate limiter's window, on a clock the test moves. */
class LoginRateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final LoginRateLimiter limiter = new LoginRateLimiter(now::get, 3, 60_000);

    @Test
    void blocksAfterTheLimitUntilTheOldestFailureLeavesTheWindow() {
        limiter.recordFailure("10.0.0.7");
        now.addAndGet(10_000);
        limiter.recordFailure("10.0.0.7");
        limiter.recordFailure("10.0.0.7");
        assertThat(limiter.blockedForMillis("10.0.0.7")).isEqualTo(50_000); // first failure at t0 leaves at t0+60 s
        assertThat(limiter.blockedForMillis("10.0.0.8")).isZero();

        now.addAndGet(50_000);
        assertThat(limiter.blockedForMillis("10.0.0.7")).isZero();
    }

    @Test
    void fewerFailuresThanTheLimitNeverBlock() {
        limiter.recordFailure("10.0.0.9");
        limiter.recordFailure("10.0.0.9");
        assertThat(limiter.blockedForMillis("10.0.0.9")).isZero();
    }
}
