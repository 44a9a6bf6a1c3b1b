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
 * atomically: written beside it, forced to disk, then renamed over it, so a crash or a power cut
 * leaves the old snapshot or the new one, never part of one.
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
            out.force(true);
        }
        Files.move(temporary, file(channelId), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
