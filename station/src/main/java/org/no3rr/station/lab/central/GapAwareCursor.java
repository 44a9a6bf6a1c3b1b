package org.no3rr.station.lab.central;

import java.util.List;

/**
 * Where a stream's cursor may move after a read of the rows above it. Ids come from an identity column:
 * a row can commit after a row with a higher id (two writers), so a gap may still fill. The cursor moves
 * over consecutive ids at once, and over a gap only once it has stood for {@code graceMillis} — by then
 * the row was rolled back or the id skipped (H2 does after a restart). Rows after a gap are sent anyway;
 * they are sent again until the cursor passes them, which the central database ignores.
 */
final class GapAwareCursor {

    private final long graceMillis;
    private long gapStart = -1;
    private long gapSeenAtMillis;

    GapAwareCursor(long graceMillis) {
        this.graceMillis = graceMillis;
    }

    /**
     * @param cursor the id up to which everything has been sent
     * @param ids    the ids read above it, ascending
     * @return the new cursor
     */
    long advance(long cursor, List<Long> ids, long nowMillis) {
        long next = cursor;
        for (long id : ids) {
            if (id != next + 1) {
                long missing = next + 1;
                if (gapStart != missing) {
                    gapStart = missing;
                    gapSeenAtMillis = nowMillis;
                }
                if (nowMillis - gapSeenAtMillis < graceMillis) {
                    break;
                }
            }
            next = id;
        }
        if (gapStart != -1 && gapStart <= next) {
            gapStart = -1;
        }
        return next;
    }
}
