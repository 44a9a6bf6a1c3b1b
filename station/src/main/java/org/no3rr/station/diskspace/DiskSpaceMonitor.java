package org.no3rr.station.diskspace;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.no3rr.station.config.StationConfig;
import org.no3rr.station.store.SampleStore;
import org.no3rr.station.stream.LiveEvent;
import org.no3rr.station.stream.LiveEvents;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches the disk of the data directory once a minute: free space, the recording rate, the days
 * left ({@link DiskForecast}). Each check goes to the live stream ({@link LiveEvent.DiskSpace}),
 * the metrics ({@code station.disk.*}) and {@code /q/health}; the step into "low" is logged as a
 * warning. docs/storage.md.
 */
@ApplicationScoped
public class DiskSpaceMonitor {

    private static final Logger LOG = Logger.getLogger(DiskSpaceMonitor.class);

    /** The recording rate is taken over this last stretch of time. */
    static final long RATE_WINDOW_NANOS = TimeUnit.MINUTES.toNanos(10);
    /** Below this many samples in the database its size says little about a sample's cost … */
    static final long FEW_SAMPLES = 100_000;
    /** … so a sample is taken to cost this much, the measured steady state rounded up (docs/storage.md). */
    static final double ASSUMED_BYTES_PER_SAMPLE = 40;

    @Inject
    StationConfig config;

    @Inject
    SampleStore samples;

    @Inject
    DataSource dataSource;

    @Inject
    LiveEvents live;

    @Inject
    MeterRegistry metrics;

    private final RecordingRate rate = new RecordingRate(RATE_WINDOW_NANOS);
    private volatile DiskForecast last;

    /** The latest check; checks first if there was none yet. */
    public DiskForecast current() {
        DiskForecast forecast = last;
        return forecast != null ? forecast : check();
    }

    @Scheduled(every = "1m", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void checkNow() {
        check();
    }

    synchronized DiskForecast check() {
        if (last == null) {
            registerGauges();
        }
        rate.note(System.nanoTime(), samples.samplesWritten());
        Path dataDir = Path.of(config.dataDir()).toAbsolutePath().normalize();
        DiskForecast forecast = DiskForecast.of(freeBytes(dataDir), rate.samplesPerSecond(), bytesPerSample(dataDir),
                config.storage().alarmFreeSpace().asLongValue(), config.storage().alarmDaysLeft());
        if (forecast.low() && (last == null || !last.low())) {
            LOG.warnf("The disk of %s is running low: %,d bytes free, %s days of recording left at the current rate",
                    dataDir, forecast.freeBytes(), forecast.daysLeft() == null ? "unlimited" : Math.round(forecast.daysLeft()));
        }
        last = forecast;
        live.publish(new LiveEvent.DiskSpace(System.currentTimeMillis(), forecast.freeBytes(), forecast.bytesPerDay(),
                forecast.daysLeft(), forecast.low()));
        return forecast;
    }

    private static long freeBytes(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            return Files.getFileStore(dataDir).getUsableSpace();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the free space of " + dataDir, e);
        }
    }

    /** The station's files in the data directory (database, journal) per sample in the database. */
    private double bytesPerSample(Path dataDir) {
        long stored;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(SUM(sample_count), 0) FROM sample_block")) {
            rs.next();
            stored = rs.getLong(1);
        } catch (SQLException e) {
            LOG.debugf(e, "could not count the stored samples");
            return ASSUMED_BYTES_PER_SAMPLE;
        }
        if (stored < FEW_SAMPLES) {
            return ASSUMED_BYTES_PER_SAMPLE;
        }
        try (Stream<Path> files = Files.list(dataDir)) {
            long bytes = files.filter(f -> f.getFileName().toString().startsWith("station."))
                    .mapToLong(f -> f.toFile().length()).sum();
            return (double) bytes / stored;
        } catch (IOException e) {
            return ASSUMED_BYTES_PER_SAMPLE;
        }
    }

    private void registerGauges() {
        Gauge.builder("station.disk.free", this, m -> m.current().freeBytes()).baseUnit("bytes")
                .description("Free space on the disk of the data directory").register(metrics);
        Gauge.builder("station.disk.days.left", this, m -> {
            Double days = m.current().daysLeft();
            return days == null ? Double.POSITIVE_INFINITY : days;
        }).description("Days of recording the free space lasts at the current rate (+Inf while not recording)")
                .register(metrics);
        Gauge.builder("station.disk.low", this, m -> m.current().low() ? 1 : 0)
                .description("1 while the low-disk alarm is raised").register(metrics);
    }
}
