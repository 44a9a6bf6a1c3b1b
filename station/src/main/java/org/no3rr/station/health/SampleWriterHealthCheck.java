package org.no3rr.station.health;

import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.no3rr.station.messaging.BatchingSampleWriter;

/** The station is alive only while its sample writer is: without it, no sample would be stored. */
@Liveness
public class SampleWriterHealthCheck implements HealthCheck {

    @Inject
    BatchingSampleWriter writer;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("sample-writer")
                .status(writer.isAlive())
                .withData("pendingSamples", writer.pending())
                .build();
    }
}
