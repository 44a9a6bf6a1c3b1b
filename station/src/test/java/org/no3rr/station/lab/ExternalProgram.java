package org.no3rr.station.lab;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Runs Debian's server programs for the lab tests: as a given user when the tests run as root, with a time limit. */
final class ExternalProgram {

    static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private ExternalProgram() {
    }

    /**
     * Skips the test on a developer's machine without the program, and fails it in CI (CI=true), where
     * .ci/run installs it: a server test that silently skips tests nothing.
     */
    static void require(Path program, String debianPackage) {
        if (Files.isExecutable(program)) {
            return;
        }
        String message = program + " is missing; install it with: apt-get install -y " + debianPackage;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message);
        }
        assumeTrue(false, message);
    }

    /** The command as {@code user} when running as root (PostgreSQL refuses to run as root), else as is. */
    static List<String> as(String user, List<String> command) {
        List<String> full = new ArrayList<>();
        if (ROOT && user != null) {
            full.addAll(List.of("runuser", "-u", user, "--"));
        }
        full.addAll(command);
        return full;
    }

    /** Runs the command to its end (at most two minutes); its output goes to {@code log}. */
    static void run(List<String> command, Path log) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not end within 2 min; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue()
                        + ":\n" + Files.readString(log));
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    /** A directory a server running as {@code user} can own. */
    static Path directoryFor(String user, String prefix) throws IOException {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), prefix);
        if (ROOT && user != null) {
            run(List.of("chown", user + ":", dir.toString()), Path.of(File.separator + "dev", "null"));
        }
        return dir;
    }

    static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary directory: the system cleans /tmp eventually.
        }
    }
}
