package org.no3rr.station.lab;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.no3rr.station.config.StationConfig;
import org.no3rr.station.lab.identity.StationIdentity;

import java.util.Optional;

/**
 * The address a person follows to see a run: the station's own page when {@code station.public-url} is
 * set ({@code …/#/run/17}), else the lab page when {@code station.lab.page-url} is set
 * ({@code …/#/run/bench-2/17}: the lab page shows the runs of many stations), else none.
 */
@ApplicationScoped
public class RunLinks {

    @Inject
    StationConfig config;

    @Inject
    LabConfig lab;

    @Inject
    StationIdentity station;

    /** The run's page, or null when neither address is configured. */
    public String runUrl(long runId) {
        Optional<String> own = config.publicUrl();
        if (own.isPresent()) {
            return withoutTrailingSlash(own.get()) + "/#/run/" + runId;
        }
        return lab.pageUrl().map(page -> withoutTrailingSlash(page) + "/#/run/" + station.globalRunId(runId))
                .orElse(null);
    }

    /** The lab page, or null. */
    public String labPageUrl() {
        return lab.pageUrl().orElse(null);
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
