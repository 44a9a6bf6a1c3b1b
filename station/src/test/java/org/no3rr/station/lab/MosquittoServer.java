package org.no3rr.station.lab;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private Mosquitto for a test ({@code mosquitto -p PORT}, loopback only, no persistence, so a restart
 * forgets retained messages as a broker replaced by an empty one would), which the test can stop and start,
 * and {@code mosquitto_pub} to publish as a station would.
 */
public final class MosquittoServer implements AutoCloseable {

    private static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");
    private static final Path PUB = Path.of("/usr/bin/mosquitto_pub");

    private final int port;
    private final Path log;
    private Process process;

    private MosquittoServer(int port, Path log) {
        this.port = port;
        this.log = log;
    }

    public static MosquittoServer create() throws IOException {
        ExternalProgram.require(MOSQUITTO, "mosquitto");
        ExternalProgram.require(PUB, "mosquitto-clients");
        MosquittoServer server = new MosquittoServer(ExternalProgram.freePort(),
                java.nio.file.Files.createTempFile("no3rr-mosquitto-", ".log"));
        server.start();
        return server;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Starts the broker and waits (at most 10 s) until it accepts connections. */
    public void start() {
        try {
            process = new ProcessBuilder(MOSQUITTO.toString(), "-p", Integer.toString(port)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                try (Socket ignored = new Socket("127.0.0.1", port)) {
                    return;
                } catch (IOException notYet) {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("mosquitto exited; see " + log);
                    }
                    TimeUnit.MILLISECONDS.sleep(20);
                }
            }
            throw new IllegalStateException("mosquitto did not listen on " + port + " within 10 s; see " + log);
        } catch (IOException e) {
            throw new IllegalStateException("could not start mosquitto", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the broker as a crash or a reboot would: every client's connection is cut. */
    public void stop() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
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

    @Override
    public void close() {
        stop();
        log.toFile().delete();
    }
}
