package org.no3rr.station.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * Debian's Mosquitto ({@code /usr/sbin/mosquitto}, installed by .ci/run) as a child process on a loopback
 * port, without persistence: a restart forgets every retained message, as a broker that lost its disk would.
 * The test can stop it (politely or as a crash would) and start it again, and publish through
 * {@code mosquitto_pub} as a station would. Its output goes to a log file that errors name.
 */
public final class MosquittoBroker implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/sbin/mosquitto");
    private static final Path PUB = Path.of("/usr/bin/mosquitto_pub");
    /** USER_HZ of Linux on every architecture the station runs on. */
    private static final int CLOCK_TICKS_PER_SECOND = 100;

    private final int port;
    private final Path config;
    private final Path log;
    private Process process;

    /** A broker for {@code port}, not started yet. */
    public MosquittoBroker(int port) throws IOException {
        this.port = port;
        this.config = Files.createTempFile("mosquitto-", ".conf");
        this.log = Files.createTempFile("no3rr-mosquitto-", ".log");
        Files.writeString(config, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n"
                + "max_packet_size 65536\nlog_type error\n");
    }

    /**
     * A broker on a free port, started, with {@code mosquitto_pub} at hand; the test is skipped where
     * either program is missing, and fails in CI.
     */
    public static MosquittoBroker create() throws IOException {
        ExternalProgram.require(PUB, "mosquitto-clients");
        MosquittoBroker broker = new MosquittoBroker(ExternalProgram.freePort());
        broker.start();
        return broker;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Starts the broker and waits (at most 10 s) until it accepts connections. */
    public void start() {
        ExternalProgram.require(BINARY, "mosquitto");
        try {
            process = new ProcessBuilder(BINARY.toString(), "-c", config.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start mosquitto", e);
        }
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(this::listening);
    }

    /** Stops the broker the way a service stop would. */
    public void stop() {
        end(false);
    }

    /** Stops the broker as a crash or a power cut would: every client's connection is cut. */
    public void crash() {
        end(true);
    }

    private void end(boolean forcibly) {
        if (process == null) {
            return;
        }
        if (forcibly) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Publishes as a station does: QoS 1, retained when asked; an empty payload clears a retained topic. */
    public void publish(String topic, String payload, boolean retained) {
        List<String> command = new ArrayList<>(List.of(PUB.toString(), "-h", "127.0.0.1", "-p",
                Integer.toString(port), "-q", "1", "-t", topic));
        if (payload.isEmpty()) {
            command.add("-n");
        } else {
            command.addAll(List.of("-m", payload));
        }
        if (retained) {
            command.add("-r");
        }
        ExternalProgram.run(command, log);
    }

    /** CPU time the broker has used so far (user + system), in seconds, from /proc: for benchmarks. */
    public double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // Fields 14 (utime) and 15 (stime) of proc(5), counted from 1 with pid and comm before ')'.
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS_PER_SECOND;
    }

    private boolean listening() {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mosquitto exited with " + process.exitValue() + "; see " + log);
            }
            return false;
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Files.deleteIfExists(config);
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
