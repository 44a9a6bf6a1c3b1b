package org.no3rr.station.store.staged;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The log of a staged file: every write and every truncation the database made since the file was
 * last brought up to date, in order, each record carrying a generation, its number in the
 * generation and a CRC-32C. A generation begins when the file has been brought up to date, at the
 * start of one of two files, in turn: the files never grow beyond what the database writes between
 * two syncs, and no metadata changes while the station runs.
 *
 * <p>Why two: a generation begins only once the one before it is in the file, so of what the two
 * files hold, the newer generation is the one that may not be in the file yet, and the older one is
 * in it. With one file, a new generation torn by a power cut could leave the start of the one it
 * overwrote readable, and replaying part of a generation the file already has would undo its later
 * writes. Reading a file stops at the first record that is torn, stale or out of order; what comes
 * before is a prefix of the database's writes, which is a state a crash of the process could leave.
 */
final class StagingLog implements AutoCloseable {

    private static final int MAGIC = 0x5354_4744; // "STGD"
    static final byte WRITE = 1;
    static final byte TRUNCATE = 2;
    /** magic, generation, number, kind, position, length; the data; the CRC. */
    private static final int HEAD = 4 + 8 + 4 + 1 + 8 + 4;
    private static final int CRC = 4;
    private static final long KEEP_BYTES = 1 << 20;
    /**
     * What each file keeps of its length, zeros at first: a record written within it changes no
     * metadata, so forcing it costs the file system no journal commit (≈ 12 KB each on ext4, several
     * in the minute four runs start; docs/storage.md).
     */
    static final long RETAIN_BYTES = 256 << 10;

    /** One write (its position and bytes) or one truncation (the new length in {@code position}). */
    record Entry(byte kind, long position, byte[] data) {
    }

    /** What the log holds when the file opens. */
    interface Replay {
        void apply(Entry entry) throws IOException;
    }

    private final FileChannel[] files;
    private long generation = 1;
    private int number;
    private long end;

    /** The two files, each open for reading and writing. */
    StagingLog(FileChannel first, FileChannel second) {
        this.files = new FileChannel[] {first, second};
    }

    private FileChannel current() {
        return files[(int) (generation % 2)];
    }

    /** Appends a write; in the operating system's hands when this returns, on the disk after {@link #force}. */
    void write(long position, ByteBuffer data) throws IOException {
        append(WRITE, position, data.duplicate());
    }

    void truncate(long length) throws IOException {
        append(TRUNCATE, length, ByteBuffer.allocate(0));
    }

    private void append(byte kind, long position, ByteBuffer data) throws IOException {
        int length = data.remaining();
        ByteBuffer record = ByteBuffer.allocate(HEAD + length + CRC);
        record.putInt(MAGIC).putLong(generation).putInt(number).put(kind).putLong(position).putInt(length).put(data);
        record.putInt(crc(record.array(), HEAD + length));
        record.flip();
        while (record.hasRemaining()) {
            current().write(record, end + record.position());
        }
        end += record.limit();
        number++;
    }

    boolean isEmpty() {
        return number == 0;
    }

    /** Bytes the current generation holds. */
    long bytes() {
        return end;
    }

    void force() throws IOException {
        current().force(false);
    }

    /**
     * The file is up to date: the next record begins a new generation, in the other file. That file
     * holds the generation before the one just ended, so it may go: if it grew past {@value
     * #KEEP_BYTES} bytes (the database writing fast: a rehearsal at full speed, a migration) it is
     * cut back to {@link #RETAIN_BYTES} of zeros, so the two do not keep megabytes a station
     * recording at a reading a second never needs. (The file just ended may not be cut: a cut would
     * leave the older generation the newest there is, and replayed, it would undo the newer one.)
     */
    void startOver() throws IOException {
        generation++;
        number = 0;
        end = 0;
        FileChannel next = current();
        if (next.size() > KEEP_BYTES) {
            next.truncate(0);
            ZeroFill.fill(next, 0, RETAIN_BYTES);
        }
    }

    /**
     * Hands the records of the newer generation the files hold to {@code replay}, in order, up to the
     * first that does not belong. The caller forces what they went into, then calls {@link #clear}:
     * ended before that, a power cut could take both the log and the replayed writes.
     *
     * @return how many records were replayed
     */
    int replay(Replay replay) throws IOException {
        Prefix first = Prefix.of(files[0]);
        Prefix second = Prefix.of(files[1]);
        Prefix newer = first.generation() >= second.generation() ? first : second;
        for (Entry entry : newer.entries()) {
            replay.apply(entry);
        }
        generation = Math.max(generation, newer.generation());
        return newer.entries().size();
    }

    /** The records at the start of a file that belong together; generation −1 when there are none. */
    private record Prefix(long generation, List<Entry> entries) {

        static Prefix of(FileChannel file) throws IOException {
            long size = file.size();
            List<Entry> entries = new ArrayList<>();
            long found = -1;
            for (long at = 0; at + HEAD + CRC <= size; ) {
                ByteBuffer head = read(file, at, HEAD);
                if (head == null || head.getInt() != MAGIC) {
                    break;
                }
                long recordGeneration = head.getLong();
                int recordNumber = head.getInt();
                byte kind = head.get();
                long position = head.getLong();
                int length = head.getInt();
                if ((found >= 0 && recordGeneration != found) || recordNumber != entries.size() || length < 0
                        || (kind != WRITE && kind != TRUNCATE) || at + HEAD + length + CRC > size) {
                    break;
                }
                ByteBuffer whole = read(file, at, HEAD + length + CRC);
                if (whole == null || crc(whole.array(), HEAD + length) != whole.getInt(HEAD + length)) {
                    break;
                }
                byte[] data = new byte[length];
                whole.get(HEAD, data);
                entries.add(new Entry(kind, position, data));
                found = recordGeneration;
                at += HEAD + length + CRC;
            }
            return new Prefix(found, entries);
        }
    }

    private static ByteBuffer read(FileChannel file, long position, int length) throws IOException {
        ByteBuffer into = ByteBuffer.allocate(length);
        while (into.hasRemaining()) {
            if (file.read(into, position + into.position()) < 0) {
                return null;
            }
        }
        return into.flip();
    }

    private static int crc(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }

    /**
     * Empties both files on the disk — nothing in them is pending any more — and gives each its
     * {@link #RETAIN_BYTES} of zeros: after a start no record of an earlier life is left in them,
     * whose generation the numbers begun afresh could meet again. The older generation's file goes
     * first: the other way round, a power cut between the two would leave the older generation to
     * be replayed over the newer.
     */
    void clear() throws IOException {
        boolean firstIsOlder = Prefix.of(files[0]).generation() <= Prefix.of(files[1]).generation();
        for (FileChannel file : firstIsOlder ? files : new FileChannel[] {files[1], files[0]}) {
            file.truncate(0);
            ZeroFill.fill(file, 0, RETAIN_BYTES);
            file.force(true);
        }
        startOver();
    }

    @Override
    public void close() throws IOException {
        try {
            files[0].close();
        } finally {
            files[1].close();
        }
    }
}
