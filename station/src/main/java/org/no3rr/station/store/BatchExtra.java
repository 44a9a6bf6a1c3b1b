package org.no3rr.station.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A record that must be committed together with a batch — in the same transaction as the marker
 * its journal record names, so a crash keeps both or neither (the summaries of the steps the
 * batch's samples close, a run's new state: {@link RunCommits}).
 */
@FunctionalInterface
interface BatchExtra {

    /** Writes the record with {@code connection}, inside the batch's transaction; never commits. */
    void write(Connection connection) throws SQLException;
}
