package org.no3rr.station.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.no3rr.station.diskspace.DiskForecast;
import org.no3rr.station.diskspace.DiskSpaceMonitor;

/** {@code GET /api/disk-space}: the data directory's disk as of the latest check (once a minute). */
@Path("/api/disk-space")
public class DiskSpaceResource {

    @Inject
    DiskSpaceMonitor disk;

    @GET
    public DiskForecast diskSpace() {
        return disk.current();
    }
}
