package org.no3rr.station.lab;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Map;

/** Starts a private PostgreSQL for a test class and points the station's replication at it. */
public class CentralDatabaseResource implements QuarkusTestResourceLifecycleManager {

    /** The running server, for the test to stop, start and query. */
    static PostgresServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = PostgresServer.create();
            server.createDatabase("lab");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return Map.of("station.lab.db.url", server.jdbcUrl("lab"), "station.lab.db.username", PostgresServer.USER,
                "station.lab.db.idle-interval", "100ms", "station.lab.db.max-retry-interval", "1s",
                "station.id", "bench-test", "station.lab.page-url", "http://lab-server:8080/lab.html");
    }

    /** The running server, for tests in other packages. */
    public static PostgresServer server() {
        return server;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
