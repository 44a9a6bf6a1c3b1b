package org.no3rr.station.store.staged;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * A database file whose writes reach it only once they are on the disk in its {@link StagingLog}:
 * the database reads its writes at once (they are kept here page by page), the operating system
 * has them in the log at once (a crash of the process loses none), and at {@link #force} the log
 * is forced first, then the pages go into the file, which is forced in turn. A power cut therefore
 * finds the file as of its last force or — when it falls between the two forces — a log that
 * brings it there on the next {@link #open}: never a write the disk tore.
 *
 * <p>Why: H2 takes a chunk whose first and last sectors are intact as whole, and a page's check value
 * covers its position, not its bytes; a chunk written after the last sync and torn by a power cut
 * was read as valid, with zeros or old bytes in its middle (docs/storage.md).
 */
final class StagedFile {

    static final int PAGE = 4096;
    /** Pages kept before the file is brought up to date without waiting for the database's force. */
    private static final int MAX_PAGES = 4096;

    private final FileChannel file;
    private final StagingLog log;
    private final ForceFirst forceFirst;
    private final TreeMap<Long, byte[]> pages = new TreeMap<>();
    /** The length the database sees. */
    private long length;
    /** Up to here the file's bytes are still the database's (it cut the file shorter since the last force). */
    private long fileValidUpTo;
    /** The database's length as the file has it: at the last force (or the open). Beyond it, zeros. */
    private long lengthOnDisk;
    private int channels;
    /** Set when the disk refused an operation: the file's state here may be ahead of what any disk has. */
    private volatile boolean failed;

    /** What must be on the disk before the file's writes can be (the sample journal). */
    interface ForceFirst {
        void force() throws IOException;
    }

    private StagedFile(FileChannel file, StagingLog log, ForceFirst forceFirst) throws IOException {
        this.file = file;
        this.log = log;
        this.forceFirst = forceFirst;
        this.length = endOfData(file);
        this.fileValidUpTo = length;
        this.lengthOnDisk = length;
    }

    /**
     * The file's length, without its trailing pages of zeros if it is a whole number of pages: the
     * database's length, whatever slack ({@link #fillSlack}) the file kept beyond it. H2 writes whole
     * 4 kB blocks, and its file ends with a chunk's footer or its header, never with a page of zeros.
     */
    private static long endOfData(FileChannel file) throws IOException {
        ByteBuffer page = ByteBuffer.allocate(PAGE);
        long end = file.size();
        if (end % PAGE != 0) {
            return end;
        }
        while (end > 0) {
            long start = (end - 1) / PAGE * PAGE;
            page.clear().limit((int) (end - start));
            while (page.hasRemaining() && file.read(page, start + page.position()) > 0) {
                // the whole page
            }
            for (int i = 0; i < page.position(); i++) {
                if (page.get(i) != 0) {
                    return end;
                }
            }
            end = start;
        }
        return 0;
    }

    /** Opens the file, first bringing it up to date from what its log holds. */
    static StagedFile open(FileChannel file, FileChannel log0, FileChannel log1, ForceFirst forceFirst)
            throws IOException {
        StagingLog log = new StagingLog(log0, log1);
        int replayed = log.replay(entry -> {
            if (entry.kind() == StagingLog.TRUNCATE) {
                if (file.size() > entry.position()) {
                    file.truncate(entry.position());
                }
            } else {
                writeFully(file, ByteBuffer.wrap(entry.data()), entry.position());
            }
        });
        if (replayed > 0) {
            file.force(true);
        }
        log.clear();
        return new StagedFile(file, log, forceFirst);
    }

    synchronized void opened() {
        channels++;
    }

    /** @return whether it was the last channel */
    synchronized boolean closed() throws IOException {
        if (--channels > 0) {
            return false;
        }
        try {
            if (pages.isEmpty() && log.isEmpty()) {
                log.clear();
            }
        } finally {
            try {
                log.close();
            } finally {
                file.close();
            }
        }
        return true;
    }

    boolean failed() {
        return failed;
    }

    synchronized long size() {
        return length;
    }

    synchronized int read(ByteBuffer dst, long position) throws IOException {
        return guarded(() -> readFromPages(dst, position));
    }

    private int readFromPages(ByteBuffer dst, long position) throws IOException {
        if (position >= length) {
            return -1;
        }
        int n = (int) Math.min(dst.remaining(), length - position);
        for (int done = 0; done < n; ) {
            long at = position + done;
            int inPage = (int) (at % PAGE);
            int part = Math.min(n - done, PAGE - inPage);
            dst.put(page(at / PAGE), inPage, part);
            done += part;
        }
        return n;
    }

    synchronized int write(ByteBuffer src, long position) throws IOException {
        return guarded(() -> writeToPages(src, position));
    }

    private int writeToPages(ByteBuffer src, long position) throws IOException {
        int n = src.remaining();
        log.write(position, src);
        for (int done = 0; done < n; ) {
            long at = position + done;
            int inPage = (int) (at % PAGE);
            int part = Math.min(n - done, PAGE - inPage);
            byte[] page = pages.get(at / PAGE);
            if (page == null) {
                page = page(at / PAGE).clone();
                pages.put(at / PAGE, page);
            }
            src.get(page, inPage, part);
            done += part;
        }
        length = Math.max(length, position + n);
        if (pages.size() > MAX_PAGES) {
            bringUpToDate();
        }
        return n;
    }

    synchronized void truncate(long newLength) throws IOException {
        guarded(() -> {
            cut(newLength);
            return null;
        });
    }

    private void cut(long newLength) throws IOException {
        if (newLength >= length) {
            return;
        }
        log.truncate(newLength);
        long partial = newLength / PAGE;
        int keep = (int) (newLength % PAGE);
        if (keep > 0) {
            byte[] page = page(partial).clone();
            Arrays.fill(page, keep, PAGE, (byte) 0);
            pages.put(partial, page);
            pages.tailMap(partial, false).clear();
        } else {
            pages.tailMap(partial, true).clear();
        }
        length = newLength;
        fileValidUpTo = Math.min(fileValidUpTo, newLength);
    }

    /** What goes first ({@link ForceFirst}), the log to the disk, then the pages into the file, then the file to the disk. */
    synchronized void force() throws IOException {
        guarded(() -> {
            bringUpToDate();
            return null;
        });
    }

    private void bringUpToDate() throws IOException {
        if (log.isEmpty()) {
            return;
        }
        forceFirst.force();
        log.force();
        if (fileValidUpTo < lengthOnDisk) {
            // Cut shorter since the last force: what the file has beyond is the database's old data,
            // not zeros. (Its slack goes with it; the store fills it again.)
            file.truncate(fileValidUpTo);
        }
        for (Map.Entry<Long, byte[]> page : pages.entrySet()) {
            long at = page.getKey() * PAGE;
            writeFully(file, ByteBuffer.wrap(page.getValue(), 0, (int) Math.min(PAGE, length - at)), at);
        }
        file.force(false); // the data and the length: a change of times alone would cost the file system a journal commit
        pages.clear();
        fileValidUpTo = length;
        lengthOnDisk = length;
        log.startOver();
    }

    /**
     * Zeros written and forced beyond the database's end until the file holds {@code bytes} there, in
     * whole pages. Nothing while the database's cut of the file waits for the next force, or while
     * its length is not a whole number of pages (not an H2 file: its zeros would not be told from
     * slack). The database's growth then overwrites blocks the file already has, and its forces
     * change no length: on ext4 a force that lengthens a file costs a journal commit, ≈ 10 kB at the
     * disk each (docs/storage.md).
     *
     * @return the bytes written
     */
    synchronized long fillSlack(long bytes) throws IOException {
        return guarded(() -> {
            long size = file.size();
            long end = (length + bytes) / PAGE * PAGE;
            if (fileValidUpTo < lengthOnDisk || length % PAGE != 0 || end <= size) {
                return 0L;
            }
            ZeroFill.fill(file, size, end);
            file.force(false);
            return end - size;
        });
    }

    private interface DiskAction<T> {
        T run() throws IOException;
    }

    /** Runs an operation on the disk, remembering when the disk refuses it. */
    private <T> T guarded(DiskAction<T> action) throws IOException {
        try {
            return action.run();
        } catch (IOException e) {
            failed = true;
            throw e;
        }
    }

    FileLock tryLock(long position, long size, boolean shared) throws IOException {
        return file.tryLock(position, size, shared);
    }

    /** The page as the database sees it: written since the last force, or the file's (zeros past its valid end). */
    private byte[] page(long index) throws IOException {
        byte[] page = pages.get(index);
        if (page != null) {
            return page;
        }
        page = new byte[PAGE];
        long at = index * PAGE;
        int valid = (int) Math.max(0, Math.min(PAGE, fileValidUpTo - at));
        ByteBuffer into = ByteBuffer.wrap(page, 0, valid);
        while (into.hasRemaining() && file.read(into, at + into.position()) > 0) {
            // up to the file's end; the rest stays zero
        }
        return page;
    }

    private static void writeFully(FileChannel channel, ByteBuffer src, long position) throws IOException {
        for (long at = position; src.hasRemaining(); ) {
            at += channel.write(src, at);
        }
    }
}
