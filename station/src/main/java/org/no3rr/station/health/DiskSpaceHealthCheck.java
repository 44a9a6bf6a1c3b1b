package org.no3rr.station.health;

import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.no3rr.station.diskspace.DiskForecast;
import org.no3rr.station.diskspace.DiskSpaceMonitor;

import java.util.Locale;

/**
 * The disk of the data directory on {@code /q/health}: free space, days of recording left and the
 * low-disk alarm. Always UP: a low disk is a warning while the station still records; a full one
 * stops the writer, which {@link StorageHealthCheck} reports.
 */
@Readiness
public class DiskSpaceHealthCheck implements HealthCheck {

    @Inject
    DiskSpaceMonitor disk;

    @Override
    public HealthCheckResponse call() {
        DiskForecast forecast = disk.current();
        return HealthCheckResponse.named("disk-space").up()
                .withData("freeBytes", forecast.freeBytes())
                .withData("daysLeft", forecast.daysLeft() == null ? "not recording"
                        : String.format(Locale.ROOT, "%.1f", forecast.daysLeft()))
                .withData("low", forecast.low())
                .build();
    }
}
