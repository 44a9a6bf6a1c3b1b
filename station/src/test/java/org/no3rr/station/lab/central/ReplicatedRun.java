package org.no3rr.station.lab.central;

import org.no3rr.engine.RunState;
import org.no3rr.protocol.StepKind;
import org.no3rr.station.store.RunEvent;
import org.no3rr.station.store.RunRecord;
import org.no3rr.station.store.StoredSample;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A small run of another station ({@value #STATION}/{@value #RUN}), written into a central database with the
 * station's own {@link CentralWriter}, as replication would: for the lab instance's tests to read back.
 */
public final class ReplicatedRun {

    public static final String STATION = "bench-9";
    public static final long RUN = 5;
    public static final long START_MS = 1_700_000_000_000L;
    public static final String CELL = "{\"areaCm2\": 2.0, \"znMassG\": 0.05}";
    /** A rest, then a discharge; the second sample has no working-electrode potential (NULL centrally, NaN here). */
    public static final List<StoredSample> SAMPLES = List.of(
            new StoredSample(1, START_MS + 1000, 1000, 1.512, 0.0, 0.25, 24.5, 1, 1, 1, StepKind.REST),
            new StoredSample(2, START_MS + 2000, 2000, 1.511, 0.0, Double.NaN, Double.NaN, 1, 1, 1, StepKind.REST),
            new StoredSample(3, START_MS + 3500, 500, 1.402, -0.01, 0.125, 24.75, 1, 2, 2, StepKind.DISCHARGE));

    private ReplicatedRun() {
    }

    /** Writes the run (again: every statement is idempotent) into the database, creating its schema if missing. */
    public static void writeTo(Connection c) throws SQLException {
        CentralSchema.ensure(c);
        c.setAutoCommit(false);
        CentralWriter writer = new CentralWriter(c, STATION);
        writer.upsertRun(new RunRecord(RUN, "ch3", RunState.DONE, "Rest for 2 s\nDischarge at 5 mA/cm2 for 2 s",
                CELL, "{}", "0.1.0", "second cell of the batch", START_MS, START_MS, START_MS + 4000, "finished",
                null, 3, START_MS + 3500), 3, START_MS + 3500);
        writer.insertSamples(RUN, SAMPLES);
        writer.insertEvents(List.of(new RunEvent(40, RUN, START_MS, RunEvent.STARTED, "run started"),
                new RunEvent(41, RUN, START_MS + 4000, RunEvent.FINISHED, "run finished")));
        c.commit();
    }
}
