package org.no3rr.station.lab.central;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code /q/health} and {@code /q/metrics} tell about replication into the central database: whether
 * it is on, whether the database answers, and how far behind it is — in samples stored on the station but
 * not yet centrally, and in seconds, the age of the oldest of them.
 */
@ApplicationScoped
public class ReplicationStatus {

    /** Where replication stands. */
    public enum State {
        /** {@code station.lab.db.url} is unset: no thread, no connection. */
        OFF,
        /** Started, not yet connected. */
        CONNECTING,
        /** Connected; samples are waiting to be sent. */
        SENDING,
        /** Connected; everything stored has been sent. */
        CAUGHT_UP,
        /** The database cannot be reached or refuses: retried with backoff, nothing is lost meanwhile. */
        UNREACHABLE
    }

    private volatile State state = State.OFF;
    private volatile long lagSamples;
    private volatile double lagSeconds;
    private volatile String lastError;
    private volatile long samplesSent;

    private MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();

    @Inject
    void register(MeterRegistry registry) {
        this.registry = registry;
        meters.add(Gauge.builder("station.lab.replication.lag.samples", this, s -> s.lagSamples)
                .description("Samples stored on the station and not yet committed by the central database")
                .strongReference(true).register(registry));
        meters.add(Gauge.builder("station.lab.replication.lag.seconds", this, s -> s.lagSeconds)
                .description("Age of the oldest stored sample not yet committed by the central database, s")
                .strongReference(true).register(registry));
        meters.add(Gauge.builder("station.lab.replication.samples.sent", this, s -> s.samplesSent)
                .description("Samples committed by the central database since the station started")
                .strongReference(true).register(registry));
        meters.add(Gauge.builder("station.lab.replication.reachable", this, s -> s.state == State.SENDING
                        || s.state == State.CAUGHT_UP ? 1 : 0)
                .description("1 while the central database answers, 0 otherwise (also when replication is off)")
                .strongReference(true).register(registry));
    }

    /**
     * Micrometer's registry can outlive the application (tests restart Quarkus in one JVM): a gauge left
     * behind would keep reading this dead instance and shadow the next one's registration.
     */
    @PreDestroy
    void unregister() {
        meters.forEach(registry::remove);
    }

    public State state() {
        return state;
    }

    public long lagSamples() {
        return lagSamples;
    }

    public double lagSeconds() {
        return lagSeconds;
    }

    public String lastError() {
        return lastError;
    }

    public long samplesSent() {
        return samplesSent;
    }

    void state(State state) {
        this.state = state;
    }

    void lag(long samples, double seconds) {
        this.lagSamples = samples;
        this.lagSeconds = seconds;
    }

    void failed(String error) {
        this.state = State.UNREACHABLE;
        this.lastError = error;
    }

    void sent(long samples) {
        this.samplesSent += samples;
    }
}
