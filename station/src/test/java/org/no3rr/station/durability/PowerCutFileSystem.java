package org.no3rr.station.durability;

import org.h2.store.fs.FileBaseDefault;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A file system for H2 (and the sample journal, which opens its file through H2's {@link FilePath})
 * that loses power on command, the way a disk does — in the spirit of SQLite's crash-test VFS and
 * LazyFS. What a file was written since its last {@code force()} is only in a volatile cache, kept
 * here sector by sector ({@value #SECTOR} bytes). At {@link #cut} each such sector either reached
 * the disk or did not — at random ({@link Loss#TORN}) or none of them ({@link Loss#WHOLE}) — and a
 * changed length likewise; every channel open at the cut fails from then on, as the process died
 * with the power. What reached the disk lives in H2's in-memory file system underneath ({@code
 * memFS:}), so a cut and a restart take milliseconds. Creating, deleting and renaming files count
 * as durable at once (the station does none of them while it runs), and so does cutting a file shorter.
 *
 * <p>Paths are {@code powercut:memFS:/…}; {@link #install} registers the scheme.
 */
public final class PowerCutFileSystem extends FilePathWrapper {

    public static final String SCHEME = "powercut";
    static final int SECTOR = 512;

    /** What a cut does to the sectors written since a file's last force. */
    public enum Loss {
        /** Every one is lost. */
        WHOLE,
        /** Each is lost or kept at random, as a disk that reorders its writes leaves them. */
        TORN
    }

    private static final Map<String, VolatileFile> FILES = new ConcurrentHashMap<>();
    private static volatile int era;
    private static volatile boolean powerOff;
    /** Held to read or change a file through a channel, and exclusively to cut: no write straddles a cut. */
    private static final ReentrantReadWriteLock POWER = new ReentrantReadWriteLock();
    /** A cut armed to come with a write to come; null when none is. */
    private static volatile ArmedCut armed;

    private record ArmedCut(AtomicInteger writesLeft, String prefix, Loss loss, Random random) {
    }

    /** Registers the {@code powercut:} scheme with H2; harmless to call again. */
    public static void install() {
        FilePath.register(new PowerCutFileSystem());
    }

    /**
     * Cuts the power: for every file under {@code prefix} (a memFS path), unforced sectors are lost
     * as {@code loss} says, and every channel opened before fails from now on.
     */
    public static void cut(String prefix, Loss loss, Random random) throws IOException {
        POWER.writeLock().lock();
        try {
            powerOff = true;
            era++;
            for (Map.Entry<String, VolatileFile> file : FILES.entrySet()) {
                if (file.getKey().startsWith(prefix)) {
                    file.getValue().cut(loss, random);
                }
            }
        } finally {
            POWER.writeLock().unlock();
        }
    }

    /** The power is back: files can be opened again (call it once nothing of the life before the cut runs). */
    public static void powerOn() {
        powerOff = false;
    }

    private static void requirePower() throws IOException {
        if (powerOff) {
            throw new IOException("the power is off");
        }
    }

    /**
     * Cuts the power as the {@code writes}-th write from now (0: the next one) is about to be made:
     * that write and every later one are lost, the earlier ones as {@code loss} says. Lets a test cut
     * in the middle of a sequence of writes it cannot interrupt otherwise.
     */
    public static void cutAtWrite(int writes, String prefix, Loss loss, Random random) {
        armed = new ArmedCut(new AtomicInteger(writes), prefix, loss, random);
    }

    /** @return whether the armed cut came */
    public static boolean disarm() {
        boolean came = armed == null;
        armed = null;
        return came;
    }

    private static void cutIfArmed() throws IOException {
        ArmedCut cut = armed;
        if (cut != null && cut.writesLeft().getAndDecrement() == 0) {
            armed = null;
            cut(cut.prefix(), cut.loss(), cut.random());
        }
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    private VolatileFile file() {
        return FILES.computeIfAbsent(getBase().toString(), name -> new VolatileFile(getBase()));
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        requirePower();
        if (!getBase().exists()) {
            getBase().open("rw").close();
        }
        return new Channel(file(), era);
    }

    @Override
    public long size() {
        VolatileFile file = FILES.get(getBase().toString());
        return file == null ? getBase().size() : file.length();
    }

    @Override
    public void delete() {
        if (powerOff) {
            throw new IllegalStateException("the power is off: " + getBase() + " cannot be deleted");
        }
        FILES.remove(getBase().toString());
        super.delete();
    }

    @Override
    public void moveTo(FilePath newName, boolean atomicReplace) {
        if (powerOff) {
            throw new IllegalStateException("the power is off: " + getBase() + " cannot be moved");
        }
        VolatileFile file = FILES.remove(getBase().toString());
        if (file != null) {
            file.forceQuietly();
        }
        super.moveTo(newName, atomicReplace);
    }

    /** A file as the operating system shows it: the disk's content with the unforced sectors over it. */
    private static final class VolatileFile {

        private final FilePath onDisk;
        private FileChannel disk;
        private final TreeMap<Long, byte[]> unforced = new TreeMap<>();
        /** The length the process sees; −1 while it is the disk's. */
        private long length = -1;

        private VolatileFile(FilePath onDisk) {
            this.onDisk = onDisk;
        }

        synchronized long length() {
            return length >= 0 ? length : onDisk.size();
        }

        private FileChannel disk() throws IOException {
            if (disk == null) {
                disk = onDisk.open("rw");
            }
            return disk;
        }

        synchronized int read(ByteBuffer dst, long position) throws IOException {
            long end = length();
            if (position >= end) {
                return -1;
            }
            int n = (int) Math.min(dst.remaining(), end - position);
            for (int done = 0; done < n; ) {
                long at = position + done;
                int inSector = (int) (at % SECTOR);
                int part = Math.min(n - done, SECTOR - inSector);
                dst.put(sector(at / SECTOR), inSector, part);
                done += part;
            }
            return n;
        }

        synchronized int write(ByteBuffer src, long position) throws IOException {
            int n = src.remaining();
            for (int done = 0; done < n; ) {
                long at = position + done;
                int inSector = (int) (at % SECTOR);
                int part = Math.min(n - done, SECTOR - inSector);
                byte[] sector = sector(at / SECTOR).clone();
                src.get(sector, inSector, part);
                unforced.put(at / SECTOR, sector);
                done += part;
            }
            length = Math.max(length(), position + n);
            return n;
        }

        /** Cutting a file shorter is durable at once, as creating one is; what was cut off reads as zeros if written past. */
        synchronized void truncate(long size) throws IOException {
            if (size < length()) {
                length = size;
                unforced.tailMap((size + SECTOR - 1) / SECTOR, true).clear();
                if (size % SECTOR != 0 && unforced.containsKey(size / SECTOR)) {
                    Arrays.fill(unforced.get(size / SECTOR), (int) (size % SECTOR), SECTOR, (byte) 0);
                }
                if (disk().size() > size) {
                    disk().truncate(size);
                }
            }
        }

        /** The sector as the process sees it: unforced, or as on the disk (zeros past its end). */
        private byte[] sector(long index) throws IOException {
            byte[] sector = unforced.get(index);
            if (sector != null) {
                return sector;
            }
            sector = new byte[SECTOR];
            ByteBuffer into = ByteBuffer.wrap(sector);
            while (into.hasRemaining() && disk().read(into, index * SECTOR + into.position()) > 0) {
                // reads up to the disk's end; the rest stays zero
            }
            return sector;
        }

        synchronized void force() throws IOException {
            long size = length();
            for (Map.Entry<Long, byte[]> sector : unforced.entrySet()) {
                write(disk(), sector.getKey(), sector.getValue(), size);
            }
            setDiskLength(size);
            unforced.clear();
            length = -1;
        }

        /** Cuts the disk's file to {@code size}, or extends it with zeros (sectors never written). */
        private void setDiskLength(long size) throws IOException {
            if (disk().size() > size) {
                disk().truncate(size);
            } else if (disk().size() < size) {
                disk().write(ByteBuffer.wrap(new byte[] {0}), size - 1);
            }
        }

        private void forceQuietly() {
            try {
                force();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        synchronized void cut(Loss loss, Random random) throws IOException {
            long diskSize = onDisk.size();
            boolean newLength = loss == Loss.TORN && random.nextBoolean();
            long size = newLength ? length() : diskSize;
            if (loss == Loss.TORN) {
                for (Map.Entry<Long, byte[]> sector : unforced.entrySet()) {
                    if (random.nextBoolean()) {
                        write(disk(), sector.getKey(), sector.getValue(), Math.max(size, diskSize));
                    }
                }
            }
            // The new length may reach the disk without all of the sectors: those read as zeros.
            setDiskLength(size);
            unforced.clear();
            length = -1;
        }

        private static void write(FileChannel disk, long index, byte[] sector, long size) throws IOException {
            long at = index * SECTOR;
            if (at >= size) {
                return;
            }
            ByteBuffer src = ByteBuffer.wrap(sector, 0, (int) Math.min(SECTOR, size - at));
            while (src.hasRemaining()) {
                disk.write(src, at + src.position());
            }
        }
    }

    /** A channel on a file; dead once the power was cut after it was opened. */
    private static final class Channel extends FileBaseDefault {

        private final VolatileFile file;
        private final int openedInEra;

        private Channel(VolatileFile file, int openedInEra) {
            this.file = file;
            this.openedInEra = openedInEra;
        }

        private interface FileAction<T> {
            T run() throws IOException;
        }

        /** The action if the power has stayed on since this channel was opened, as one step against a cut. */
        private <T> T powered(FileAction<T> action) throws IOException {
            POWER.readLock().lock();
            try {
                if (openedInEra != era) {
                    throw new IOException("the power is off");
                }
                return action.run();
            } finally {
                POWER.readLock().unlock();
            }
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return powered(() -> file.read(dst, position));
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            cutIfArmed();
            return powered(() -> file.write(src, position));
        }

        @Override
        public long size() throws IOException {
            return powered(file::length);
        }

        @Override
        protected void implTruncate(long size) throws IOException {
            powered(() -> {
                file.truncate(size);
                return null;
            });
        }

        @Override
        public void force(boolean metaData) throws IOException {
            powered(() -> {
                file.force();
                return null;
            });
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) {
            return new FileLock(this, position, size, shared) {
                private volatile boolean valid = true;

                @Override
                public boolean isValid() {
                    return valid;
                }

                @Override
                public void release() {
                    valid = false;
                }
            };
        }

        @Override
        public String toString() {
            return SCHEME + ":" + file.onDisk;
        }
    }
}
