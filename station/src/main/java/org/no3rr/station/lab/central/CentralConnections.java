package org.no3rr.station.lab.central;

import org.no3rr.station.lab.LabConfig;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Connections to the central PostgreSQL, opened with the driver itself rather than a pool: the station
 * holds one, on its replication thread, and only while {@code station.lab.db.url} is set. Timeouts bound
 * every wait, so a database that vanishes mid-statement fails the batch instead of hanging the thread.
 */
final class CentralConnections {

    private static final int CONNECT_TIMEOUT_S = 10;
    private static final int SOCKET_TIMEOUT_S = 120;
    static final int VALIDATION_TIMEOUT_S = 5;

    private CentralConnections() {
    }

    static Connection open(LabConfig.Db db, String applicationName) throws SQLException {
        Properties properties = properties(db, applicationName);
        Connection c = new org.postgresql.Driver().connect(db.url().orElseThrow(), properties);
        if (c == null) {
            throw new SQLException("station.lab.db.url '" + describe(db.url().get()) + "' is not a PostgreSQL URL; "
                    + "e.g. jdbc:postgresql://lab-server:5432/lab");
        }
        return c;
    }

    static Properties properties(LabConfig.Db db, String applicationName) {
        Properties properties = new Properties();
        db.username().ifPresent(user -> properties.setProperty("user", user));
        db.password().ifPresent(password -> properties.setProperty("password", password));
        properties.setProperty("ApplicationName", applicationName);
        properties.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_S));
        properties.setProperty("socketTimeout", Integer.toString(SOCKET_TIMEOUT_S));
        properties.setProperty("tcpKeepAlive", "true");
        return properties;
    }

    /** The URL for a log line: without its query, which may carry a password. */
    static String describe(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException | RuntimeException ignored) {
            // Already broken: that is why it is being closed.
        }
    }
}
