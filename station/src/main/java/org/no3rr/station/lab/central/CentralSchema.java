package org.no3rr.station.lab.central;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The central database's schema, versioned in its own {@code lab_schema_version} table (not the station's
 * Flyway: the central database is shared by every station and may be newer or older than any one of them).
 * Each version is a script under {@code db/central/}; {@link #ensure} applies the missing ones in one
 * transaction under an advisory lock, so stations starting together create it once.
 */
public final class CentralSchema {

    /** The version this station writes and reads. */
    public static final int CURRENT = 1;

    private static final List<String> SCRIPTS = List.of("/db/central/V1__lab_schema.sql");
    /** Any number the lab's databases agree on: "no3rr" in ASCII. */
    private static final long LOCK = 0x6e6f337272L;

    private CentralSchema() {
    }

    /**
     * Brings the schema to {@link #CURRENT} and returns the database's identity ({@code lab_database.id}).
     *
     * @throws SQLException when the database cannot be reached, or this role may not create what is missing
     *                      (the message then says who can)
     * @throws IllegalStateException when the database is at a newer version than this station knows
     */
    public static String ensure(Connection c) throws SQLException {
        int version = version(c);
        if (version < CURRENT) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(" + LOCK + ")");
                for (int v = version(c) + 1; v <= CURRENT; v++) {
                    s.execute(script(v));
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                if ("42501".equals(e.getSQLState())) {
                    throw new SQLException("the central database's lab schema is at version " + version + " and this "
                            + "role may not create version " + CURRENT + " (" + e.getMessage() + "); start the lab "
                            + "instance, or one station, once with the database owner's role (docs/lab.md)",
                            e.getSQLState(), e);
                }
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } else if (version > CURRENT) {
            throw new IllegalStateException("the central database's lab schema is at version " + version
                    + "; this station knows versions up to " + CURRENT + ": update the station");
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM lab_database")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The schema's version; 0 when the database has none yet. */
    static int version(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet exists = s.executeQuery("SELECT to_regclass('lab_schema_version') IS NOT NULL")) {
            exists.next();
            if (!exists.getBoolean(1)) {
                return 0;
            }
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM lab_schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String script(int version) {
        String name = SCRIPTS.get(version - 1);
        try (InputStream in = CentralSchema.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the station's classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + name, e);
        }
    }
}
