package org.no3rr.station.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A record that must be stored together with a batch of samples — in the same transaction, so a
 * crash keeps both or neither (e.g. the summary of a step, with the sample that closed the step).
 * A batch that carries one is written straight into the database, its runs' open tails with it.
 */
@FunctionalInterface
public interface BatchExtra {

    /** Writes the record with {@code connection}, inside the batch's transaction; never commits. */
    void write(Connection connection) throws SQLException;
}
