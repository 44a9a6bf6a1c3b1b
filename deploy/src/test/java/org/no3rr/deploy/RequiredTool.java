package org.no3rr.deploy;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A tool the deploy tests need from a Debian package. CI installs them all (.ci/run), so there a missing
 * tool fails the test; on a developer's machine the test is skipped with the command that installs it.
 */
final class RequiredTool {

    private RequiredTool() {
    }

    /** Returns the tool's path, or fails (CI=true) or skips the calling test. */
    static Path require(String tool, String debianPackage) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String message = tool + " is not installed: apt-get install -y --no-install-recommends " + debianPackage;
        if ("true".equals(System.getenv("CI"))) {
            fail(message + " (CI must install it: see .ci/run)");
        }
        Assumptions.abort(message);
        throw new IllegalStateException("unreachable");
    }
}
