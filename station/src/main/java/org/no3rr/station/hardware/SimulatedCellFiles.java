package org.no3rr.station.hardware;

import org.no3rr.station.store.staged.ZeroFill;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * One file per simulated channel ({@code <data-dir>/simulator/ch1.cell}, …) holding its cell's
 * snapshot text in two slots of a page each, written in turn over the older one, each with a
 * sequence number and a CRC-32C: a crash or a power cut that tears a write leaves the other slot,
 * the snapshot before. Not forced: a power cut may take the newest write, and the replay of the
 * stored samples' currents ({@code StoredCurrentReplay}) makes up for an older snapshot.
 *
 * <p>Why slots, not a new file renamed over the old: the file's blocks are overwritten in place, so a
 * write costs the disk its page and no file-system metadata; a new file and a rename cost ext4 an
 * inode, a directory entry and a journal commit — ≈ 60 kB at the device per write, as much as a
 * fold of samples (docs/storage.md, write rate).
 *
 * <p>A file of the earlier format (the text alone) is still read, until the first write replaces it.
 */
final class SimulatedCellFiles {

    static final int SLOT = 4096;
    private static final int MAGIC = 0x4E33_4345; // "N3CE"
    /** magic, sequence, length, CRC-32C of the sequence, length and text. */
    private static final int HEAD = 4 + 8 + 4 + 4;
    private static final String LEGACY_START = "format=";

    private final Path directory;
    /** Per channel, the sequence of the slot last written; read from the file before the first write. */
    private final Map<String, Long> sequences = new HashMap<>();

    SimulatedCellFiles(Path directory) {
        this.directory = directory;
    }

    Path file(String channelId) {
        return directory.resolve(channelId + ".cell");
    }

    /** The newest intact snapshot; empty if the channel has no file. */
    Optional<String> read(String channelId) throws IOException {
        Path file = file(channelId);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        byte[] bytes = Files.readAllBytes(file);
        Optional<Slot> newest = newest(bytes);
        if (newest.isPresent()) {
            return Optional.of(newest.get().text());
        }
        String legacy = legacyText(bytes);
        if (legacy != null) {
            return Optional.of(legacy);
        }
        throw new IOException("neither of its two slots holds an intact snapshot");
    }

    synchronized void write(String channelId, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > SLOT - HEAD) {
            throw new IOException("a snapshot of " + utf8.length + " bytes does not fit a slot of "
                    + (SLOT - HEAD) + " bytes");
        }
        Files.createDirectories(directory);
        Path file = file(channelId);
        long sequence = lastSequence(channelId, file) + 1;
        ByteBuffer slot = ByteBuffer.allocate(HEAD + utf8.length);
        slot.putInt(MAGIC).putLong(sequence).putInt(utf8.length).putInt(crc(sequence, utf8)).put(utf8).flip();
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            if (out.size() < 2 * SLOT) {
                // Both slots' pages on the disk from the first write on (the station's start): a
                // later write into a page the file lacks would cost the file system an allocation.
                ZeroFill.fill(out, out.size(), 2 * SLOT);
            }
            long position = (sequence % 2) * SLOT;
            while (slot.hasRemaining()) {
                position += out.write(slot, position);
            }
        }
        sequences.put(channelId, sequence);
    }

    private long lastSequence(String channelId, Path file) throws IOException {
        Long known = sequences.get(channelId);
        if (known != null) {
            return known;
        }
        // An unreadable file or one of the earlier format: start at slot 1, so its first page (an
        // earlier format's text) stays readable until a write has succeeded.
        return Files.exists(file) ? newest(Files.readAllBytes(file)).map(Slot::sequence).orElse(0L) : 0L;
    }

    private record Slot(long sequence, String text) {
    }

    private static Optional<Slot> newest(byte[] file) {
        Optional<Slot> newest = Optional.empty();
        for (int at = 0; at + HEAD <= file.length && at < 2 * SLOT; at += SLOT) {
            Optional<Slot> slot = slotAt(file, at);
            if (slot.isPresent() && (newest.isEmpty() || slot.get().sequence() > newest.get().sequence())) {
                newest = slot;
            }
        }
        return newest;
    }

    private static Optional<Slot> slotAt(byte[] file, int at) {
        ByteBuffer head = ByteBuffer.wrap(file, at, HEAD);
        if (head.getInt() != MAGIC) {
            return Optional.empty();
        }
        long sequence = head.getLong();
        int length = head.getInt();
        int crc = head.getInt();
        if (length < 0 || length > SLOT - HEAD || at + HEAD + length > file.length) {
            return Optional.empty();
        }
        byte[] text = Arrays.copyOfRange(file, at + HEAD, at + HEAD + length);
        return crc(sequence, text) == crc
                ? Optional.of(new Slot(sequence, new String(text, StandardCharsets.UTF_8)))
                : Optional.empty();
    }

    /** The earlier format: the snapshot's text alone, which begins with its format line. */
    private static String legacyText(byte[] file) {
        String text = new String(file, 0, Math.min(file.length, SLOT), StandardCharsets.UTF_8);
        int end = text.indexOf('\0');
        text = end < 0 ? text : text.substring(0, end);
        return text.startsWith(LEGACY_START) ? text : null;
    }

    private static int crc(long sequence, byte[] text) {
        CRC32C crc = new CRC32C();
        crc.update(ByteBuffer.allocate(12).putLong(sequence).putInt(text.length).flip());
        crc.update(text);
        return (int) crc.getValue();
    }
}
