package org.no3rr.station.diskspace;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Samples stored per second over the last {@code window}: from a count that only grows, noted
 * now and then. Recording starts and stops, so the rate follows the recent past, not the average
 * since the station started.
 */
final class RecordingRate {

    private record Note(long nanos, long samples) {
    }

    private final long windowNanos;
    private final Deque<Note> notes = new ArrayDeque<>();

    RecordingRate(long windowNanos) {
        this.windowNanos = windowNanos;
    }

    /** Notes the count of samples stored so far at {@code nanos} (a {@link System#nanoTime}). */
    void note(long nanos, long samplesSoFar) {
        notes.addLast(new Note(nanos, samplesSoFar));
        // Keep the newest note at least a window old, as the start of the window.
        while (notes.size() > 2 && nanos - secondOldest().nanos() >= windowNanos) {
            notes.removeFirst();
        }
    }

    private Note secondOldest() {
        var it = notes.iterator();
        it.next();
        return it.next();
    }

    /** Samples per second from the oldest note kept to the newest; 0 with fewer than two notes. */
    double samplesPerSecond() {
        if (notes.size() < 2) {
            return 0;
        }
        Note first = notes.getFirst();
        Note last = notes.getLast();
        return (last.samples() - first.samples()) * 1e9 / (last.nanos() - first.nanos());
    }
}
