package org.no3rr.station.packaged;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The packaged station ({@code station/target/quarkus-app}) as a separate process that a test or
 * a benchmark can start, talk to over HTTP and kill with SIGKILL, as a power cut or a crash would.
 */
public final class StationProcess {

    /** From the station module (tests) or from the repository root (benchmarks). */
    private static final Path APP = Files.exists(Path.of("target/quarkus-app/quarkus-run.jar"))
            ? Path.of("target/quarkus-app/quarkus-run.jar") : Path.of("station/target/quarkus-app/quarkus-run.jar");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path dataDir;
    private final int port;
    private final List<String> options;
    private Process process;
    private int starts;

    public StationProcess(Path dataDir, int port, List<String> options) {
        this.dataDir = dataDir;
        this.port = port;
        this.options = List.copyOf(options);
    }

    public static boolean packaged() {
        return Files.exists(APP);
    }

    /** Starts the station and waits (at most 60 s) until its health check answers UP. */
    public void start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx256m",
                "-Dquarkus.http.port=" + port, "-Dstation.data-dir=" + dataDir));
        command.addAll(options);
        command.addAll(List.of("-jar", APP.toAbsolutePath().toString()));
        starts++;
        Files.createDirectories(dataDir);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log(starts).toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the station exited with " + process.exitValue() + "; see " + log(starts));
            }
            if (healthy()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the station did not become healthy within 60 s; see " + log(starts));
    }

    /** SIGKILL: no shutdown hook, no flush — what a power cut leaves behind. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    public Path log(int start) {
        return dataDir.resolveSibling("station-start-" + start + ".log");
    }

    public int starts() {
        return starts;
    }

    /** The station's process id, for jcmd. */
    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    public int port() {
        return port;
    }

    public String get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public String post(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private String send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request.header("Authorization", "Bearer " + token())
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    private boolean healthy() throws InterruptedException {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/q/health/live"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Opens the live stream with the station's token; the caller reads its lines. */
    public HttpResponse<Stream<String>> stream(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token())
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
    }

    public String token() throws IOException {
        return Files.readString(dataDir.resolve("access-token"), StandardCharsets.US_ASCII).trim();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
