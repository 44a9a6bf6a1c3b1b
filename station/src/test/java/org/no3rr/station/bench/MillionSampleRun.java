package org.no3rr.station.bench;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.no3rr.engine.RunState;
import org.no3rr.station.store.RunStore;
import org.no3rr.protocol.StepKind;
import org.no3rr.station.store.RunProgress;
import org.no3rr.station.store.SampleRow;
import org.no3rr.station.store.SampleStore;

import javax.sql.DataSource;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Benchmark set-up, not a test: writes a finished run of N samples (default 1,000,000) into a fresh
 * station database through the station's own {@link SampleStore#writeBatch}, in batches of 1,000
 * as the writer commits them, and prints the ingestion rate. The station is then started on that
 * data directory to time the samples endpoint and the exports (see docs/benchmarks.md).
 *
 * <p>The samples look like a cycling run: 1 Hz, 10-minute halves at ∓5 mA, a voltage that
 * sags and recovers with noise, a temperature, no reference electrode.
 *
 * <p>Usage: {@code MillionSampleRun <data-dir> [samples]}; the data directory must not hold a database yet.
 */
public final class MillionSampleRun {

    private static final int BATCH = 1000;
    private static final long START_MS = 1_763_700_000_000L;

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args.length > 0 ? args[0] : "/tmp/no3rr-bench");
        long samples = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        if (Files.exists(dataDir.resolve("station.mv.db"))) {
            throw new IllegalArgumentException(dataDir + " already holds a station database; give an empty directory");
        }
        Files.createDirectories(dataDir);
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dataDir.toAbsolutePath() + "/station;DB_CLOSE_ON_EXIT=FALSE;MAX_COMPACT_TIME=2000");
        h2.setUser("station");
        // The station's connection pool keeps the database open; without a connection held here,
        // H2 would close and reopen the file for every batch.
        try (var keepOpen = h2.getConnection()) {
            Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
            write(h2, samples, dataDir);
        }
    }

    private static void write(DataSource h2, long samples, Path dataDir) throws ReflectiveOperationException {

        RunStore runs = inject(new RunStore(), h2);
        SampleStore store = inject(new SampleStore(), h2);
        long runId = runs.create("ch1", RunState.RUNNING, "Repeat 834 times:\n  Discharge at 5 mA for 10 min\n"
                + "  Charge at 5 mA for 10 min", "{\"areaCm2\":1.0,\"znMassG\":0.05}", "{\"backend\":\"benchmark\"}",
                "benchmark", "1 M synthetic samples", START_MS);

        Random noise = new Random(20261121);
        List<RunProgress> batch = new ArrayList<>(BATCH);
        long began = System.nanoTime();
        for (long seq = 1; seq <= samples; seq++) {
            long second = seq - 1;
            int half = (int) (second / 600);
            boolean discharging = half % 2 == 0;
            double phase = (second % 600) / 600.0;
            double voltage = (discharging ? 1.45 - 0.25 * phase : 1.75 + 0.2 * phase) + 0.002 * noise.nextGaussian();
            batch.add(RunProgress.ofSample(new SampleRow(runId, seq, START_MS + second * 1000, (second % 600) * 1000,
                    voltage, discharging ? -0.005 : 0.005, Double.NaN, 25.0 + 0.1 * noise.nextGaussian(), half / 2 + 1,
                    half + 1, discharging ? 2 : 3, discharging ? StepKind.DISCHARGE : StepKind.CHARGE), null));
            if (batch.size() == BATCH || seq == samples) {
                store.writeBatch(batch);
                batch.clear();
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        runs.changeState(runId, RunState.DONE, START_MS + samples * 1000, "benchmark data written");
        System.out.printf("run %d: %,d samples in %.2f s = %,.0f samples/s into %s%n", runId, samples, seconds,
                samples / seconds, dataDir.resolve("station.mv.db"));
    }

    /** The stores are CDI beans; outside Quarkus their data source is set by hand. */
    static <T> T inject(T store, DataSource dataSource) throws ReflectiveOperationException {
        Field field = store.getClass().getDeclaredField("dataSource");
        field.setAccessible(true);
        field.set(store, dataSource);
        return store;
    }
}
