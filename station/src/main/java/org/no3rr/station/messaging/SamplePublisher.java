package org.no3rr.station.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.no3rr.station.config.StationConfig;
import org.no3rr.station.store.RunProgress;

import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Where channel runners hand what their runs add ({@link RunProgress}). The returned stage completes
 * when its batch has committed, and fails if it could not be stored.
 *
 * <p>At most {@code station.writer.max-in-flight} samples wait for the writer; a runner that gets
 * ahead of the database (a simulation at maximum speed) waits here, so memory stays bounded.
 */
@ApplicationScoped
public class SamplePublisher {

    @Inject
    @Channel(StreamChannels.SAMPLES)
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    Emitter<RunProgress> emitter;

    @Inject
    StationConfig config;

    @Inject
    StorageStatus storage;

    private Semaphore inFlight;

    @PostConstruct
    void init() {
        inFlight = new Semaphore(config.writer().maxInFlight());
    }

    /**
     * Hands a run's progress to the writer. Progress with a sample waits while too many wait for the
     * writer — unless storage fails meanwhile: then nothing is sent and empty is returned, so the
     * caller can put its channel in the safe state instead of waiting with the current on. Progress
     * without a sample (a state change, a stop) is small and always sent, to be stored once storage
     * works again.
     */
    public Optional<CompletionStage<Void>> publish(RunProgress progress) throws InterruptedException {
        boolean counted = progress.hasSample();
        if (counted) {
            while (!inFlight.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                if (storage.isFailing()) {
                    return Optional.empty();
                }
            }
        }
        CompletionStage<Void> stored;
        try {
            stored = emitter.send(progress);
        } catch (RuntimeException e) {
            if (counted) {
                inFlight.release();
            }
            throw e;
        }
        return Optional.of(counted ? stored.whenComplete((ignored, failure) -> inFlight.release()) : stored);
    }
}
