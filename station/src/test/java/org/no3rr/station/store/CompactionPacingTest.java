package org.no3rr.station.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The file is tidied one small step a period while batches come in, never within the spacing of
 * another large write, and a large step at every sync once none has come for ten seconds.
 */
class CompactionPacingTest {

    private static final long S = 1_000_000_000L;
    private static final long T0 = 5_000 * S;

    @Test
    void whileRecordingOneSmallStepAPeriod() {
        CompactionPacing pacing = new CompactionPacing(300 * S, T0);
        HeavyWriteSpacing spacing = new HeavyWriteSpacing(T0);
        pacing.batchArrived(T0 + 299 * S);
        assertThat(pacing.bytesDue(T0 + 300 * S, spacing)).isZero(); // not more than a period yet
        pacing.batchArrived(T0 + 300 * S + 1);
        assertThat(pacing.bytesDue(T0 + 300 * S + 1, spacing)).isEqualTo(16 * 1024);
        assertThat(spacing.allows(T0 + 374 * S)).as("the step is a large write").isFalse();
        pacing.batchArrived(T0 + 301 * S);
        assertThat(pacing.bytesDue(T0 + 301 * S, spacing)).isZero(); // the period starts again at the step
        pacing.batchArrived(T0 + 601 * S);
        assertThat(pacing.bytesDue(T0 + 601 * S, spacing)).isEqualTo(16 * 1024);
    }

    @Test
    void aStepWaitsUntilTheLastLargeWriteIsASpacingAgo() {
        CompactionPacing pacing = new CompactionPacing(300 * S, T0);
        HeavyWriteSpacing spacing = new HeavyWriteSpacing(T0);
        spacing.done(T0 + 290 * S); // a fold
        pacing.batchArrived(T0 + 301 * S);
        assertThat(pacing.bytesDue(T0 + 301 * S, spacing)).isZero();
        pacing.batchArrived(T0 + 364 * S);
        assertThat(pacing.bytesDue(T0 + 364 * S, spacing)).isZero(); // 74 s after the fold
        pacing.batchArrived(T0 + 365 * S);
        assertThat(pacing.bytesDue(T0 + 365 * S, spacing)).isEqualTo(16 * 1024);
    }

    @Test
    void onceQuietALargeStepAtEverySync() {
        CompactionPacing pacing = new CompactionPacing(300 * S, T0);
        HeavyWriteSpacing spacing = new HeavyWriteSpacing(T0);
        pacing.batchArrived(T0 + 5 * S);
        assertThat(pacing.bytesDue(T0 + 15 * S, spacing)).isZero(); // exactly ten seconds is not yet quiet
        assertThat(pacing.bytesDue(T0 + 15 * S + 1, spacing)).isEqualTo(4 << 20);
        assertThat(pacing.bytesDue(T0 + 16 * S, spacing)).isEqualTo(4 << 20);
        pacing.batchArrived(T0 + 17 * S);
        assertThat(pacing.bytesDue(T0 + 18 * S, spacing)).isZero(); // recording again: the small pace
    }
}
