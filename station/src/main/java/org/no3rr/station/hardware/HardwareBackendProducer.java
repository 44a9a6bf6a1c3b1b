package org.no3rr.station.hardware;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.no3rr.station.config.StationConfig;

/** Chooses the hardware backend from {@code station.hal.backend}. */
@ApplicationScoped
public class HardwareBackendProducer {

    @Produces
    @Singleton
    HardwareBackend backend(StationConfig config) {
        String backend = config.hal().backend();
        if (backend.equals(SimulatedBackend.NAME)) {
            return new SimulatedBackend(config);
        }
        throw new IllegalArgumentException("station.hal.backend is '" + backend + "'; allowed: "
                + SimulatedBackend.NAME);
    }

    void close(@Disposes HardwareBackend backend) {
        backend.close();
    }
}
