package org.no3rr.station.lab.central;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A stream's cursor moves over consecutive ids at once, and over a gap only after the gap has stood 10 s. */
class GapAwareCursorTest {

    private final GapAwareCursor cursor = new GapAwareCursor(10_000);

    @Test
    void consecutiveIdsMoveTheCursorToTheLast() {
        assertThat(cursor.advance(4, List.of(5L, 6L, 7L), 0)).isEqualTo(7);
    }

    @Test
    void aGapHoldsTheCursorUntilItHasStoodForTheGraceThenIsPassed() {
        // Row 6 has its id but has not committed yet; 7 and 8 have.
        assertThat(cursor.advance(4, List.of(5L, 7L, 8L), 1_000)).isEqualTo(5);
        assertThat(cursor.advance(5, List.of(7L, 8L), 10_999)).isEqualTo(5);
        assertThat(cursor.advance(5, List.of(7L, 8L), 11_000)).isEqualTo(8);
    }

    @Test
    void aGapThatFillsIsNoGapAnyMore() {
        assertThat(cursor.advance(4, List.of(5L, 7L), 1_000)).isEqualTo(5);
        assertThat(cursor.advance(5, List.of(6L, 7L), 2_000)).isEqualTo(7);
        // A later gap has its own clock: the first one's 1 s start does not count for it.
        assertThat(cursor.advance(7, List.of(9L), 10_500)).isEqualTo(7);
        assertThat(cursor.advance(7, List.of(9L), 20_499)).isEqualTo(7);
        assertThat(cursor.advance(7, List.of(9L), 20_500)).isEqualTo(9);
    }
}
