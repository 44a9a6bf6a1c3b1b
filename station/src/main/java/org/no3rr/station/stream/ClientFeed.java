package org.no3rr.station.stream;

import io.smallrye.mutiny.subscription.MultiEmitter;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/**
 * One stream client's queue. A runner only ever appends here (a few nanoseconds under a lock) and
 * never waits for the client: when the queue is full the <em>oldest</em> event is dropped and
 * counted, so a slow phone sees the latest data rather than stale data. Events are handed to
 * the connection on a worker thread, only as fast as the connection asks for them.
 *
 * <p>Every event gets the next number of this client's sequence, dropped or not, and the number
 * is sent as the SSE {@code id}: a gap in the ids tells the client how many it missed.
 */
final class ClientFeed {

    /** An event with its number in this client's sequence. */
    record Numbered(long id, LiveEvent event) {
    }

    private final String channelFilter;
    private final int capacity;
    private final Executor worker;
    private final MultiEmitter<? super Numbered> emitter;
    private final ArrayDeque<Numbered> queue;
    private long nextId = 1;
    private long dropped;
    private boolean draining;

    /** @param channelFilter the only channel this client wants, or null for all */
    ClientFeed(String channelFilter, int capacity, Executor worker, MultiEmitter<? super Numbered> emitter) {
        this.channelFilter = channelFilter;
        this.capacity = capacity;
        this.worker = worker;
        this.emitter = emitter;
        this.queue = new ArrayDeque<>(capacity);
    }

    /** Called by runners; never blocks for longer than an append. */
    void offer(LiveEvent event) {
        if (channelFilter != null && !channelFilter.equals(event.channel())) {
            return;
        }
        synchronized (this) {
            if (queue.size() == capacity) {
                queue.pollFirst();
                dropped++;
            }
            queue.addLast(new Numbered(nextId++, event));
        }
        scheduleDrain();
    }

    /** Events dropped for this client so far. */
    synchronized long dropped() {
        return dropped;
    }

    /** Also called when the connection asks for more. */
    void scheduleDrain() {
        synchronized (this) {
            if (draining || queue.isEmpty()) {
                return;
            }
            draining = true;
        }
        worker.execute(this::drain);
    }

    /** Runs on one worker at a time (the {@code draining} flag), so events leave in order. */
    private void drain() {
        while (true) {
            Numbered next;
            synchronized (this) {
                if (emitter.isCancelled() || emitter.requested() <= 0 || queue.isEmpty()) {
                    draining = false;
                    return;
                }
                next = queue.pollFirst();
            }
            emitter.emit(next);
        }
    }
}
