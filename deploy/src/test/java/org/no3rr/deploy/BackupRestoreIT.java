package org.no3rr.deploy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * no3rr-station-backup and no3rr-station-restore, run from the unpacked package on a database the
 * packaged station itself wrote: two finished runs with their samples and events. The online backup
 * is made by the packaged station too, through its POST /api/admin/backup with its access token.
 */
class BackupRestoreIT {

    private static final String BACKUP_NAME = "station-\\d{8}-\\d{6}(-\\d+)?\\.zip";

    @TempDir
    static Path root;
    @TempDir
    static Path stationData;
    /** The runs of {@link #stationData}, as {@link StationDatabase#runs} lists them. */
    private static List<String> originalRuns;

    @BeforeAll
    static void recordTwoRunsWithThePackagedStation() throws Exception {
        BuiltPackage.unpack(root);
        try (PackagedStation station = PackagedStation.start(root, stationData, "-Dstation.simulation.speed=max")) {
            HttpClient client = HttpClient.newHttpClient();
            List<String> runs = new ArrayList<>();
            for (String channel : List.of("ch1", "ch2")) {
                HttpResponse<String> created = client.send(station.request("/api/runs")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"channel": "%s", "protocol": "Rest for 10 min\\nDischarge at 5 mA/cm2 until 0.8 V or 30 min",
                                 "cell": {"areaCm2": 1.0, "znMassG": 0.05}}""".formatted(channel))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                runs.add(created.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""));
            }
            for (String run : runs) {
                awaitFinished(client, station, run);
            }
            assertThat(station.stop()).isEqualTo(143);
        }
        originalRuns = StationDatabase.runs(StationDatabase.fileUrl(stationData));
        assertThat(originalRuns).hasSize(2).allMatch(run -> run.contains("| DONE |") && !run.contains("| 0 |"));
        assertThat(stationData.resolve(PackagedStation.TOKEN_FILE)).as("written on the station's first start").isRegularFile();
    }

    @Test
    void backupOfAStoppedStationHoldsTheSameRuns(@TempDir Path data, @TempDir Path dest) throws Exception {
        copy(stationData, data);

        Command.Result result = script("no3rr-station-backup", data, unusedUrl(), dest.toString());

        assertThat(result.exitCode()).as(result.describe()).isZero();
        Path zip = Path.of(result.stdout().trim());
        assertThat(zip.getParent()).isEqualTo(dest);
        assertThat(zip.getFileName().toString()).matches("station-\\d{8}-\\d{6}\\.zip");
        assertThat(result.stderr()).contains("the station is not running", "backup of 2 runs");
        assertThat(StationDatabase.runs(StationDatabase.zipUrl(zip))).isEqualTo(originalRuns);
    }

    @Test
    void backupOfARunningStationIsMadeByTheStationThroughItsBackupEndpoint(@TempDir Path data, @TempDir Path dest)
            throws Exception {
        copy(stationData, data);
        List<String> backedUp;
        try (PackagedStation station = PackagedStation.start(root, data)) {
            // The station holds the database open, and H2's file lock with it: only the station can copy it.
            // The script finds the token in the data directory it is pointed at, as on the Pi.
            Command.Result result = script("no3rr-station-backup", data, station.url(), dest.toString());

            assertThat(result.exitCode()).as(result.describe() + station.log()).isZero();
            assertThat(result.stderr()).contains("the station is running at " + station.url(),
                    "asking it for an online backup", "backup of 2 runs");
            Path zip = Path.of(result.stdout().trim());
            assertThat(zip.getParent()).isEqualTo(dest);
            assertThat(zip.getFileName().toString()).matches(BACKUP_NAME);
            assertThat(data.resolve("backups").resolve(zip.getFileName())).as("moved to the destination").doesNotExist();
            // Opened (read-only, in place) while the station keeps running.
            backedUp = StationDatabase.runs(StationDatabase.zipUrl(zip));
            assertThat(station.stop()).isEqualTo(143);
        }
        assertThat(backedUp).isEqualTo(StationDatabase.runs(StationDatabase.fileUrl(data))).isEqualTo(originalRuns);
    }

    @Test
    void runningStationThatRefusesTheBackupGetsNothingCopied(@TempDir Path data, @TempDir Path dest) throws Exception {
        copy(stationData, data);
        Path token = data.resolve(PackagedStation.TOKEN_FILE);
        try (PackagedStation station = PackagedStation.start(root, data)) {
            // The station read its token at start; the file now holds another one.
            Files.writeString(token, "not-the-station-token\n");

            Command.Result wrong = script("no3rr-station-backup", data, station.url(), dest.toString());

            assertThat(wrong.exitCode()).as(wrong.describe()).isEqualTo(1);
            assertThat(wrong.stderr()).contains("the station refused the backup (HTTP 401): " + token
                    + " does not hold its current access token", "Nothing was copied");
            assertThat(wrong.stdout()).isEmpty();

            Files.delete(token);

            Command.Result missing = script("no3rr-station-backup", data, station.url(), dest.toString());

            assertThat(missing.exitCode()).as(missing.describe()).isEqualTo(1);
            assertThat(missing.stderr()).contains("the station is running but there is no access token at " + token);
            assertThat(missing.stdout()).isEmpty();

            assertThat(fileNames(dest)).isEmpty();
            assertThat(data.resolve("backups")).as("the station wrote no backup").doesNotExist();
        }
    }

    @Test
    void backupRefusesADatabaseThatIsOpenWhenNoStationAnswers(@TempDir Path data, @TempDir Path dest) throws Exception {
        copy(stationData, data);
        try (Connection open = StationDatabase.open(StationDatabase.fileUrl(data))) {
            // A station that is still starting (or listens on another port) holds the file but answers nothing.
            Command.Result result = script("no3rr-station-backup", data, unusedUrl(), dest.toString());

            assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
            assertThat(result.stderr()).contains("H2 could not copy the database");
            assertThat(result.stdout()).isEmpty();
        }
    }

    @Test
    void restoreMovesTheCurrentDatabaseAsideAndPutsTheBackupInPlace(@TempDir Path data, @TempDir Path dest)
            throws Exception {
        copy(stationData, data);
        Command.Result backup = script("no3rr-station-backup", data, unusedUrl(), dest.toString());
        assertThat(backup.exitCode()).as(backup.describe()).isZero();
        // Work after the backup: a third run, which the restore must not lose silently.
        try (Connection connection = StationDatabase.open(StationDatabase.fileUrl(data));
             Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO run (channel_id, state, protocol_text, cell_json, hardware_json, software_version, created_ms)
                    VALUES ('ch3', 'DONE', 'Rest for 1 min', '{}', '{}', 'test', 0)""");
        }
        List<String> current = StationDatabase.runs(StationDatabase.fileUrl(data));
        assertThat(current).hasSize(3);

        Command.Result result = script("no3rr-station-restore", data, unusedUrl(), backup.stdout().trim());

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(StationDatabase.runs(StationDatabase.fileUrl(data))).isEqualTo(originalRuns);
        Path aside;
        try (Stream<Path> files = Files.list(data)) {
            aside = files.filter(p -> p.getFileName().toString().matches("replaced-\\d{8}-\\d{6}")).findFirst()
                    .orElseThrow(() -> new AssertionError("no replaced-<time> directory in " + data));
        }
        assertThat(StationDatabase.runs(StationDatabase.fileUrl(aside))).isEqualTo(current);
        assertThat(result.stderr()).contains("holds 2 runs", "the database it replaces is kept in " + aside);
    }

    @Test
    void restoreRefusesAFileThatIsNotABackupAndTouchesNothing(@TempDir Path data, @TempDir Path dest) throws Exception {
        copy(stationData, data);
        Path notABackup = Files.writeString(dest.resolve("notes.zip"), "not a zip");
        List<String> before = fileNames(data);

        Command.Result result = script("no3rr-station-restore", data, unusedUrl(), notABackup.toString());

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
        assertThat(result.stderr()).contains("is not a readable station database backup");
        assertThat(fileNames(data)).as("nothing moved aside, nothing added").isEqualTo(before);
        assertThat(StationDatabase.runs(StationDatabase.fileUrl(data))).isEqualTo(originalRuns);
    }

    /** Runs a packaged script as root would, pointed at a test data directory and station address. */
    private static Command.Result script(String name, Path data, String stationUrl, String argument) {
        Map<String, String> env = new HashMap<>();
        env.put("STATION_DATA_DIR", data.toString());
        env.put("NO3RR_STATION_URL", stationUrl);
        env.put("NO3RR_STATION_USER", System.getProperty("user.name"));
        return Command.run(Duration.ofSeconds(60), env, root.resolve("usr/sbin/" + name).toString(), argument);
    }

    /** An address where nothing listens: the station is stopped. */
    private static String unusedUrl() {
        return "http://127.0.0.1:" + PackagedStation.freePort();
    }

    private static List<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    private static void awaitFinished(HttpClient client, PackagedStation station, String run) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String body = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = client.send(station.request(run).build(), HttpResponse.BodyHandlers.ofString());
            body = response.body();
            assertThat(response.statusCode()).as(body).isEqualTo(200);
            if (body.matches("(?s).*\"state\"\\s*:\\s*\"(DONE|FAULTED|STOPPED|INTERRUPTED)\".*")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(run + " did not finish within 60 s: " + body);
    }
}
