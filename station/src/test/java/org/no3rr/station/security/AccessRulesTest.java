package org.no3rr.station.security;

import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which routes need a token, what a viewer may do, and each route's body limit, by method and path alone. */
class AccessRulesTest {

    @Test
    void theApiMetricsAndApiDescriptionNeedCredentialsThePageHealthAndLoginDoNot() {
        assertThat(AccessRules.needsCredentials("/api/runs")).isTrue();
        assertThat(AccessRules.needsCredentials("/api/logout")).isTrue();
        assertThat(AccessRules.needsCredentials("/q/metrics")).isTrue();
        assertThat(AccessRules.needsCredentials("/q/openapi")).isTrue();
        assertThat(AccessRules.needsCredentials("/api/login")).isFalse();
        assertThat(AccessRules.needsCredentials("/q/health")).isFalse();
        assertThat(AccessRules.needsCredentials("/q/health/ready")).isFalse();
        assertThat(AccessRules.needsCredentials("/q/healthy")).isTrue();
        assertThat(AccessRules.needsCredentials("/")).isFalse();
        assertThat(AccessRules.needsCredentials("/js/main.js")).isFalse();
    }

    @Test
    void aViewerReadsAndLogsOutOnly() {
        assertThat(AccessRules.viewerMay(HttpMethod.GET, "/api/runs/7/export")).isTrue();
        assertThat(AccessRules.viewerMay(HttpMethod.HEAD, "/api/channels")).isTrue();
        assertThat(AccessRules.viewerMay(HttpMethod.POST, "/api/logout")).isTrue();
        assertThat(AccessRules.viewerMay(HttpMethod.POST, "/api/runs/7/pause")).isFalse();
        assertThat(AccessRules.viewerMay(HttpMethod.POST, "/api/protocols/validate")).isTrue();
        assertThat(AccessRules.viewerMay(HttpMethod.POST, "/api/protocols/outline")).isTrue();
        assertThat(AccessRules.viewerMay(HttpMethod.POST, "/api/protocols")).isFalse();
        assertThat(AccessRules.viewerMay(HttpMethod.DELETE, "/api/protocols/3")).isFalse();
        assertThat(AccessRules.viewerMay(HttpMethod.PUT, "/api/logout")).isFalse();
    }

    @Test
    void eachRouteHasTheBodyLimitItsContentNeeds() {
        assertThat(AccessRules.bodyLimit(HttpMethod.POST, "/api/login")).isEqualTo(4 * 1024);
        assertThat(AccessRules.bodyLimit(HttpMethod.POST, "/api/runs/7/pause")).isEqualTo(16 * 1024);
        assertThat(AccessRules.bodyLimit(HttpMethod.POST, "/api/runs/7/answer")).isEqualTo(16 * 1024);
        assertThat(AccessRules.bodyLimit(HttpMethod.DELETE, "/api/protocols/3")).isEqualTo(16 * 1024);
        assertThat(AccessRules.bodyLimit(HttpMethod.POST, "/api/runs/7/readings")).isEqualTo(64 * 1024);
        assertThat(AccessRules.bodyLimit(HttpMethod.POST, "/api/calibrations")).isEqualTo(64 * 1024);
        assertThat(AccessRules.bodyLimit(HttpMethod.POST, "/api/channels/ch1/calibration/current/points")).isEqualTo(64 * 1024);
        assertThat(AccessRules.bodyLimit(HttpMethod.POST, "/api/runs")).isEqualTo(1024 * 1024);
        assertThat(AccessRules.bodyLimit(HttpMethod.PUT, "/api/protocols/3")).isEqualTo(1024 * 1024);
        assertThat(AccessRules.bodyLimit(HttpMethod.POST, "/api/protocols/validate")).isEqualTo(1024 * 1024);
        assertThat(AccessRules.bodyLimit(HttpMethod.GET, "/api/runs")).isEqualTo(1024);
        assertThat(AccessRules.describe(16 * 1024)).isEqualTo("16 KiB");
        assertThat(AccessRules.describe(1024 * 1024)).isEqualTo("1 MiB");
        assertThat(AccessRules.describe(1000)).isEqualTo("1000 bytes");
    }

    @Test
    void originsCompareBySchemeHostAndPortWithDefaultPortsSpeltOut() {
        assertThat(SameOriginCheck.normalise("http://Pi.local")).isEqualTo("http://pi.local:80");
        assertThat(SameOriginCheck.normalise("https://pi.local")).isEqualTo("https://pi.local:443");
        assertThat(SameOriginCheck.normalise("http://pi.local:8081")).isEqualTo("http://pi.local:8081");
        assertThat(SameOriginCheck.normalise("null")).isEqualTo("opaque:null");
    }

    @Test
    void aLocationBecomesAPathAndCachingFollowsWhatIsServed() {
        assertThat(SecurityHeaders.relative("http://evil.example:666/api/runs/7?x=1")).isEqualTo("/api/runs/7?x=1");
        assertThat(SecurityHeaders.relative("/api/runs/7")).isEqualTo("/api/runs/7");
        assertThat(SecurityHeaders.cacheControl("/index.html", "public, immutable, max-age=86400")).isEqualTo("no-cache");
        assertThat(SecurityHeaders.cacheControl("/webjars/chart.js/4.5.1/dist/chart.umd.js", "public, immutable, max-age=86400"))
                .isEqualTo("public, immutable, max-age=86400");
        assertThat(SecurityHeaders.cacheControl("/api/runs", null)).isEqualTo("no-store");
    }

    @Test
    void aSessionEndsAtItsIdleTimeoutOrItsLifetimeWhicheverComesFirst() {
        long day = 86_400_000L;
        Session session = new Session("hash", Role.VIEWER, "fp", 0, 0);
        assertThat(session.expiresAtMs(7 * day, 30 * day)).isEqualTo(7 * day);
        assertThat(session.usedAt(25 * day).expiresAtMs(7 * day, 30 * day)).isEqualTo(30 * day);
        assertThat(session.usedAt(25 * day).validAt(30 * day - 1, 7 * day, 30 * day)).isTrue();
        assertThat(session.usedAt(25 * day).validAt(30 * day, 7 * day, 30 * day)).isFalse();
    }
}
