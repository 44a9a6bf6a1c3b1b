package org.no3rr.hal.fake;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.no3rr.hal.i2c.Pacer;

/**
 * Time for the hardware fakes: it moves only when a driver waits ({@link #pause}) or a test says
 * so, and every wait is recorded, so tests assert exact datasheet waits and never sleep.
 */
public final class FakeTime implements Pacer {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final List<Long> pauses = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void pause(long nanos) {
        pauses.add(nanos);
        this.nanos.addAndGet(nanos);
    }

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    /** Moves time without a recorded pause, as a hung transfer or the kernel's timeout would. */
    public void advance(long nanos) {
        this.nanos.addAndGet(nanos);
    }

    /** Every pause asked for, in order. */
    public List<Long> pauses() {
        synchronized (pauses) {
            return List.copyOf(pauses);
        }
    }

    public void clearPauses() {
        pauses.clear();
    }
}
