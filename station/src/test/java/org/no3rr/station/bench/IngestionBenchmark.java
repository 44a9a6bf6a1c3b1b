package org.no3rr.station.bench;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.flywaydb.core.Flyway;
import org.no3rr.station.config.DatabaseUrlConfigSourceFactory;
import org.h2.jdbcx.JdbcDataSource;
import org.no3rr.station.config.StationConfig;
import org.no3rr.station.messaging.BatchingSampleWriter;
import org.no3rr.station.messaging.StorageStatus;
import org.no3rr.engine.RunState;
import org.no3rr.station.store.RunStore;
import org.no3rr.protocol.StepKind;
import org.no3rr.station.store.RunProgress;
import org.no3rr.station.store.SampleRow;
import org.no3rr.station.store.SampleStore;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Benchmark, not a test: sustained ingestion through the station's writer path — messages handed to
 * {@link BatchingSampleWriter#receive} exactly as the channels send them, batched by the writer's
 * own thread with the default batch size (1,000) and delay (200 ms), committed by
 * {@link SampleStore#writeBatch} into an H2 file, and counted when the writer acknowledges them
 * (a sample counts as stored only then). Four runs are interleaved, as four channels would be,
 * each sample carrying an engine state as long as a real one; the producer keeps at most
 * {@code station.writer.max-in-flight} (20,000) samples unacknowledged, as the channels do.
 *
 * <p>Usage: {@code IngestionBenchmark <data-dir> [samples]}; the data directory must not hold a
 * database yet. Prints samples acknowledged per second and the file's size. The database is opened
 * with the station's own URL (staged file, {@code WRITE_DELAY=0}).
 */
public final class IngestionBenchmark {

    private static final int RUNS = 4;
    private static final int MAX_IN_FLIGHT = 20_000;
    private static final long START_MS = 1_763_700_000_000L;
    /** About the length of the step engine's encoded state; only the last one per run and batch is stored. */
    private static final String ENGINE_STATE = "{\"stepIndex\":2,\"cycle\":17,\"stepNumber\":35,\"stepStartMs\":"
            + "1763700000000,\"repeatCounters\":[17],\"chargeC\":12.345678,\"dischargeC\":11.234567,"
            + "\"pendingPrompt\":null,\"limitsHit\":[]}";

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args.length > 0 ? args[0] : "/tmp/no3rr-ingest");
        long samples = args.length > 1 ? Long.parseLong(args[1]) : 2_000_000;
        if (Files.exists(dataDir.resolve("station.mv.db"))) {
            throw new IllegalArgumentException(dataDir + " already holds a station database; give an empty directory");
        }
        Files.createDirectories(dataDir);
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(DatabaseUrlConfigSourceFactory.url("file:" + dataDir.toAbsolutePath() + "/station")); // the station's
        h2.setUser("station");
        try (var keepOpen = h2.getConnection()) {
            Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
            RunStore runs = MillionSampleRun.inject(new RunStore(), h2);
            long[] runIds = new long[RUNS];
            for (int r = 0; r < RUNS; r++) {
                runIds[r] = runs.create("ch" + (r + 1), RunState.RUNNING, "Repeat 1000 times:\n  Discharge at 5 mA for "
                        + "10 min\n  Charge at 5 mA for 10 min", "{\"areaCm2\":1.0}", "{\"backend\":\"benchmark\"}",
                        "benchmark", "ingestion benchmark", START_MS);
            }
            BatchingSampleWriter writer = writer(MillionSampleRun.inject(new SampleStore(), h2));
            double seconds = feed(writer, runIds, samples);
            System.out.printf("%,d samples of %d runs acknowledged in %.2f s = %,.0f samples/s; file %,d bytes%n",
                    samples, RUNS, seconds, samples / seconds, Files.size(dataDir.resolve("station.mv.db")));
        }
    }

    /** Sends the samples, at most {@link #MAX_IN_FLIGHT} unacknowledged; returns seconds until the last ack. */
    private static double feed(BatchingSampleWriter writer, long[] runIds, long samples) throws Exception {
        AtomicLong acknowledged = new AtomicLong();
        Random noise = new Random(20261121);
        long began = System.nanoTime();
        for (long i = 0; i < samples; i++) {
            while (i - acknowledged.get() >= MAX_IN_FLIGHT) {
                LockSupport.parkNanos(100_000);
            }
            int r = (int) (i % RUNS);
            long seq = i / RUNS + 1;
            long second = seq - 1;
            int half = (int) (second / 600);
            boolean discharging = half % 2 == 0;
            double voltage = (discharging ? 1.45 : 1.75) + 0.002 * noise.nextGaussian();
            SampleRow row = new SampleRow(runIds[r], seq, START_MS + second * 1000, (second % 600) * 1000, voltage,
                    discharging ? -0.005 : 0.005, r % 2 == 0 ? Double.NaN : -0.1 + 0.001 * noise.nextGaussian(),
                    25.0 + 0.1 * noise.nextGaussian(), half / 2 + 1, half + 1, discharging ? 2 : 3,
                    discharging ? StepKind.DISCHARGE : StepKind.CHARGE);
            writer.receive(Message.of(RunProgress.ofSample(row, ENGINE_STATE), () -> {
                acknowledged.incrementAndGet();
                return CompletableFuture.completedFuture(null);
            }));
        }
        while (acknowledged.get() < samples) {
            LockSupport.parkNanos(1_000_000);
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        invoke(writer, "stop", io.quarkus.runtime.ShutdownEvent.class);
        return seconds;
    }

    /** The writer is a CDI bean; outside Quarkus its collaborators are set and its thread started by hand. */
    private static BatchingSampleWriter writer(SampleStore store) throws ReflectiveOperationException {
        BatchingSampleWriter writer = new BatchingSampleWriter();
        set(writer, "store", store);
        set(writer, "storage", new StorageStatus());
        set(writer, "config", defaultConfig());
        setOptionalStore(writer, "databaseSync", store);
        invoke(writer, "start", io.quarkus.runtime.StartupEvent.class);
        return writer;
    }

    /** The writer's defaults from {@link StationConfig.Writer}. */
    private static StationConfig defaultConfig() {
        StationConfig.Writer writerConfig = (StationConfig.Writer) Proxy.newProxyInstance(
                IngestionBenchmark.class.getClassLoader(), new Class<?>[] {StationConfig.Writer.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "batchSize" -> 1000;
                    case "maxDelay" -> Duration.ofMillis(200);
                    case "maxInFlight" -> MAX_IN_FLIGHT;
                    case "syncInterval" -> Duration.ofSeconds(1);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (StationConfig) Proxy.newProxyInstance(IngestionBenchmark.class.getClassLoader(),
                new Class<?>[] {StationConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("writer")) {
                        return writerConfig;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /**
     * Gives the writer a store of its own that needs only the data source (such as one that forces
     * commits to the disk), if the writer has that field; it runs as the station runs it.
     */
    private static void setOptionalStore(Object writer, String name, SampleStore samples)
            throws ReflectiveOperationException {
        Field field;
        try {
            field = writer.getClass().getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            return;
        }
        Field dataSource = SampleStore.class.getDeclaredField("dataSource");
        dataSource.setAccessible(true);
        Object store = MillionSampleRun.inject(field.getType().getDeclaredConstructor().newInstance(),
                (javax.sql.DataSource) dataSource.get(samples));
        field.setAccessible(true);
        field.set(writer, store);
    }

    private static void set(Object target, String name, Object value) throws ReflectiveOperationException {
        Field field = target.getClass().getDeclaredField(name);
        field.setAccessible(true);
        field.set(target, value);
    }

    private static void invoke(Object target, String name, Class<?> eventType) throws ReflectiveOperationException {
        Method method = target.getClass().getDeclaredMethod(name, eventType);
        method.setAccessible(true);
        method.invoke(target, new Object[] {null});
    }
}
