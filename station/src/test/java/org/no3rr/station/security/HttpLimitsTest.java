package org.no3rr.station.security;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The station's HTTP door is bounded by design: each route's body limit is enforced from the declared
 * length before a byte is read, chunked bodies are refused, overlong URIs and heads get the API's JSON
 * error, one address may hold only so many connections, and a body that does not arrive in time
 * closes its connection.
 */
@QuarkusTest
@TestProfile(HttpLimitsTest.SmallLimits.class)
class HttpLimitsTest {

    /**
     * Three connections per address and three seconds for a body, so the limits show quickly; with one
     * second a loaded CI machine could cut the stalled connections off before the fourth was answered.
     */
    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("station.security.max-connections-per-address", "3",
                    "station.security.body-read-timeout", "3s");
        }
    }

    private static final String LOOPBACK = "127.0.0.1";

    @TestHTTPResource("/")
    URL base;

    @Inject
    HttpGuard guard;

    @Test
    void aLoginDeclaringAMegabyteIsRefusedBeforeItsBodyIsReadAndItsConnectionClosed() {
        try (RawHttp http = new RawHttp(base)) {
            RawHttp.Answer answer = http.send(head("POST", "/api/login", "Content-Type: application/json\r\n"
                    + "Content-Length: 1000000\r\n") + "{\"token\":\"").answer();

            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.headers()).containsEntry("content-type", "application/json").containsEntry("connection", "close");
            assertThat(answer.body()).isEqualTo("{\"status\":413,\"error\":\"POST /api/login accepts a body of at most 4 KiB; "
                    + "this one declares 1000000 bytes\",\"field\":\"Content-Length\",\"details\":[]}");
            await().atMost(Duration.ofSeconds(5)).until(http::closedByServer);
        }
    }

    @Test
    void eachRouteHasItsOwnBodyLimit() {
        assertThat(declaring("POST", "/api/runs", 2 * 1024 * 1024).body())
                .contains("POST /api/runs accepts a body of at most 1 MiB; this one declares 2097152 bytes");
        assertThat(declaring("POST", "/api/runs/1/pause", 20_000).body())
                .contains("POST /api/runs/1/pause accepts a body of at most 16 KiB");
        assertThat(declaring("POST", "/api/runs/1/readings", 70_000).body())
                .contains("POST /api/runs/1/readings accepts a body of at most 64 KiB");
        assertThat(declaring("GET", "/api/runs", 5_000).body())
                .contains("GET /api/runs accepts a body of at most 1 KiB");
    }

    @Test
    void aChunkedBodyIsRefusedWith411() {
        try (RawHttp http = new RawHttp(base)) {
            RawHttp.Answer answer = http.send(head("POST", "/api/login", "Content-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n") + "5\r\n{\"tok\r\n").answer();
            assertThat(answer.status()).isEqualTo(411);
            assertThat(answer.body()).contains("\"error\":\"POST /api/login must send its body with a Content-Length "
                    + "(Transfer-Encoding 'chunked' is not accepted), of at most 4 KiB\"");
        }
    }

    @Test
    void anOverlongUriAndOversizedHeadersGetTheJsonError() {
        try (RawHttp http = new RawHttp(base)) {
            RawHttp.Answer answer = http.send(head("GET", "/api/runs?x=" + "a".repeat(5000), "")).answer();
            assertThat(answer.status()).isEqualTo(414);
            assertThat(answer.body()).contains("\"status\":414,\"error\":\"the request URI has 5012 characters; "
                    + "at most 4096 are allowed\",\"field\":\"uri\"");
        }
        try (RawHttp http = new RawHttp(base)) {
            RawHttp.Answer answer = http.send(head("GET", "/api/runs", "X-Padding: " + "b".repeat(20_000) + "\r\n")).answer();
            assertThat(answer.status()).isEqualTo(431);
            assertThat(answer.body()).contains("\"status\":431,\"error\":\"the request headers take ")
                    .contains("bytes; at most 16384 are allowed\",\"field\":\"headers\"");
        }
    }

    @Test
    void anAddressHoldsAtMostThreeConnectionsHealthChecksExceptedAndStalledBodiesAreCutOff() {
        List<RawHttp> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                stalled.add(new RawHttp(base).send(head("POST", "/api/login", "Content-Type: application/json\r\n"
                        + "Content-Length: 100\r\n") + "{\"tok"));
            }
            // The three stalled logins are in (counted, on either event loop) before the fourth comes: else
            // the fourth could be counted before the third, which would then be the one refused.
            await().atMost(Duration.ofSeconds(2)).until(() -> guard.openConnectionsFrom(LOOPBACK) == 3);
            try (RawHttp fourth = new RawHttp(base)) {
                RawHttp.Answer answer = fourth.send(head("GET", "/api/channels", "")).answer();
                assertThat(answer.status()).isEqualTo(429);
                assertThat(answer.headers()).containsEntry("retry-after", "5");
                assertThat(answer.body()).contains("connections open to the station; at most 3 are allowed per address");
            }
            try (RawHttp health = new RawHttp(base)) {
                assertThat(health.send(head("GET", "/q/health/live", "")).answer().status()).isEqualTo(200);
            }
            // Three seconds for a body: the stalled connections are closed by the station, and the address is free again.
            await().atMost(Duration.ofSeconds(15)).until(() -> stalled.stream().allMatch(RawHttp::closedByServer));
            try (RawHttp again = new RawHttp(base)) {
                assertThat(again.send(head("GET", "/api/channels", "")).answer().status()).isEqualTo(401);
            }
        } finally {
            stalled.forEach(RawHttp::close);
        }
    }

    private RawHttp.Answer declaring(String method, String path, long length) {
        try (RawHttp http = new RawHttp(base)) {
            RawHttp.Answer answer = http.send(head(method, path, "Content-Type: application/json\r\nContent-Length: "
                    + length + "\r\n")).answer();
            assertThat(answer.status()).as(method + " " + path).isEqualTo(413);
            return answer;
        }
    }

    private String head(String method, String target, String headers) {
        return method + " " + target + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\n" + headers + "\r\n";
    }
}
