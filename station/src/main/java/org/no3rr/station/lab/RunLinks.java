package org.no3rr.station.lab;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.no3rr.station.lab.identity.StationIdentity;

import java.util.Optional;

/**
 * The address a person follows to see a run: the station's own page when {@code station.public-url} is
 * set ({@code …/#/run/17}), else the lab page when {@code station.lab.page-url} is set
 * ({@code …/#/run/bench-2/17}: the lab page shows the runs of many stations), else none.
 */
@ApplicationScoped
public class RunLinks {

    @ConfigProperty(name = "station.public-url")
    Optional<String> publicUrl;

    @ConfigProperty(name = "station.lab.page-url")
    Optional<String> labPageUrl;

    @Inject
    StationIdentity station;

    /** The run's page, or null when neither address is configured. */
    public String runUrl(long runId) {
        if (publicUrl.isPresent()) {
            return withoutTrailingSlash(publicUrl.get()) + "/#/run/" + runId;
        }
        return labPageUrl.map(page -> withoutTrailingSlash(page) + "/#/run/" + station.globalRunId(runId))
                .orElse(null);
    }

    /** The lab page, or null. */
    public String labPageUrl() {
        return labPageUrl.orElse(null);
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
