package org.no3rr.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs an external command to completion with a time limit, keeping what it printed. */
final class Command {

    /** What a finished command returned and printed. */
    record Result(List<String> command, int exitCode, String stdout, String stderr) {
        /** The command, its exit code and its output, for assertion messages. */
        String describe() {
            return String.join(" ", command) + " -> exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    private Command() {
    }

    static Result run(Duration timeout, Map<String, String> environment, String... command) {
        return run(timeout, environment, List.of(command));
    }

    static Result run(Duration timeout, Map<String, String> environment, List<String> command) {
        try {
            // Output goes to files, not pipes: a chatty command can never block on a full pipe.
            Path out = Files.createTempFile("cmd-out", ".txt");
            Path err = Files.createTempFile("cmd-err", ".txt");
            try {
                ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
                        .redirectOutput(out.toFile()).redirectError(err.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor();
                    throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout
                            + "\n" + Files.readString(out) + Files.readString(err));
                }
                return new Result(List.copyOf(command), process.exitValue(), Files.readString(out), Files.readString(err));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError("could not run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + String.join(" ", command), e);
        }
    }

    /** Runs a command that must succeed, and returns its standard output. */
    static String check(String... command) {
        Result result = run(Duration.ofSeconds(60), Map.of(), command);
        if (result.exitCode() != 0) {
            throw new AssertionError(result.describe());
        }
        return result.stdout();
    }
}
