package org.no3rr.station.lab.instance;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.no3rr.station.config.StationConfig;
import org.no3rr.station.lab.LabConfig;

/** Where the station's page links to the lab's ({@code station.lab.page-url}), and which role this instance has. */
@Path("/api/lab/page")
public class LabPageResource {

    @Inject
    LabConfig lab;

    @Inject
    StationConfig station;

    /** {@code pageUrl} null when unset; {@code role} {@code station} or {@code lab}. */
    public record LabPage(String pageUrl, String role) {
    }

    @GET
    public LabPage page() {
        return new LabPage(lab.pageUrl().orElse(null), station.role().name().toLowerCase(java.util.Locale.ROOT));
    }
}
