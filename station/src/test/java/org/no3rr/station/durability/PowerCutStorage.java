package org.no3rr.station.durability;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.no3rr.station.config.StationConfig;
import org.no3rr.station.messaging.BatchingSampleWriter;
import org.no3rr.station.messaging.StorageStatus;
import org.no3rr.station.store.DocumentStore;
import org.no3rr.station.store.RunStore;
import org.no3rr.station.store.SampleStore;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/** The power-cut test's station storage as it starts: database opened and migrated, journal replayed, writer running. */
record PowerCutStorage(Connection keepOpen, RunStore runs, SampleStore samples, DocumentStore documents,
                       BatchingSampleWriter writer) {

    static PowerCutStorage start(String url, long syncMs) throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        h2.setUser("station");
        Connection keepOpen = h2.getConnection();
        try (Statement s = keepOpen.createStatement()) {
            // Freed chunks become reusable after 1 s instead of 45 s, still five syncs later, so
            // the test sees H2 reuse and move space, as the station does over hours.
            s.execute("SET RETENTION_TIME " + 5 * syncMs);
        }
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        SampleStore samples = inject(new SampleStore(), "dataSource", h2);
        inject(samples, "journalBytes", 64 * 1024);
        inject(samples, "compactEveryNanos", 2 * syncMs * 1_000_000L);
        samples.open();
        RunStore runs = inject(inject(new RunStore(), "dataSource", h2), "samples", samples);
        DocumentStore documents = inject(new DocumentStore(), "dataSource", h2);
        BatchingSampleWriter writer = BatchingSampleWriter.started(samples, new StorageStatus(), new Settings(syncMs));
        return new PowerCutStorage(keepOpen, runs, samples, documents, writer);
    }

    /**
     * What is left when the power is gone: the writer gives up, the database goes without writing.
     * Nothing of this life may run on once the power is back, as nothing of a station does.
     */
    void abandon() throws InterruptedException {
        writer.stopWriting();
        if (writer.isAlive()) {
            throw new AssertionError("the sample writer still runs 10 s after the power went");
        }
        samples.close(); // the process's files close with it
        try (Statement s = keepOpen.createStatement()) {
            s.execute("SHUTDOWN IMMEDIATELY");
        } catch (SQLException alreadyClosed) {
            // H2 closed it when its file failed
        }
    }

    private static <T> T inject(T target, String field, Object value) throws ReflectiveOperationException {
        Field f = target.getClass().getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
        return target;
    }

    /** The station's writer settings, with batches of at most 20 ms and syncs {@code syncMs} apart. */
    private record Settings(long syncMs) implements StationConfig.Writer {
        @Override
        public int batchSize() {
            return 1000;
        }

        @Override
        public Duration maxDelay() {
            return Duration.ofMillis(20);
        }

        @Override
        public int maxInFlight() {
            return 20_000;
        }

        @Override
        public Duration syncInterval() {
            return Duration.ofMillis(syncMs);
        }
    }
}
