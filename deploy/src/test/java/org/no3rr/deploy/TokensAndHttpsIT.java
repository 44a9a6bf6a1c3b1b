package org.no3rr.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package's HTTPS and its token command against the packaged station: HTTPS answers with the
 * certificate the package made (trusted as a phone would after accepting it once) and its session cookie
 * is Secure; {@code no3rr-station-token rotate} replaces a token with the station running (through its
 * API) and stopped (in the file), and either way the old token and its sessions are refused.
 */
class TokensAndHttpsIT {

    @Test
    void httpsServesTheStationWithThePackagesCertificateAndSecureCookies(@TempDir Path root, @TempDir Path data)
            throws Exception {
        BuiltPackage.unpack(root);
        try (PackagedStation station = PackagedStation.start(root, data)) {
            HttpClient https = HttpClient.newBuilder().sslContext(trusting(root.resolve("etc/no3rr-station/tls/station.crt")))
                    .build();
            assertThat(https.send(HttpRequest.newBuilder(station.httpsUri("/q/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

            HttpResponse<String> secure = https.send(login(station.httpsUri("/api/login"), station.accessToken()),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(secure.statusCode()).as(secure.body()).isEqualTo(200);
            assertThat(secure.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
                    .contains("HttpOnly", "SameSite=Strict", "Secure"));

            HttpResponse<String> plain = HttpClient.newHttpClient().send(login(station.uri("/api/login"),
                    station.accessToken()), HttpResponse.BodyHandlers.ofString());
            assertThat(plain.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
                    .contains("HttpOnly").doesNotContain("Secure"));
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("etc/no3rr-station/tls/station.key"))))
                .startsWith("rw-").endsWith("---");
    }

    @Test
    void rotatingATokenOnlineAndOfflineRefusesTheOldOneAndItsSessions(@TempDir Path root, @TempDir Path data)
            throws Exception {
        BuiltPackage.unpack(root);
        HttpClient http = HttpClient.newHttpClient();
        String oldViewer;
        String operatorSession;
        String oldOperator;
        try (PackagedStation station = PackagedStation.start(root, data)) {
            oldViewer = Files.readString(data.resolve("viewer-token")).trim();
            oldOperator = station.accessToken();
            operatorSession = http.send(login(station.uri("/api/login"), oldOperator), HttpResponse.BodyHandlers.ofString())
                    .headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];

            Command.Result online = token(root, data, station.url(), "rotate", "viewer");
            assertThat(online.exitCode()).as(online.describe() + station.log()).isZero();
            String newViewer = online.stdout().trim();
            assertThat(newViewer).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(oldViewer);
            assertThat(online.stderr()).contains("rotated the viewer token; its sessions have ended");
            assertThat(status(http, station, "Bearer " + oldViewer)).isEqualTo(401);
            assertThat(status(http, station, "Bearer " + newViewer)).isEqualTo(200);
            assertThat(token(root, data, station.url(), "show", "viewer").stdout().trim()).isEqualTo(newViewer);
            assertThat(station.stop()).isEqualTo(143);
        }

        Command.Result offline = token(root, data, "http://127.0.0.1:" + PackagedStation.freePort(), "rotate", "operator");
        assertThat(offline.exitCode()).as(offline.describe()).isZero();
        String newOperator = offline.stdout().trim();
        assertThat(newOperator).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(oldOperator);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("access-token"))))
                .isEqualTo("rw-------");

        try (PackagedStation station = PackagedStation.start(root, data)) {
            assertThat(status(http, station, "Bearer " + oldOperator)).isEqualTo(401);
            assertThat(http.send(HttpRequest.newBuilder(station.uri("/api/runs")).header("Cookie", operatorSession).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
            assertThat(status(http, station, "Bearer " + newOperator)).isEqualTo(200);
        }
    }

    private static int status(HttpClient http, PackagedStation station, String authorization) throws Exception {
        return http.send(HttpRequest.newBuilder(station.uri("/api/runs")).header("Authorization", authorization).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static HttpRequest login(java.net.URI uri, String token) {
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + token + "\"}")).build();
    }

    private static Command.Result token(Path root, Path data, String url, String action, String role) {
        Map<String, String> env = new HashMap<>();
        env.put("STATION_DATA_DIR", data.toString());
        env.put("NO3RR_STATION_URL", url);
        env.put("NO3RR_STATION_USER", System.getProperty("user.name"));
        return Command.run(Duration.ofSeconds(60), env, root.resolve("usr/sbin/no3rr-station-token").toString(), action, role);
    }

    /** What a phone has after accepting the self-signed certificate once: trust in that certificate. */
    private static SSLContext trusting(Path certificate) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            store.setCertificateEntry("station", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
