package org.no3rr.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** The package's contents alone start a working station with the packaged configuration. */
class PackagedStationIT {

    @Test
    void stationFromTheUnpackedPackageAnswersHealthUpAndStopsCleanly(@TempDir Path root, @TempDir Path dataDir)
            throws Exception {
        BuiltPackage.unpack(root);

        try (PackagedStation station = PackagedStation.start(root, dataDir)) {
            System.out.printf("station from the unpacked package healthy after %d ms%n", station.startTime().toMillis());

            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> channels = client.send(station.request("/api/channels").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(channels.statusCode()).as(channels.body()).isEqualTo(200);
            // The simulated backend's four default channels: the packaged configuration needs no hardware.
            assertThat(channels.body()).contains("\"ch1\"", "\"ch2\"", "\"ch3\"", "\"ch4\"");
            assertThat(dataDir.resolve("station.mv.db")).isRegularFile();

            // The first start wrote the access token into the data directory, readable by its user only;
            // without it the API refuses, while health stays open for monitoring.
            assertThat(Files.getPosixFilePermissions(dataDir.resolve(PackagedStation.TOKEN_FILE)))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(station.uri("/api/channels")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).as(anonymous.body()).isEqualTo(401);
            assertThat(anonymous.body()).doesNotContain(station.accessToken());
            assertThat(client.send(HttpRequest.newBuilder(station.uri("/q/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

            // 143 = 128 + SIGTERM: the unit's SuccessExitStatus=143 counts exactly this as a clean stop.
            assertThat(station.stop()).as(station.log()).isEqualTo(143);
            assertThat(station.log()).contains("no3rr-station stopped");
        }
    }

    @Test
    void serviceReadsThePackagedConfigurationFileThroughItsWorkingDirectory(@TempDir Path root, @TempDir Path dataDir)
            throws Exception {
        BuiltPackage.unpack(root);
        // As an admin would edit /etc/no3rr-station/application.properties: one H-cell channel only.
        Files.writeString(root.resolve("etc/no3rr-station/application.properties"), "station.channels=h-cell\n",
                StandardOpenOption.APPEND);

        try (PackagedStation station = PackagedStation.start(root, dataDir)) {
            HttpResponse<String> channels = HttpClient.newHttpClient().send(station.request("/api/channels").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(channels.statusCode()).as(channels.body()).isEqualTo(200);
            assertThat(channels.body()).contains("\"ch1\"").doesNotContain("\"ch2\"");
            // The -D overrides still rank above the file: the data (and the access token with it) went to
            // the test's directory, not /var/lib.
            assertThat(dataDir.resolve("station.mv.db")).isRegularFile();
            assertThat(dataDir.resolve(PackagedStation.TOKEN_FILE)).isRegularFile();
        }
    }
}
