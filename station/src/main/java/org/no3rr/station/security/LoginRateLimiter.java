package org.no3rr.station.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.no3rr.station.config.StationConfig;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Limits failed logins per client address: after {@code maxFailures} failures within the window,
 * that address is refused — right token or not — until its oldest failure leaves the window. A
 * failure is a wrong token at login, a wrong bearer token, or a session cookie that is not (or no
 * longer) valid. The same wrong credential counts once per window: a phone whose cookie expired
 * sends it with several requests at once, a guesser needs new values. Guessing a 256-bit token or
 * session id is hopeless anyway; this keeps a script from hammering the Pi.
 */
@ApplicationScoped
public class LoginRateLimiter {

    private static final int MAX_TRACKED_ADDRESSES = 10_000;

    private record Failure(long atMs, String credential) {
    }

    private final Map<String, Deque<Failure>> failures = new HashMap<>();
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
        Deque<Failure> recent = prune(address);
        if (recent == null || recent.size() < maxFailures) {
            return 0;
        }
        return recent.peekFirst().atMs() + windowMillis - clock.getAsLong();
    }

    /** A failure that always counts. */
    public synchronized void recordFailure(String address) {
        record(address, null);
    }

    /** A failure with this wrong credential; the same credential again within the window adds nothing. */
    public synchronized void recordFailure(String address, String credential) {
        record(address, credential == null ? null : AccessToken.fingerprintOf(credential.getBytes(StandardCharsets.UTF_8)));
    }

    private void record(String address, String credentialFingerprint) {
        if (failures.size() >= MAX_TRACKED_ADDRESSES && !failures.containsKey(address)) {
            List.copyOf(failures.keySet()).forEach(this::prune);
        }
        Deque<Failure> recent = prune(address);
        if (credentialFingerprint != null && recent != null
                && recent.stream().anyMatch(f -> Objects.equals(f.credential(), credentialFingerprint))) {
            return;
        }
        failures.computeIfAbsent(address, key -> new ArrayDeque<>())
                .addLast(new Failure(clock.getAsLong(), credentialFingerprint));
    }

    private Deque<Failure> prune(String address) {
        Deque<Failure> recent = failures.get(address);
        if (recent == null) {
            return null;
        }
        long oldestAllowed = clock.getAsLong() - windowMillis;
        while (!recent.isEmpty() && recent.peekFirst().atMs() <= oldestAllowed) {
            recent.removeFirst();
        }
        if (recent.isEmpty()) {
            failures.remove(address);
            return null;
        }
        return recent;
    }
}
