package org.no3rr.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;

/** The package's contents alone start a working station with the packaged configuration. */
class PackagedStationIT {

    @Test
    void stationFromTheUnpackedPackageAnswersHealthUpAndStopsCleanly(@TempDir Path root, @TempDir Path dataDir)
            throws Exception {
        BuiltPackage.unpack(root);

        try (PackagedStation station = PackagedStation.start(root, dataDir)) {
            System.out.printf("station from the unpacked package healthy after %d ms%n", station.startTime().toMillis());

            HttpResponse<String> channels = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(station.uri("/api/channels")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(channels.statusCode()).isEqualTo(200);
            // The simulated backend's four default channels: the packaged configuration needs no hardware.
            assertThat(channels.body()).contains("\"ch1\"", "\"ch2\"", "\"ch3\"", "\"ch4\"");
            assertThat(dataDir.resolve("station.mv.db")).isRegularFile();

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
            HttpResponse<String> channels = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(station.uri("/api/channels")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(channels.body()).contains("\"ch1\"").doesNotContain("\"ch2\"");
            // The -D overrides still rank above the file: the data went to the test's directory, not /var/lib.
            assertThat(dataDir.resolve("station.mv.db")).isRegularFile();
        }
    }
}
