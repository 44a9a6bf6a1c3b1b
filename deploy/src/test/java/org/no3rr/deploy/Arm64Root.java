package org.no3rr.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * An arm64 Debian bookworm root — the Raspberry Pi's userland — built once with debootstrap and kept
 * in a cache directory, so later runs only mount it. Its programs run under qemu-user through the
 * kernel's binfmt_misc.
 *
 * <p>Needs root (debootstrap, chroot, mount), debootstrap, and qemu-user-static registered for
 * aarch64 in a mounted binfmt_misc. CI has them all (.ci/run installs and mounts them) and fails
 * without them; elsewhere the test is skipped with what is missing.
 */
final class Arm64Root {

    /** Packages in the root besides minbase: the Java runtime the package runs on, and curl its backup script needs. */
    static final String INCLUDE = "openjdk-17-jre-headless,curl";
    static final String SUITE = "bookworm";
    static final Path BINFMT = Path.of("/proc/sys/fs/binfmt_misc/qemu-aarch64");
    private static final Duration DEBOOTSTRAP_LIMIT = Duration.ofMinutes(20);

    private Arm64Root() {
    }

    /**
     * The cached root ({@code no3rr.arm64.root}, default {@code ~/.cache/no3rr-station/debian-bookworm-arm64-openjdk17-curl}),
     * created first if missing (about 5 minutes and 500 MB, once).
     */
    static Path cached() {
        requirePlatform();
        Path root = Path.of(System.getProperty("no3rr.arm64.root",
                Path.of(System.getProperty("user.home"), ".cache", "no3rr-station",
                        "debian-bookworm-arm64-openjdk17-curl").toString()));
        try {
            Files.createDirectories(root.getParent());
            try (FileChannel lockFile = FileChannel.open(root.resolveSibling(root.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lockFile.lock()) {
                if (!Files.isExecutable(root.resolve("usr/bin/java"))) {
                    build(root);
                }
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void build(Path root) throws IOException {
        Path partial = root.resolveSibling(root.getFileName() + ".partial");
        if (Files.exists(partial)) {
            Command.check("rm", "-rf", "--one-file-system", partial.toString());
        }
        String mirror = mirror();
        long started = System.nanoTime();
        Command.Result result = Command.run(DEBOOTSTRAP_LIMIT, Map.of(), "debootstrap", "--arch=arm64", "--variant=minbase",
                "--include=" + INCLUDE, SUITE, partial.toString(), mirror);
        if (result.exitCode() != 0) {
            throw new AssertionError("debootstrap of the arm64 root failed\n" + result.describe());
        }
        Files.move(partial, root);
        System.out.printf("arm64 root built with debootstrap from %s in %d s: %s%n", mirror,
                (System.nanoTime() - started) / 1_000_000_000L, root);
    }

    /** The machine's own Debian mirror, from /etc/apt/sources.list and sources.list.d (security suites left out). */
    static String mirror() {
        List<Path> files = new ArrayList<>();
        files.add(Path.of("/etc/apt/sources.list"));
        try (Stream<Path> listed = Files.list(Path.of("/etc/apt/sources.list.d"))) {
            listed.filter(f -> f.toString().endsWith(".sources") || f.toString().endsWith(".list")).sorted().forEach(files::add);
        } catch (IOException e) {
            // no sources.list.d: sources.list alone
        }
        for (Path file : files) {
            if (!Files.isReadable(file)) {
                continue;
            }
            try {
                for (String line : Files.readAllLines(file)) {
                    String uri = uriOf(line.trim());
                    if (uri != null && uri.contains("debian") && !uri.contains("security")) {
                        return uri;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return "http://deb.debian.org/debian";
    }

    /** The URI of a deb822 "URIs:" line or a one-line "deb [options] URI suite …" entry, else null. */
    private static String uriOf(String line) {
        if (line.startsWith("URIs:")) {
            return line.substring(5).trim().split("\\s+")[0];
        }
        if (line.startsWith("deb ")) {
            for (String word : line.substring(4).trim().replaceFirst("^\\[[^]]*]\\s*", "").split("\\s+")) {
                return word;
            }
        }
        return null;
    }

    private static void requirePlatform() {
        List<String> missing = new ArrayList<>();
        if (!isRoot()) {
            missing.add("root (debootstrap, chroot and mount need it)");
        }
        for (String tool : List.of("debootstrap", "chroot", "mount", "umount")) {
            if (Stream.of(System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").split(":"))
                    .noneMatch(dir -> Files.isExecutable(Path.of(dir, tool)))) {
                missing.add(tool);
            }
        }
        if (!binfmtEnabled()) {
            missing.add("qemu-aarch64 in binfmt_misc (apt-get install qemu-user-static binfmt-support;"
                    + " mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc; update-binfmts --enable qemu-aarch64)");
        }
        if (missing.isEmpty()) {
            return;
        }
        String message = "the arm64 package test needs " + String.join(", ", missing);
        if ("true".equals(System.getenv("CI"))) {
            fail(message + " (CI must provide it: see .ci/run)");
        }
        Assumptions.abort(message);
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static boolean binfmtEnabled() {
        try {
            return Files.isReadable(BINFMT) && Files.readAllLines(BINFMT).stream().anyMatch("enabled"::equals);
        } catch (IOException e) {
            return false;
        }
    }
}
