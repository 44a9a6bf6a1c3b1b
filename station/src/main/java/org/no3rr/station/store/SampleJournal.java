package org.no3rr.station.store;

import org.h2.store.fs.FilePath;
import org.no3rr.station.store.staged.ZeroFill;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

import static org.no3rr.station.store.Varints.getVarint;
import static org.no3rr.station.store.Varints.getVarlong;
import static org.no3rr.station.store.Varints.putVarint;
import static org.no3rr.station.store.Varints.putVarlong;

/**
 * The samples of each run that are not yet in a block of the database, on disk: one record per
 * writer batch, appended to a file of fixed size and forced to the disk once a second. A batch
 * costs one small write; a second's batches share one synced page (docs/storage.md).
 *
 * <p>The file holds two areas of equal size; one is current. An area starts with a header sector
 * (magic, version, generation, CRC), then records: {@code int length, int CRC-32C, body}. The CRC
 * covers the generation and the body, so records left from an earlier generation, or torn by a
 * power cut, end the area. A body is {@code byte type}: {@link #SAMPLES} — {@code varlong marker}
 * (0, or the id of the database commit that must exist for the record to count), {@code varint}
 * shares, each {@code varlong run, varlong first seq, varint length +} the samples as a
 * {@link SampleBlockCodec} block, then the engine state after the last of them ({@link #STATE_NONE},
 * or {@link #STATE_ALONE} / {@link #STATE_AFTER_PREVIOUS}, varint length, deflated bytes: "after
 * previous" is deflated against the run's previous state in the area); or {@link #SNAPSHOT_END}.
 *
 * <p>When the current area is full, the open tails are written as a snapshot into the other area
 * under the next generation, closed by {@link #SNAPSHOT_END}, and forced; from then on that area
 * is current. A reader takes the area with the highest generation whose snapshot is complete, so a
 * power cut in the middle of the switch leaves the old area in charge. The file never grows, and
 * an SD card sees the same blocks rewritten. Files are opened through H2's {@link FilePath}, like
 * the database, so a test can put both on one simulated disk.
 */
final class SampleJournal implements AutoCloseable {

    static final int HEADER_BYTES = 512;
    private static final long MAGIC = 0x314A_5252_4E33_4F4EL; // "NO3NRRJ1" read little-endian
    private static final int VERSION = 1;
    private static final int RECORD_HEADER = 8;

    static final byte SAMPLES = 1;
    static final byte SNAPSHOT_END = 2;

    static final byte STATE_NONE = 0;
    static final byte STATE_ALONE = 1;
    static final byte STATE_AFTER_PREVIOUS = 2;

    /** Samples of one run in one record, and the engine state after the last of them. */
    record Share(long runId, SampleBlock samples, String engineState) {
    }

    /** A record as read back; {@code marker} 0 if it needs no database commit. */
    record Entry(long marker, List<Share> shares) {
    }

    private final FileChannel file;
    private final long area;
    private int current;
    private long generation;
    private long position = HEADER_BYTES;
    private boolean unforced;
    /** Per run, the last state written in the current area: what the next one is deflated against. */
    private final Map<Long, String> lastStates = new HashMap<>();

    private SampleJournal(FileChannel file, long area) {
        this.file = file;
        this.area = area;
    }

    /**
     * Opens the journal at {@code path} (an H2 file-system path), creating it at its full size if it
     * is not there; then call {@link #replay}.
     *
     * @param size bytes of the file, both areas with their headers; at least a few kB
     */
    static SampleJournal open(String path, long size) throws IOException {
        SampleJournal journal = new SampleJournal(FilePath.get(path).open("rw"), size / 2);
        if (journal.file.size() < 2 * journal.area) {
            journal.fillWithZeros(2 * journal.area);
        }
        return journal;
    }

    private void fillWithZeros(long size) throws IOException {
        ZeroFill.fill(file, file.size(), size);
        file.force(true);
    }

    /**
     * The records of the current area in order — its snapshot first — up to the first record that
     * is torn, cut short or left from an earlier generation. Empty for a new journal. Afterwards
     * the journal appends to that area.
     */
    List<Entry> replay() throws IOException {
        List<Entry> best = List.of();
        long bestGeneration = 0;
        for (int a = 0; a < 2; a++) {
            long g = readHeader(a);
            if (g == 0 || g <= bestGeneration) {
                continue;
            }
            generation = g;
            lastStates.clear();
            List<Entry> entries = new ArrayList<>();
            long end = readArea(a, entries);
            if (end >= 0) {
                best = entries;
                bestGeneration = g;
                current = a;
                position = end;
            }
        }
        generation = bestGeneration;
        if (bestGeneration == 0) {
            current = 1;
            startGeneration(List.of());
            return List.of();
        }
        lastStates.clear();
        readArea(current, new ArrayList<>());
        return best;
    }

    /** The generation in the area's header, or 0 if it is not a valid header. */
    private long readHeader(int a) throws IOException {
        ByteBuffer header = readAt(a * area, 24);
        long magic = header.getLong();
        int version = header.getInt();
        long g = header.getLong();
        int crc = header.getInt();
        return magic == MAGIC && version == VERSION && crc == headerCrc(header.array()) ? g : 0;
    }

    /**
     * Reads the area's valid records into {@code entries}, replaying engine states as it goes.
     *
     * @return where the valid records end, or −1 if the area's snapshot is not complete
     */
    private long readArea(int a, List<Entry> entries) throws IOException {
        long at = a * area + HEADER_BYTES;
        long end = (a + 1) * area;
        boolean snapshotComplete = false;
        while (at + RECORD_HEADER <= end) {
            ByteBuffer head = readAt(at, RECORD_HEADER);
            int length = head.getInt();
            int crc = head.getInt();
            if (length <= 0 || at + RECORD_HEADER + length > end) {
                break;
            }
            byte[] body = readAt(at + RECORD_HEADER, length).array();
            if (crc != recordCrc(body, 0, body.length)) {
                break;
            }
            ByteBuffer in = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
            if (in.get() == SNAPSHOT_END) {
                snapshotComplete = true;
            } else {
                entries.add(readSamples(in));
            }
            at += RECORD_HEADER + length;
        }
        return snapshotComplete ? at - a * area : -1;
    }

    private Entry readSamples(ByteBuffer body) {
        long marker = getVarlong(body);
        int count = getVarint(body);
        List<Share> shares = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            long runId = getVarlong(body);
            long firstSeq = getVarlong(body);
            byte[] block = new byte[getVarint(body)];
            body.get(block);
            byte kind = body.get();
            String state = null;
            if (kind != STATE_NONE) {
                byte[] bytes = new byte[getVarint(body)];
                body.get(bytes);
                state = EngineStateBytes.decompress(bytes, kind == STATE_AFTER_PREVIOUS ? lastStates.get(runId) : null);
                lastStates.put(runId, state);
            }
            shares.add(new Share(runId, SampleBlockCodec.decode(firstSeq, block), state));
        }
        return new Entry(marker, shares);
    }

    /**
     * Appends one record holding the shares; it reaches the operating system before this returns
     * (so it survives a crash of the station) and the disk at the next {@link #force}.
     *
     * @param marker 0, or the id of the database commit without which the record does not count
     * @return false, writing nothing, if the record does not fit in the current area
     */
    boolean append(List<Share> shares, long marker) throws IOException {
        Map<Long, String> states = new HashMap<>(lastStates);
        ByteBuffer body = encode(shares, marker, states);
        long end = current * area + position + RECORD_HEADER + body.remaining();
        if (end > (current + 1) * area) {
            return false;
        }
        writeRecord(body);
        lastStates.clear();
        lastStates.putAll(states);
        return true;
    }

    private ByteBuffer encode(List<Share> shares, long marker, Map<Long, String> states) {
        List<byte[]> parts = new ArrayList<>(2 * shares.size());
        int bound = 1 + Varints.MAX_BYTES + 5;
        for (Share share : shares) {
            byte[] block = SampleBlockCodec.encode(share.samples());
            String previous = states.get(share.runId());
            byte[] state = share.engineState() == null ? null : EngineStateBytes.compress(share.engineState(), previous);
            if (share.engineState() != null) {
                states.put(share.runId(), share.engineState());
            }
            parts.add(block);
            parts.add(state == null ? null : new byte[] {previous == null ? STATE_ALONE : STATE_AFTER_PREVIOUS});
            parts.add(state);
            bound += 2 * Varints.MAX_BYTES + 5 + block.length + 1 + 5 + (state == null ? 0 : state.length);
        }
        ByteBuffer body = ByteBuffer.allocate(bound).order(ByteOrder.LITTLE_ENDIAN);
        body.put(SAMPLES);
        putVarlong(body, marker);
        putVarint(body, shares.size());
        for (int s = 0; s < shares.size(); s++) {
            putVarlong(body, shares.get(s).runId());
            putVarlong(body, shares.get(s).samples().firstSeq());
            byte[] block = parts.get(3 * s);
            putVarint(body, block.length);
            body.put(block);
            byte[] kind = parts.get(3 * s + 1);
            byte[] state = parts.get(3 * s + 2);
            body.put(kind == null ? STATE_NONE : kind[0]);
            if (state != null) {
                putVarint(body, state.length);
                body.put(state);
            }
        }
        return body.flip();
    }

    private void writeRecord(ByteBuffer body) throws IOException {
        ByteBuffer record = ByteBuffer.allocate(RECORD_HEADER + body.remaining()).order(ByteOrder.LITTLE_ENDIAN);
        record.putInt(body.remaining());
        record.putInt(recordCrc(body.array(), 0, body.remaining()));
        record.put(body).flip();
        writeAt(current * area + position, record);
        position += record.capacity();
        unforced = true;
    }

    /**
     * Makes the other area current under the next generation, with {@code snapshot} (every open
     * tail) as its first records, and forces it to the disk: from then on the records written so far
     * count for nothing. Only call it once what they held beyond the snapshot is on the disk in the
     * database.
     *
     * @return false, changing nothing, if the snapshot does not fit in an area
     */
    boolean startGeneration(List<Share> snapshot) throws IOException {
        Map<Long, String> states = new HashMap<>();
        List<ByteBuffer> bodies = new ArrayList<>();
        long size = HEADER_BYTES;
        for (Share share : snapshot) {
            ByteBuffer body = encode(List.of(share), 0, states);
            bodies.add(body);
            size += RECORD_HEADER + body.remaining();
        }
        ByteBuffer end = ByteBuffer.allocate(1).put(SNAPSHOT_END).flip();
        if (size + RECORD_HEADER + 1 > area) {
            return false;
        }
        int previous = current;
        long previousGeneration = generation;
        long previousPosition = position;
        current = 1 - current;
        generation++;
        position = HEADER_BYTES;
        try {
            for (ByteBuffer body : bodies) {
                writeRecord(body);
            }
            writeRecord(end);
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            header.putLong(MAGIC).putInt(VERSION).putLong(generation);
            header.putInt(headerCrc(header.array()));
            header.clear();
            writeAt(current * area, header);
            file.force(false);
        } catch (IOException | RuntimeException e) {
            current = previous;
            generation = previousGeneration;
            position = previousPosition;
            throw e;
        }
        unforced = false;
        lastStates.clear();
        lastStates.putAll(states);
        return true;
    }

    /** Forces what was appended since the last call to the disk; nothing if nothing was. */
    void force() throws IOException {
        if (unforced) {
            file.force(false);
            unforced = false;
        }
    }

    /** Bytes used in the current area, its header included. */
    long used() {
        return position;
    }

    /** Bytes an area holds, its header included. */
    long areaSize() {
        return area;
    }

    @Override
    public void close() throws IOException {
        file.close();
    }

    private static int headerCrc(byte[] header) {
        CRC32C crc = new CRC32C();
        crc.update(header, 0, 20);
        return (int) crc.getValue();
    }

    /** A record's CRC: of the generation and the body, so a record of another generation fails it. */
    private int recordCrc(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, generation).array());
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    private ByteBuffer readAt(long at, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (file.read(buffer, at + buffer.position()) < 0) {
                throw new IOException("the journal ends at " + (at + buffer.position()) + ", before byte "
                        + (at + length));
            }
        }
        return buffer.flip();
    }

    private void writeAt(long at, ByteBuffer buffer) throws IOException {
        int start = buffer.position();
        while (buffer.hasRemaining()) {
            file.write(buffer, at + buffer.position() - start);
        }
    }
}
