package org.no3rr.station.store;

import java.util.List;

/**
 * A run's samples are numbered from 1 without gaps, so a batch's samples of a run must follow its
 * last journaled or stored one, each the one before. Checked before anything of the batch is written.
 */
final class SampleContinuity {

    private SampleContinuity() {
    }

    /**
     * @param lastSeq the run's last journaled or stored sample
     * @throws StorageException if a sample is already stored, comes twice or leaves a gap
     */
    static void check(long run, List<SampleRow> rows, long lastSeq) {
        if (rows.isEmpty()) {
            return;
        }
        long first = rows.get(0).seq();
        for (int i = 1; i < rows.size(); i++) {
            long seq = rows.get(i).seq();
            if (seq <= rows.get(i - 1).seq()) {
                throw new StorageException("sample " + seq + " of run " + run + " comes twice in one batch");
            }
            if (seq != rows.get(i - 1).seq() + 1) {
                throw gap(run, seq, rows.get(i - 1).seq());
            }
        }
        if (first <= lastSeq) {
            throw new StorageException("sample " + first + " of run " + run + " is already stored (the run's "
                    + "samples go up to " + lastSeq + ")");
        }
        if (first != lastSeq + 1) {
            throw gap(run, first, lastSeq);
        }
    }

    private static StorageException gap(long run, long seq, long before) {
        return new StorageException("sample " + seq + " of run " + run + " does not follow sample " + before
                + ": a run's samples are numbered without gaps");
    }
}
