package org.no3rr.station.security;

/**
 * The session cookie as {@code Set-Cookie} values: HttpOnly so no script reads it, SameSite=Strict so
 * no other site's page sends it, and {@code Secure} when the station is reached over HTTPS, so the
 * browser never sends it back over plain HTTP.
 */
final class SessionCookies {

    private SessionCookies() {
    }

    static String issued(String sessionId, long maxAgeSeconds, boolean secure) {
        return value(sessionId, maxAgeSeconds, secure);
    }

    static String cleared(boolean secure) {
        return value("", 0, secure);
    }

    private static String value(String value, long maxAgeSeconds, boolean secure) {
        return Authenticator.SESSION_COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "");
    }
}
