package org.no3rr.station.store.staged;

import org.h2.store.fs.FileBaseDefault;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.util.HashMap;
import java.util.Map;

/**
 * H2's file system for the station's database: {@code staged:} in front of any other H2 path
 * ({@code jdbc:h2:staged:file:/var/lib/no3rr-station/station}). The database file ({@code .mv.db})
 * becomes a {@link StagedFile} with its log beside it ({@code station.mv.db.staged-0} and {@code -1}); every other
 * file (H2's lock and trace files) is passed through, and so is the sample journal
 * ({@code station.journal}) — but the database file forces it before it forces itself, whoever
 * asks: a journal record is on the disk before any commit that names it can be, without a force
 * of the journal per such commit (docs/storage.md).
 */
public final class StagedFileSystem extends FilePathWrapper {

    public static final String SCHEME = "staged";
    static final String DATABASE_SUFFIX = ".mv.db";
    /** The log's two files: {@code station.mv.db.staged-0} and {@code -1}. */
    static final String LOG_SUFFIX = ".staged-";
    /** The file the database file forces before itself: {@code station.journal} beside {@code station.mv.db}. */
    static final String FORCED_FIRST_SUFFIX = ".journal";

    /** The open staged files, by path: every channel on one file shares its pages. */
    private static final Map<String, StagedFile> OPEN = new HashMap<>();
    /**
     * The channel on the file forced before a database file, by the database file's path: the one
     * opened last (a store opened again supersedes one that was dropped without closing its journal),
     * while it is open.
     */
    private static final Map<String, FileChannel> FORCED_FIRST = new HashMap<>();

    /** Registers the {@code staged:} scheme with H2; harmless to call again. */
    public static void install() {
        FilePath.register(new StagedFileSystem());
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    private boolean isDatabase() {
        return getBase().getName().endsWith(DATABASE_SUFFIX);
    }

    private FilePath log(int file) {
        return FilePath.get(getBase() + LOG_SUFFIX + file);
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        String name = getBase().toString();
        if (name.endsWith(FORCED_FIRST_SUFFIX)) {
            FileChannel channel = super.open(mode);
            synchronized (FORCED_FIRST) {
                FORCED_FIRST.put(name.substring(0, name.length() - FORCED_FIRST_SUFFIX.length()) + DATABASE_SUFFIX,
                        channel);
            }
            return channel;
        }
        if (!isDatabase()) {
            return super.open(mode);
        }
        String key = getBase().toString();
        synchronized (OPEN) {
            StagedFile file = OPEN.get(key);
            if (file != null && file.failed()) {
                // Its disk failed under it (a test's power cut) and the database let go of it without
                // closing: what it holds is from before, and the file must be opened anew.
                OPEN.remove(key);
                file = null;
            }
            if (file == null) {
                file = StagedFile.open(getBase().open("rw"), log(0).open("rw"), log(1).open("rw"),
                        () -> forceFirst(key));
                OPEN.put(key, file);
            }
            file.opened();
            return new Channel(file, key);
        }
    }

    @Override
    public long size() {
        synchronized (OPEN) {
            StagedFile file = OPEN.get(getBase().toString());
            return file == null ? getBase().size() : file.size();
        }
    }

    /**
     * Zeros beyond the end of this database file, if it is open here, until it holds {@code bytes}
     * of them ({@link StagedFile#fillSlack}).
     *
     * @return the bytes written
     */
    public long fillSlack(long bytes) throws IOException {
        StagedFile file;
        synchronized (OPEN) {
            file = isDatabase() ? OPEN.get(getBase().toString()) : null;
        }
        return file == null ? 0 : file.fillSlack(bytes);
    }

    @Override
    public InputStream newInputStream() throws IOException {
        return isDatabase() ? Channels.newInputStream(open("r")) : super.newInputStream();
    }

    /** A database deleted or replaced takes its log with it: the log's writes belong to the old file. */
    @Override
    public void delete() {
        super.delete();
        if (isDatabase()) {
            log(0).delete();
            log(1).delete();
        }
    }

    @Override
    public void moveTo(FilePath newName, boolean atomicReplace) {
        super.moveTo(newName, atomicReplace);
        if (newName instanceof StagedFileSystem target && target.isDatabase()) {
            target.log(0).delete();
            target.log(1).delete();
        }
    }

    /** Forces the open file that goes before the database file {@code key}, if there is one. */
    private static void forceFirst(String key) throws IOException {
        FileChannel first;
        synchronized (FORCED_FIRST) {
            first = FORCED_FIRST.get(key);
        }
        if (first == null || !first.isOpen()) {
            return; // none, or its store is done with it
        }
        try {
            first.force(false);
        } catch (ClosedChannelException closed) {
            // closed in the meantime
        }
    }

    /** A channel on a staged file; the last one closed closes the file. */
    private static final class Channel extends FileBaseDefault {

        private final StagedFile file;
        private final String key;

        private Channel(StagedFile file, String key) {
            this.file = file;
            this.key = key;
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return file.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            return file.write(src, position);
        }

        @Override
        public long size() {
            return file.size();
        }

        @Override
        protected void implTruncate(long size) throws IOException {
            file.truncate(size);
        }

        @Override
        public void force(boolean metaData) throws IOException {
            file.force();
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return file.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            synchronized (OPEN) {
                boolean last = true;
                try {
                    last = file.closed();
                } finally {
                    if (last) {
                        OPEN.remove(key, file);
                    }
                }
            }
        }

        @Override
        public String toString() {
            return SCHEME + ":" + key;
        }
    }
}
