package org.no3rr.station.health;

import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.no3rr.station.messaging.StorageStatus;

/**
 * Not ready while the database refuses samples: the channels are paused and someone should look
 * (a full disk is the usual cause).
 */
@Readiness
public class StorageHealthCheck implements HealthCheck {

    @Inject
    StorageStatus storage;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("sample-storage").status(!storage.isFailing());
        if (storage.isFailing()) {
            response.withData("error", storage.failure());
        }
        return response.build();
    }
}
