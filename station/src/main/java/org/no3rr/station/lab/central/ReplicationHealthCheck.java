package org.no3rr.station.lab.central;

import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import io.smallrye.health.api.Wellness;

/**
 * Replication into the central database on {@code /q/health}: always UP, because an unreachable lab
 * database must never make a monitor restart a station that runs its cells perfectly well; the data say
 * whether it is reachable and how far behind it is.
 */
@Wellness
public class ReplicationHealthCheck implements HealthCheck {

    @Inject
    ReplicationStatus status;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("lab replication").up()
                .withData("state", status.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        if (status.state() != ReplicationStatus.State.OFF) {
            response.withData("lagSamples", status.lagSamples())
                    .withData("lagSeconds", String.format(java.util.Locale.ROOT, "%.3f", status.lagSeconds()));
            if (status.state() == ReplicationStatus.State.UNREACHABLE && status.lastError() != null) {
                response.withData("lastError", status.lastError());
            }
        }
        return response.build();
    }
}
