package org.no3rr.station.store;

import org.junit.jupiter.api.Test;
import org.no3rr.protocol.StepKind;

import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A batch's samples of a run must follow the run's last one without a gap, each the one before. */
class SampleContinuityTest {

    private static List<SampleRow> rows(long... seqs) {
        return LongStream.of(seqs).mapToObj(seq -> new SampleRow(7, seq, 1000 * seq, 0, 1.0, 0.001, Double.NaN, 25.0,
                1, 1, 1, StepKind.REST)).toList();
    }

    @Test
    void samplesThatFollowTheLastOneAreAccepted() {
        assertThatCode(() -> SampleContinuity.check(7, rows(11, 12, 13), 10)).doesNotThrowAnyException();
        assertThatCode(() -> SampleContinuity.check(7, rows(), 10)).doesNotThrowAnyException();
    }

    @Test
    void aSampleAlreadyStoredIsRefusedWithWhereTheRunEnds() {
        assertThatThrownBy(() -> SampleContinuity.check(7, rows(10, 11), 10))
                .isInstanceOf(StorageException.class)
                .hasMessage("sample 10 of run 7 is already stored (the run's samples go up to 10)");
    }

    @Test
    void aGapAfterTheLastStoredSampleIsRefused() {
        assertThatThrownBy(() -> SampleContinuity.check(7, rows(12, 13), 10))
                .isInstanceOf(StorageException.class)
                .hasMessage("sample 12 of run 7 does not follow sample 10: a run's samples are numbered without gaps");
    }

    @Test
    void aSampleTwiceInOneBatchIsRefusedBeforeItsPlaceIsChecked() {
        assertThatThrownBy(() -> SampleContinuity.check(7, rows(11, 12, 12), 3))
                .isInstanceOf(StorageException.class)
                .hasMessage("sample 12 of run 7 comes twice in one batch");
    }

    @Test
    void aGapInsideTheBatchIsRefused() {
        assertThatThrownBy(() -> SampleContinuity.check(7, rows(11, 13), 10))
                .isInstanceOf(StorageException.class)
                .hasMessage("sample 13 of run 7 does not follow sample 11: a run's samples are numbered without gaps");
    }
}
