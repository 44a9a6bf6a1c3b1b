package org.no3rr.station.hardware;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One small text file per simulated channel ({@code <data-dir>/simulator/ch1.cell}, …), replaced
 * atomically: written beside it, then renamed over it, so a crash leaves the old snapshot or the new
 * one, never part of one. Not forced: on ext4 (the default {@code auto_da_alloc}) a file renamed over
 * another has its data on the disk before the rename is, so a power cut too leaves the old one or the
 * new one — only a few seconds older than a forced write would — while a forced write and rename cost
 * the disk ≈ 12 KB of file-system journal each, four of them in the minute runs start
 * (docs/storage.md, write rate). A snapshot older than the samples is made up for by replaying
 * their currents ({@code StoredCurrentReplay}).
 */
final class SimulatedCellFiles {

    private final Path directory;

    SimulatedCellFiles(Path directory) {
        this.directory = directory;
    }

    Path file(String channelId) {
        return directory.resolve(channelId + ".cell");
    }

    Optional<String> read(String channelId) throws IOException {
        Path file = file(channelId);
        return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
    }

    void write(String channelId, String text) throws IOException {
        Files.createDirectories(directory);
        Path temporary = directory.resolve(channelId + ".cell.tmp");
        try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
        }
        Files.move(temporary, file(channelId), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
