package org.no3rr.station.packaged;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * The attack that used to take the station down, against the packaged station with a small heap
 * (-Xmx128m, serial GC, exit on OutOfMemoryError as the systemd unit runs it): from one address, 150
 * connections at a time POST to the open login, each declaring a body of 1,000,000 bytes, sending most
 * of it and never finishing; with them 30 connections that send a login body just under its limit and
 * stall. For 20 s, on loopback only. Meanwhile a run records, {@code /q/health} is asked every 200 ms
 * over a new connection, and halfway through the heap is measured after a full GC. The station must
 * not run out of memory, keep its heap under 75 % of its maximum, answer every health check within
 * 1 s, and keep storing samples. And the slow-head attack (slowloris) from another address: connections
 * that dribble their request heads are held only up to the address's ceiling, and each only until the
 * head timeout, while the phone is answered.
 */
class HttpFloodIT {

    private static final int MEGABYTE_FLOODERS = 150;
    private static final int STALLING_FLOODERS = 30;
    private static final Duration FLOOD = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Another machine on the lab network, as far as the station can tell: the researcher's phone. */
    private static final String PHONE = "127.0.0.2";
    /** A third machine: a lab PC whose client misbehaves. */
    private static final String LAB_PC = "127.0.0.3";

    private final Path temp = Path.of("target/flood-test/" + System.currentTimeMillis());
    private StationProcess station;

    @AfterEach
    void stopTheStation() throws InterruptedException {
        if (station != null) {
            station.stop();
        }
    }

    @Test
    void aSlowBodyFloodLeavesTheHeapLowHealthAnsweringAndTheRunRecording() throws Exception {
        if (System.getenv("CI") == null) {
            assumeThat(StationProcess.packaged()).as("station/target/quarkus-app (run ./mvnw package)").isTrue();
        }
        int port = freePort();
        station = new StationProcess(temp.resolve("data"), port, List.of("-Xmx128m", "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError"));
        station.start();
        String token = station.token();
        long run = JSON.readTree(request(port, "POST", "/api/runs", token, "{\"channel\":\"ch1\",\"protocol\":"
                + "\"Discharge at 1 mA/cm2 for 2 h\",\"cell\":{\"areaCm2\":1.0}}")).get("id").asLong();
        long samplesBefore = samplesStored(port, token, run);

        long deadline = System.nanoTime() + FLOOD.toNanos();
        AtomicInteger connections = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ScheduledExecutorService flood = Executors.newScheduledThreadPool(MEGABYTE_FLOODERS + STALLING_FLOODERS + 1);
        for (int i = 0; i < MEGABYTE_FLOODERS; i++) {
            flood.scheduleWithFixedDelay(() -> attack(port, 1_000_000, 999_900, deadline, connections, refused),
                    i, 100, TimeUnit.MILLISECONDS);
        }
        for (int i = 0; i < STALLING_FLOODERS; i++) {
            flood.scheduleWithFixedDelay(() -> attack(port, 4000, 3999, deadline, connections, refused),
                    i, 100, TimeUnit.MILLISECONDS);
        }
        ConcurrentLinkedQueue<Long> healthMillis = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> healthFailures = new ConcurrentLinkedQueue<>();
        flood.scheduleAtFixedRate(() -> probeHealth(port, deadline, healthMillis, healthFailures), 0, 200,
                TimeUnit.MILLISECONDS);

        flood.schedule(() -> { }, FLOOD.toMillis() / 2, TimeUnit.MILLISECONDS).get();
        double[] heap = heapAfterFullGc(port, token);
        long samplesMidway = samplesStored(port, token, run);
        flood.schedule(() -> { }, Math.max(0, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS).get();
        flood.shutdownNow();
        assertThat(flood.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        long samplesAfter = samplesStored(port, token, run);

        String log = Files.readString(station.log(1));
        System.out.printf("flood: %d connections, %d refused at once; heap after full GC %.1f of %.1f MB; "
                        + "health max %d ms over %d checks; samples %d -> %d -> %d%n", connections.get(), refused.get(),
                heap[0] / 1e6, heap[1] / 1e6, healthMillis.stream().mapToLong(Long::longValue).max().orElse(-1),
                healthMillis.size(), samplesBefore, samplesMidway, samplesAfter);
        assertThat(station.alive()).as("the station survived").isTrue();
        assertThat(log).doesNotContain("OutOfMemoryError");
        assertThat(connections.get()).as("the flood really ran").isGreaterThan(MEGABYTE_FLOODERS * 5);
        assertThat(heap[0] / heap[1]).as("heap used after a full GC, as a fraction of its maximum").isLessThan(0.75);
        assertThat(healthFailures).as("health checks that failed").isEmpty();
        assertThat(healthMillis).hasSizeGreaterThan(50).allMatch(ms -> ms < 1000);
        assertThat(samplesMidway).isGreaterThan(samplesBefore);
        assertThat(samplesAfter).isGreaterThan(samplesMidway);
    }

    @Test
    void aPcDribblingRequestHeadsHoldsOnlyItsShareOfConnectionsEachForAtMostTheHeadTimeout() throws Exception {
        if (System.getenv("CI") == null) {
            assumeThat(StationProcess.packaged()).as("station/target/quarkus-app (run ./mvnw package)").isTrue();
        }
        int port = freePort();
        // Started as `java -jar`, without -Dio.netty.bootstrap.extensions: the station's main sets it.
        station = new StationProcess(temp.resolve("data"), port, List.of("-Dstation.security.head-timeout=5s"));
        station.start();
        String token = station.token();
        int ceiling = 2 * 24; // twice station.security.max-connections-per-address, at its default

        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < ceiling + 52; i++) {
                Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(LAB_PC), 0);
                socket.getOutputStream().write("GET /api/channels HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                slow.add(socket);
            }
            // Beyond the ceiling, closed as they open; the rest held until the head timeout.
            await().atMost(Duration.ofSeconds(3)).until(() -> slow.stream().filter(HttpFloodIT::closedByPeer).count() >= 52);
            assertThat(slow.stream().filter(HttpFloodIT::closedByPeer).count()).as("closed before the head timeout")
                    .isEqualTo(52);
            assertThat(request(port, "GET", "/api/channels", token, null)).as("the phone, meanwhile").contains("ch1");
            // A byte every 200 ms never lets a connection fall silent; the head timeout closes them all the same.
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> slow.stream()
                    .allMatch(socket -> dribble(socket) || closedByPeer(socket)));
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    /** Sends one more byte of the head; true if the connection turned out to be closed. */
    private static boolean dribble(Socket socket) {
        try {
            socket.getOutputStream().write('X');
            return false;
        } catch (IOException closed) {
            return true;
        }
    }

    /** True once the station has closed the connection: a read finds its end (or a reset) at once. */
    private static boolean closedByPeer(Socket socket) {
        try {
            socket.setSoTimeout(1);
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException open) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    /** One flooding connection: declares a body, sends most of it, never finishes, holds on until closed. */
    private static void attack(int port, long declared, int sent, long deadline, AtomicInteger connections,
                               AtomicInteger refused) {
        if (System.nanoTime() > deadline) {
            return;
        }
        try (Socket socket = new Socket("127.0.0.1", port)) {
            connections.incrementAndGet();
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/login HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + declared + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[16 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'a');
            try {
                for (int written = 0; written < sent && System.nanoTime() < deadline; written += chunk.length) {
                    out.write(chunk, 0, Math.min(chunk.length, sent - written));
                }
            } catch (IOException closedByTheStation) {
                refused.incrementAndGet();
                return;
            }
            socket.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            InputStream in = socket.getInputStream();
            if (in.read() >= 0) {
                refused.incrementAndGet();
            }
        } catch (SocketTimeoutException heldUntilTheEnd) {
            // the connection was kept until the flood ended
        } catch (IOException reset) {
            refused.incrementAndGet();
        }
    }

    private static void probeHealth(int port, long deadline, ConcurrentLinkedQueue<Long> millis,
                                    ConcurrentLinkedQueue<String> failures) {
        if (System.nanoTime() > deadline) {
            return;
        }
        long started = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(1000);
            socket.getOutputStream().write(("GET /q/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            if (!answer.startsWith("HTTP/1.1 200") || !answer.contains("\"UP\"")) {
                failures.add(answer.lines().findFirst().orElse("(empty)"));
            }
            millis.add((System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            failures.add(e.toString());
        }
    }

    /** Used and maximum heap in bytes, from the station's metrics, right after jcmd made it collect fully. */
    private double[] heapAfterFullGc(int port, String token) throws Exception {
        Process gc = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(station.pid()), "GC.run").redirectErrorStream(true).start();
        assertThat(gc.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String metrics = request(port, "GET", "/q/metrics", token, null);
        return new double[] {sum(metrics, "jvm_memory_used_bytes"), sum(metrics, "jvm_memory_max_bytes")};
    }

    private static double sum(String metrics, String name) {
        Matcher lines = Pattern.compile("(?m)^" + name + "\\{[^}]*area=\"heap\"[^}]*} ([0-9.E+-]+)$").matcher(metrics);
        double total = 0;
        int found = 0;
        while (lines.find()) {
            double value = Double.parseDouble(lines.group(1));
            total += Math.max(0, value);
            found++;
        }
        assertThat(found).as(name + " in /q/metrics").isPositive();
        return total;
    }

    private static long samplesStored(int port, String token, long run) throws IOException {
        return JSON.readTree(request(port, "GET", "/api/runs/" + run, token, null)).get("samplesStored").asLong();
    }

    /** A request from the phone's address over a connection of its own; returns the body of a 2xx answer. */
    private static String request(int port, String method, String path, String token, String json) throws IOException {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(PHONE), 0)) {
            socket.setSoTimeout(10_000);
            byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
            socket.getOutputStream().write((method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nAuthorization: Bearer " + token + "\r\nConnection: close\r\n"
                    + (json == null ? "" : "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n")
                    + "\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            // One char per byte, so chunk sizes count right; the body is decoded as UTF-8 at the end.
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            String head = answer.substring(0, answer.indexOf("\r\n\r\n"));
            assertThat(head).as(method + " " + path).matches("(?s)HTTP/1.1 2\\d\\d .*");
            String payload = answer.substring(head.length() + 4);
            String bytes = head.toLowerCase().contains("transfer-encoding: chunked") ? unchunk(payload) : payload;
            return new String(bytes.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        }
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
