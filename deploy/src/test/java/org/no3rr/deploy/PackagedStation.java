package org.no3rr.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The station started from an unpacked package the way its systemd unit starts it: the unit's own
 * ExecStart command line in its WorkingDirectory, with the package's paths moved under the unpacked root,
 * and the data directory and ports overridden (system properties rank above the packaged configuration).
 * The HTTPS certificate is made as postinst makes it, by the package's no3rr-station-certificate, under
 * the unpacked root.
 */
final class PackagedStation implements AutoCloseable {

    static final Duration START_LIMIT = Duration.ofSeconds(60);
    private static final Pattern HEALTH_UP = Pattern.compile("^\\{\\s*\"status\"\\s*:\\s*\"UP\"");

    /** The file the station writes its access token to on first start, in its data directory. */
    static final String TOKEN_FILE = "access-token";

    private final Process process;
    private final int port;
    private int sslPort;
    private final Path dataDir;
    private final Path log;
    private Duration startTime;

    private PackagedStation(Process process, int port, Path dataDir, Path log) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
        this.log = log;
    }

    /** Starts the station and returns once /q/health answers UP; fails after {@link #START_LIMIT}. */
    static PackagedStation start(Path root, Path dataDir, String... extraProperties) {
        int port = freePort();
        int sslPort = freePort();
        Path tls = makeCertificate(root);
        List<String> command = new ArrayList<>();
        List<String> execStart = execStart(root);
        command.add(execStart.get(0));
        command.add("-Dstation.data-dir=" + dataDir);
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.http.ssl-port=" + sslPort);
        command.add("-Dquarkus.http.ssl.certificate.files=" + tls.resolve("station.crt"));
        command.add("-Dquarkus.http.ssl.certificate.key-files=" + tls.resolve("station.key"));
        command.addAll(Arrays.asList(extraProperties));
        command.addAll(execStart.subList(1, execStart.size()));
        try {
            Path log = Files.createTempFile("station", ".log");
            long started = System.nanoTime();
            Process process = new ProcessBuilder(command).directory(workingDirectory(root).toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            PackagedStation station = new PackagedStation(process, port, dataDir, log);
            station.sslPort = sslPort;
            station.startTime = station.awaitHealthy(started);
            return station;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the package's no3rr-station-certificate as postinst does; returns the directory it wrote to. */
    static Path makeCertificate(Path root) {
        RequiredTool.require("openssl", "openssl");
        Command.check(root.resolve("usr/sbin/no3rr-station-certificate").toString(), "--if-missing");
        return root.resolve("etc/no3rr-station/tls");
    }

    /** The unit's WorkingDirectory=, under {@code root}: where Quarkus finds config/application.properties. */
    static Path workingDirectory(Path root) {
        return root.resolve(unitValue(root, "WorkingDirectory").substring(1));
    }

    private static String unitValue(Path root, String key) {
        Path unit = root.resolve("usr/lib/systemd/system/no3rr-station.service");
        try {
            return Files.readAllLines(unit).stream().filter(l -> l.startsWith(key + "=")).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + key + "= in " + unit)).substring(key.length() + 1).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The unit's ExecStart= split into words, with the package's paths moved under {@code root}. */
    static List<String> execStart(Path root) {
        List<String> words = new ArrayList<>();
        for (String word : unitValue(root, "ExecStart").split("\\s+")) {
            words.add(word.replaceFirst("^/usr/share/", root + "/usr/share/"));
        }
        return words;
    }

    URI uri(String path) {
        return URI.create(url() + path);
    }

    /** The HTTPS address, with the certificate made for this machine. */
    URI httpsUri(String path) {
        return URI.create("https://127.0.0.1:" + sslPort + path);
    }

    /** The address the station listens on, as the backup script's NO3RR_STATION_URL. */
    String url() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * The access token, read as a client on the Pi reads it: from {@code <data-dir>/access-token}, which
     * the station writes on its first start (so it is there once /q/health answered).
     */
    String accessToken() {
        try {
            return Files.readString(dataDir.resolve(TOKEN_FILE)).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("no access token in " + dataDir + "\n" + log(), e);
        }
    }

    /** A request to the station's API that carries its access token, as every /api request must. */
    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + accessToken());
    }

    /** From process start to the first /q/health that answered UP. */
    Duration startTime() {
        return startTime;
    }

    /** Stops the station as systemd does (SIGTERM) and returns its exit code. */
    int stop() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("the station did not stop within 30 s of SIGTERM\n" + log());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return process.exitValue();
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Duration awaitHealthy(long startedNanos) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(uri("/q/health")).timeout(Duration.ofSeconds(5)).build();
        long deadline = startedNanos + START_LIMIT.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the station exited with " + process.exitValue() + " before it was healthy\n" + log());
            }
            try {
                HttpResponse<String> response = client.send(health, HttpResponse.BodyHandlers.ofString());
                last = response.statusCode() + " " + response.body();
                // Plain HTTP answers a moment before HTTPS listens; Quarkus logs "started" once both do.
                if (response.statusCode() == 200 && HEALTH_UP.matcher(response.body()).find() && log().contains(" started in ")) {
                    return Duration.ofNanos(System.nanoTime() - startedNanos);
                }
            } catch (IOException notListeningYet) {
                last = notListeningYet.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            pause();
        }
        String log = log();
        close();
        throw new AssertionError("/q/health did not answer UP within " + START_LIMIT + "; last: " + last + "\n" + log);
    }

    /** The poll interval; the loop ends as soon as the station answers, not after a fixed time. */
    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
