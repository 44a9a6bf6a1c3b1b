package org.no3rr.station.lab;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * Debian's Mosquitto ({@code /usr/sbin/mosquitto}, installed by .ci/run) as a child process on a loopback
 * port, without persistence: a restart forgets every retained message, as a broker that lost its disk would.
 */
public final class MosquittoBroker implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/sbin/mosquitto");
    /** USER_HZ of Linux on every architecture the station runs on. */
    private static final int CLOCK_TICKS_PER_SECOND = 100;

    private final int port;
    private final Path config;
    private Process process;

    public MosquittoBroker(int port) throws IOException {
        this.port = port;
        this.config = Files.createTempFile("mosquitto-", ".conf");
        Files.writeString(config, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n"
                + "log_type error\n");
    }

    public int port() {
        return port;
    }

    public void start() throws IOException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: apt-get install mosquitto (.ci/run does)");
        }
        process = new ProcessBuilder(BINARY.toString(), "-c", config.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(this::listening);
    }

    public void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor();
            process = null;
        }
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
                throw new IllegalStateException("mosquitto exited with " + process.exitValue());
            }
            return false;
        }
    }

    @Override
    public void close() throws Exception {
        stop();
        Files.deleteIfExists(config);
    }
}
