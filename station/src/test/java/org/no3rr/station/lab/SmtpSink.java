package org.no3rr.station.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * A real SMTP server on loopback: Debian's {@code python3-aiosmtpd} (installed by .ci/run) with its Mailbox
 * handler, which files each message it accepts in a maildir the test reads.
 */
public final class SmtpSink implements AutoCloseable {

    private static final Path PYTHON = Path.of("/usr/bin/python3");

    private final Path maildir;
    private final Process process;

    public SmtpSink(int port) throws IOException {
        maildir = Files.createTempDirectory("smtp-sink-");
        process = new ProcessBuilder(PYTHON.toString(), "-m", "aiosmtpd", "-n", "-l", "127.0.0.1:" + port,
                "-c", "aiosmtpd.handlers.Mailbox", maildir.resolve("box").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("aiosmtpd exited with " + process.exitValue()
                        + ": apt-get install python3-aiosmtpd (.ci/run does)");
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return true;
            } catch (IOException e) {
                return false;
            }
        });
    }

    /** Every message received so far, as its raw text. */
    public List<String> messages() {
        Path received = maildir.resolve("box").resolve("new");
        if (!Files.isDirectory(received)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(received)) {
            return files.sorted().map(SmtpSink::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
