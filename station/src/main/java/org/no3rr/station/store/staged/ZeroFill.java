package org.no3rr.station.store.staged;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Zeros written into a file one page at a time, for a file the station then writes in small pieces
 * and forces (the sample journal, the staging log). The page cache keeps what one write brings in
 * as one folio (ext4 since Linux 6.16): a file filled by one 256 kB write is one 256 kB folio, and
 * every later write that makes it dirty is charged to the process as 256 kB in {@code
 * /proc/<pid>/io} ({@code write_bytes}), though the disk receives only the blocks written. Filled a
 * page at a time, the count is what the disk receives (docs/storage.md).
 */
public final class ZeroFill {

    static final int PAGE = 4096;

    private ZeroFill() {
    }

    /** Zeros over {@code [from, to)}, in writes that neither exceed a page nor cross one. */
    public static void fill(FileChannel file, long from, long to) throws IOException {
        ByteBuffer zeros = ByteBuffer.allocate(PAGE);
        for (long at = from; at < to; ) {
            zeros.clear().limit((int) Math.min(PAGE - at % PAGE, to - at));
            while (zeros.hasRemaining()) {
                at += file.write(zeros, at);
            }
        }
    }
}
