package org.no3rr.station.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.no3rr.station.config.StationConfig;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Limits failed logins per client address: after {@code maxFailures} failures within the window,
 * that address is refused — right token or not — until its oldest failure leaves the window.
 * Guessing a 256-bit token is hopeless anyway; this keeps a script from hammering the Pi.
 */
@ApplicationScoped
public class LoginRateLimiter {

    private static final int MAX_TRACKED_ADDRESSES = 10_000;

    private final Map<String, Deque<Long>> failures = new HashMap<>();
    private final LongSupplier clock;
    private final int maxFailures;
    private final long windowMillis;

    @Inject
    public LoginRateLimiter(StationConfig config) {
        this(System::currentTimeMillis, config.security().maxFailedLogins(),
                config.security().failedLoginWindow().toMillis());
    }

    LoginRateLimiter(LongSupplier clock, int maxFailures, long windowMillis) {
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.windowMillis = windowMillis;
    }

    /** Milliseconds until the address may try again, or 0 if it may try now. */
    public synchronized long blockedForMillis(String address) {
        Deque<Long> recent = prune(address);
        if (recent == null || recent.size() < maxFailures) {
            return 0;
        }
        return recent.peekFirst() + windowMillis - clock.getAsLong();
    }

    public synchronized void recordFailure(String address) {
        if (failures.size() >= MAX_TRACKED_ADDRESSES && !failures.containsKey(address)) {
            List.copyOf(failures.keySet()).forEach(this::prune);
        }
        failures.computeIfAbsent(address, key -> new ArrayDeque<>()).addLast(clock.getAsLong());
    }

    private Deque<Long> prune(String address) {
        Deque<Long> recent = failures.get(address);
        if (recent == null) {
            return null;
        }
        long oldestAllowed = clock.getAsLong() - windowMillis;
        while (!recent.isEmpty() && recent.peekFirst() <= oldestAllowed) {
            recent.removeFirst();
        }
        if (recent.isEmpty()) {
            failures.remove(address);
            return null;
        }
        return recent;
    }
}
