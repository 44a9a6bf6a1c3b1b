package org.no3rr.station.store;

import java.io.IOException;

/**
 * Zeros the database file gets beyond its end at each start, before anything records, so that its
 * growth overwrites blocks the file already has: on ext4 each force that lengthens a file costs a
 * journal commit (≈ 10 kB at the disk), and at a run's start every commit lengthened it — the file
 * is tidied to its live chunks at each start. Only at the start: written while recording, the
 * zeros would cost their own bytes before the data overwrote them, more than the commits they
 * save. A staged database file only ({@code StagedFileSystem#fillSlack}). docs/storage.md.
 */
final class DatabaseSlack {

    /** The zeros after a start: at four channels and a reading a second, hours of the file's growth. */
    static final long BYTES = 1 << 20;

    /** Fills the file's slack up to {@code bytes}; returns the bytes written. */
    interface Filler {
        long fill(long bytes) throws IOException;
    }

    static final DatabaseSlack NONE = new DatabaseSlack(bytes -> 0);

    private final Filler filler;

    DatabaseSlack(Filler filler) {
        this.filler = filler;
    }

    /** At a start, before anything records. */
    void fillAtStart() throws IOException {
        filler.fill(BYTES);
    }
}
