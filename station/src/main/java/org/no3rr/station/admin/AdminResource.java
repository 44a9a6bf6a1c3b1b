package org.no3rr.station.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** Maintenance: {@code POST /api/admin/backup} writes a consistent copy of the database (used by no3rr-station-backup). */
@Path("/api/admin")
public class AdminResource {

    @Inject
    BackupService backups;

    @POST
    @Path("backup")
    public BackupService.Backup backup() {
        return backups.backUp();
    }
}
