package org.no3rr.station.hardware;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.no3rr.station.calibration.AnalogCalibrationStore;
import org.no3rr.station.config.StationConfig;

/** Chooses the hardware backend from {@code station.hal.backend}. */
@ApplicationScoped
public class HardwareBackendProducer {

    @Produces
    @Singleton
    HardwareBackend backend(StationConfig config, Pi4jContextFactory pi4j, AnalogCalibrationStore calibrations,
                            ControlLoopMonitor loops) {
        String backend = config.hal().backend();
        if (backend.equals(SimulatedBackend.NAME)) {
            return new SimulatedBackend(config, loops.watch());
        }
        if (backend.equals(Pi4jStationBackend.NAME)) {
            return Pi4jStationBackend.start(config.hal(), pi4j, calibrations::inForce, loops.watch());
        }
        throw new IllegalArgumentException("station.hal.backend is '" + backend + "'; allowed: "
                + SimulatedBackend.NAME + ", " + Pi4jStationBackend.NAME);
    }

    void close(@Disposes HardwareBackend backend) {
        backend.close();
    }
}
