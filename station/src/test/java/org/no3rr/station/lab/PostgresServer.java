package org.no3rr.station.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A private PostgreSQL cluster for a test: {@code initdb} in a temporary directory, {@code pg_ctl} on a
 * free loopback port, run as the {@code postgres} user when the tests run as root. The test can stop and
 * start it at will — a real outage, not a mock. Trust authentication, one superuser role {@code lab}.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "lab";
    private static final String OS_USER = "postgres";

    private final Path dir;
    private final Path bin;
    private final int port;
    private final boolean durable;

    private PostgresServer(Path dir, Path bin, int port, boolean durable) {
        this.dir = dir;
        this.bin = bin;
        this.port = port;
        this.durable = durable;
    }

    /** A fresh cluster, started; {@code durable} keeps PostgreSQL's fsync (for benchmarks), tests turn it off. */
    public static PostgresServer create(boolean durable) throws IOException {
        Path bin = binaries();
        ExternalProgram.require(bin.resolve("initdb"), "postgresql");
        Path dir = ExternalProgram.directoryFor(OS_USER, "no3rr-pg-");
        PostgresServer server = new PostgresServer(dir, bin, ExternalProgram.freePort(), durable);
        ExternalProgram.run(ExternalProgram.as(OS_USER, List.of(bin.resolve("initdb").toString(), "-D",
                server.data().toString(), "-U", USER, "--auth=trust", "-E", "UTF8", "--no-sync")), server.log());
        server.start();
        return server;
    }

    public static PostgresServer create() throws IOException {
        return create(false);
    }

    public void start() {
        String options = "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1"
                + (durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        ExternalProgram.run(ExternalProgram.as(OS_USER, List.of(bin.resolve("pg_ctl").toString(), "-D",
                data().toString(), "-o", options, "-l", dir.resolve("server.log").toString(), "-w", "-t", "60",
                "start")), log());
    }

    /** A fast shutdown: open connections are cut, as when the lab server goes down. */
    public void stop() {
        ExternalProgram.run(ExternalProgram.as(OS_USER, List.of(bin.resolve("pg_ctl").toString(), "-D",
                data().toString(), "-m", "fast", "-w", "-t", "60", "stop")), log());
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("user", USER);
        // The driver itself: under Quarkus's class loaders DriverManager may not see it.
        return new org.postgresql.Driver().connect(jdbcUrl(database), properties);
    }

    public void createDatabase(String name) throws SQLException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (RuntimeException alreadyStopped) {
            // The test stopped it and failed before starting it again.
        }
        ExternalProgram.deleteTree(dir);
    }

    private Path data() {
        return dir.resolve("data");
    }

    private Path log() {
        return dir.resolveSibling(dir.getFileName() + ".log");
    }

    /** The newest installed major version's programs, e.g. /usr/lib/postgresql/15/bin. */
    private static Path binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return root.resolve("15/bin");
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.max(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString())))
                    .orElse(root.resolve("15")).resolve("bin");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
