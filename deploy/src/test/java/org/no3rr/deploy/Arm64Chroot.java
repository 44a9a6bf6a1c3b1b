package org.no3rr.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A throw-away copy of the cached arm64 root: an overlay whose lower layer is the cache (never
 * written) and whose upper layer is the test's scratch directory, so installing a package costs
 * seconds and leaves the cache as it was. Programs run in it with chroot.
 *
 * <p>Its /proc looks like a Raspberry Pi's: a small tmpfs holding {@code device-tree/model} (where
 * Pi4J's board detection reads the model) and links to the kernel's proc, mounted at /.host-proc,
 * for everything else ({@code /proc/self}, {@code cpuinfo}, …). procfs itself cannot hold the file.
 */
final class Arm64Chroot implements AutoCloseable {

    /** What a Raspberry Pi 4's /proc/device-tree/model holds (NUL-terminated, as the kernel writes it). */
    static final String PI_MODEL = "Raspberry Pi 4 Model B Rev 1.5";

    private final Path root;
    private final Deque<Path> mounts = new ArrayDeque<>();

    private Arm64Chroot(Path root) {
        this.root = root;
    }

    static Arm64Chroot mount(Path cache, Path scratch) {
        Path root = scratch.resolve("root");
        Arm64Chroot chroot = new Arm64Chroot(root);
        try {
            Files.createDirectories(root);
            Files.createDirectories(scratch.resolve("upper"));
            Files.createDirectories(scratch.resolve("work"));
            chroot.mountOn(root, "-t", "overlay", "overlay", "-o", "lowerdir=" + cache + ",upperdir=" + scratch.resolve("upper")
                    + ",workdir=" + scratch.resolve("work"));
            Path hostProc = root.resolve(".host-proc");
            Files.createDirectories(hostProc);
            chroot.mountOn(hostProc, "-t", "proc", "proc");
            chroot.mountOn(root.resolve("proc"), "-t", "tmpfs", "-o", "size=1m,mode=0555", "tmpfs");
            try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
                for (Path entry : entries.toList()) {
                    String name = entry.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        Files.createSymbolicLink(root.resolve("proc").resolve(name), Path.of("/.host-proc", name));
                    }
                }
            }
            Files.createDirectories(root.resolve("proc/device-tree"));
            Files.writeString(root.resolve("proc/device-tree/model"), PI_MODEL + "\0");
            return chroot;
        } catch (IOException e) {
            chroot.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            chroot.close();
            throw e;
        }
    }

    Path root() {
        return root;
    }

    /** Runs a command in the root to completion. */
    Command.Result run(Duration timeout, String... command) {
        List<String> words = new ArrayList<>(List.of("chroot", root.toString()));
        words.addAll(List.of(command));
        return Command.run(timeout, Map.of(), words);
    }

    /** Starts a command in the root as {@code user}, in {@code directory}, its output into {@code log}. */
    Process start(String user, String directory, Path log, List<String> command) {
        List<String> words = new ArrayList<>(List.of("chroot", "--userspec=" + user + ":" + user, root.toString(),
                "/bin/sh", "-c", "cd " + directory + " && exec \"$@\"", "sh"));
        words.addAll(command);
        try {
            return new ProcessBuilder(words).redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void mountOn(Path target, String... options) {
        List<String> words = new ArrayList<>(List.of("mount"));
        words.addAll(List.of(options));
        words.add(target.toString());
        Command.Result result = Command.run(Duration.ofSeconds(30), Map.of(), words);
        if (result.exitCode() != 0) {
            throw new AssertionError("could not mount " + target + "\n" + result.describe());
        }
        mounts.push(target);
    }

    /** Unmounts everything, innermost first; lazily if a mount is still busy. */
    @Override
    public void close() {
        while (!mounts.isEmpty()) {
            Path target = mounts.pop();
            if (Command.run(Duration.ofSeconds(30), Map.of(), "umount", target.toString()).exitCode() != 0) {
                Command.run(Duration.ofSeconds(30), Map.of(), "umount", "-l", target.toString());
            }
        }
    }
}
