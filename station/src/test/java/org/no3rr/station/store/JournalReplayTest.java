package org.no3rr.station.store;

import org.junit.jupiter.api.Test;
import org.no3rr.protocol.StepKind;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recovery takes, per run, the journaled samples that follow its stored ones without a gap and the
 * engine state after the last of them; records whose marker never committed count for nothing.
 */
class JournalReplayTest {

    /** Run 1 has samples 1..10 in blocks, run 2 none. */
    private static StoredProgress stored() {
        StoredProgress stored = new StoredProgress(null);
        stored.put(1, new SampleEnd(10, 10_000, null));
        stored.put(2, SampleEnd.NONE);
        return stored;
    }

    private static SampleBlock samples(long first, long last) {
        SampleBlock block = new SampleBlock(first, (int) (last - first + 1));
        for (long seq = first; seq <= last; seq++) {
            block.append(new SampleRow(0, seq, 1000 * seq, 0, 1.0, 0.001, Double.NaN, 25.0, 1, 1, 1, StepKind.REST));
        }
        return block;
    }

    private static SampleJournal.Entry entry(long marker, long run, SampleBlock samples, String state) {
        return new SampleJournal.Entry(marker, List.of(new SampleJournal.Share(run, samples, state)));
    }

    private static long[] seqs(SampleBlock block) {
        long[] seqs = new long[block.count()];
        for (int k = 0; k < seqs.length; k++) {
            seqs[k] = block.firstSeq() + k;
        }
        return seqs;
    }

    @Test
    void samplesBeyondTheBlocksAreRecoveredOnceWithTheLastState() {
        JournalReplay.Recovered r = JournalReplay.of(List.of(
                entry(0, 1, samples(8, 12), "after 12"), // 8..10 are already in blocks
                entry(0, 1, samples(13, 14), "after 14"),
                entry(0, 2, samples(1, 3), "run 2 after 3")), Set.of(), stored());

        assertThat(seqs(r.samples().get(1L))).containsExactly(11, 12, 13, 14);
        assertThat(seqs(r.samples().get(2L))).containsExactly(1, 2, 3);
        assertThat(r.states()).isEqualTo(Map.of(1L, "after 14", 2L, "run 2 after 3"));
        assertThat(r.counts()).isEqualTo(Map.of(1L, 4, 2L, 3));
    }

    @Test
    void aRecordWhoseMarkerNeverCommittedCountsForNothing() {
        JournalReplay.Recovered r = JournalReplay.of(List.of(
                entry(0, 1, samples(11, 12), "after 12"),
                entry(7, 1, samples(13, 13), "after 13, committed"),
                entry(8, 1, samples(14, 14), "after 14, never committed")), Set.of(7L), stored());

        assertThat(seqs(r.samples().get(1L))).containsExactly(11, 12, 13);
        assertThat(r.states()).isEqualTo(Map.of(1L, "after 13, committed"));
    }

    @Test
    void nothingAfterAGapCounts() {
        JournalReplay.Recovered r = JournalReplay.of(List.of(
                entry(0, 1, samples(11, 12), "after 12"),
                entry(0, 1, samples(14, 15), "after 15"), // 13 was lost
                entry(0, 1, samples(13, 13), "after 13")), Set.of(), stored());

        assertThat(seqs(r.samples().get(1L))).containsExactly(11, 12);
        assertThat(r.states()).isEqualTo(Map.of(1L, "after 12"));
    }

    @Test
    void aStateAloneCountsOnlyRightAfterTheRunsLastSample() {
        JournalReplay.Recovered r = JournalReplay.of(List.of(
                entry(0, 1, samples(10, 9), "older than the blocks"), // empty, starts at 10: before the end
                entry(0, 1, samples(11, 10), "paused after 10"),      // empty, starts at 11: right after
                entry(0, 2, samples(2, 1), "after a lost sample 1")), Set.of(), stored()); // a gap

        assertThat(r.samples()).containsOnlyKeys(1L);
        assertThat(r.samples().get(1L).count()).isZero();
        assertThat(r.samples().get(1L).firstSeq()).isEqualTo(11);
        assertThat(r.states()).isEqualTo(Map.of(1L, "paused after 10"));
        assertThat(r.counts()).isEmpty();
    }
}
