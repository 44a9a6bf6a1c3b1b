package org.no3rr.station.security;

/**
 * A browser session as the station keeps it: the hash of its id (the id itself is only ever in the
 * cookie), its role, the fingerprint of the token it was made with, and when it began and was last used.
 * It ends at whichever comes first: {@code idleMillis} after its last use or {@code lifetimeMillis}
 * after it began, used or not.
 */
record Session(String idHash, Role role, String tokenFingerprint, long createdMs, long lastUsedMs) {

    long expiresAtMs(long idleMillis, long lifetimeMillis) {
        return Math.min(lastUsedMs + idleMillis, createdMs + lifetimeMillis);
    }

    boolean validAt(long nowMs, long idleMillis, long lifetimeMillis) {
        return nowMs < expiresAtMs(idleMillis, lifetimeMillis);
    }

    Session usedAt(long nowMs) {
        return new Session(idHash, role, tokenFingerprint, createdMs, Math.max(lastUsedMs, nowMs));
    }
}
