package org.no3rr.station.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The file is tidied one small step a period while batches come in, and a large step at every sync
 * once none has come for ten seconds.
 */
class CompactionPacingTest {

    private static final long S = 1_000_000_000L;
    private static final long T0 = 5_000 * S;

    @Test
    void whileRecordingOneSmallStepAPeriod() {
        CompactionPacing pacing = new CompactionPacing(60 * S, T0);
        pacing.batchArrived(T0 + 59 * S);
        assertThat(pacing.bytesDue(T0 + 60 * S)).isZero(); // not more than a period yet
        pacing.batchArrived(T0 + 60 * S + 1);
        assertThat(pacing.bytesDue(T0 + 60 * S + 1)).isEqualTo(64 * 1024);
        pacing.batchArrived(T0 + 61 * S);
        assertThat(pacing.bytesDue(T0 + 61 * S)).isZero(); // the period starts again at the step
        pacing.batchArrived(T0 + 121 * S);
        assertThat(pacing.bytesDue(T0 + 121 * S)).isEqualTo(64 * 1024);
    }

    @Test
    void onceQuietALargeStepAtEverySync() {
        CompactionPacing pacing = new CompactionPacing(60 * S, T0);
        pacing.batchArrived(T0 + 5 * S);
        assertThat(pacing.bytesDue(T0 + 15 * S)).isZero(); // exactly ten seconds is not yet quiet
        assertThat(pacing.bytesDue(T0 + 15 * S + 1)).isEqualTo(4 << 20);
        assertThat(pacing.bytesDue(T0 + 16 * S)).isEqualTo(4 << 20);
        pacing.batchArrived(T0 + 17 * S);
        assertThat(pacing.bytesDue(T0 + 18 * S)).isZero(); // recording again: the small pace
    }
}
