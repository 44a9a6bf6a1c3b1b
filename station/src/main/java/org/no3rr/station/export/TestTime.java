package org.no3rr.station.export;

import org.no3rr.station.store.RunRecord;

/**
 * Where a run's test time counts from: its start, or its creation if it never started. Every
 * export and the samples endpoint use this one origin, so their times agree.
 */
public final class TestTime {

    private TestTime() {
    }

    public static long originMillis(RunRecord run) {
        return run.startedMs() != null ? run.startedMs() : run.createdMs();
    }
}
