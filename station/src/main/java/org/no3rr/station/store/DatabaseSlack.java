package org.no3rr.station.store;

import java.io.IOException;

/**
 * Zeros the database file keeps beyond its end, so that its growth overwrites blocks the file
 * already has: on ext4 each force that lengthens a file costs a journal commit (≈ 10 kB at the
 * disk), and at a run's start every commit lengthened it — the file is tidied to its live chunks
 * at each start. Written at the start and then, while samples come in, a step at a time when the
 * spacing of large writes allows one ({@link HeavyWriteSpacing}); a staged database file only
 * ({@code StagedFileSystem#fillSlack}). docs/storage.md.
 */
final class DatabaseSlack {

    /** What the file holds beyond the end after a start, and what the steps restore. */
    static final long BYTES = 256 << 10;
    /** Below this, a step is due… */
    static final long LOW = 128 << 10;
    /** … of this many bytes: ≈ 42 kB at the disk with its journal commit, ≈ 0.7 kB/s over its minute. */
    static final long STEP = 32 << 10;

    /** Fills the file's slack: if below {@code below} bytes, up to {@code upTo}, at most {@code step} now. */
    interface Filler {
        long fill(long below, long upTo, long step) throws IOException;
    }

    static final DatabaseSlack NONE = new DatabaseSlack((below, upTo, step) -> 0);

    private final Filler filler;

    DatabaseSlack(Filler filler) {
        this.filler = filler;
    }

    /** The whole slack at once: at a start, before anything records. */
    void fillAtStart() throws IOException {
        filler.fill(BYTES, BYTES, BYTES);
    }

    /** @return whether a step was written */
    boolean stepIfLow() throws IOException {
        return filler.fill(LOW, BYTES, STEP) > 0;
    }
}
