package org.no3rr.station.store.staged;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ZeroFillTest {

    private static final Path THREAD_IO = Path.of("/proc/thread-self/io");

    @Test
    void zerosTheRangeAndKeepsWhatComesBefore() throws IOException {
        Path file = Files.createTempFile("zero-fill", ".bin");
        try (FileChannel channel = open(file)) {
            channel.write(ByteBuffer.wrap(new byte[] {7, 8, 9}), 0);
            ZeroFill.fill(channel, 3, 10_000);
            byte[] expected = new byte[10_000];
            expected[0] = 7;
            expected[1] = 8;
            expected[2] = 9;
            assertArrayEquals(expected, Files.readAllBytes(file));
        } finally {
            Files.delete(file);
        }
    }

    /**
     * The reason the class exists: after a fill, a small write and a force are charged to the
     * process as the one page they dirty, not as the whole fill (with one 256 kB write of zeros, this
     * kernel's large folios charge 262,144 bytes for it). Linux only, on a file system that counts
     * writes (tmpfs does not); the directory is the build's own, not the system's temporary one.
     */
    @Test
    void aSmallWriteAfterAFillIsChargedAsOnePage() throws IOException {
        assumeTrue(Files.isReadable(THREAD_IO), "no per-thread I/O accounting here");
        Path dir = Files.createDirectories(Path.of("target", "zero-fill"));
        Path file = dir.resolve("filled");
        try (FileChannel channel = open(file)) {
            ZeroFill.fill(channel, 0, 256 << 10);
            channel.force(true);
            long before = chargedToThisThread();
            channel.write(ByteBuffer.wrap(new byte[300]), 100_000);
            channel.force(false);
            long charged = chargedToThisThread() - before;
            assumeTrue(charged > 0, "this file system does not charge writes to the writer");
            assertEquals(ZeroFill.PAGE, charged);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static FileChannel open(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE);
    }

    private static long chargedToThisThread() throws IOException {
        return Files.readAllLines(THREAD_IO).stream()
                .filter(line -> line.startsWith("write_bytes:"))
                .mapToLong(line -> Long.parseLong(line.substring("write_bytes:".length()).trim()))
                .findFirst().orElseThrow();
    }
}
