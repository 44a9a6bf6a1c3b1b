package org.no3rr.station.lab.instance;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.no3rr.station.config.StationConfig;
import org.no3rr.station.rest.ErrorResponse;

import java.util.List;
import java.util.Optional;

/**
 * On the lab instance ({@code station.role=lab}) the station's run and channel routes answer 409: runs are
 * started, paused and answered on their own station; the lab reads them under {@code /api/lab/}.
 * On a station this filter lets everything through.
 */
public class LabInstanceGuard {

    static final String MESSAGE = "this is the lab instance; runs are started on their station "
            + "(the lab's runs are read under /api/lab/runs)";

    @Inject
    StationConfig config;

    @ServerRequestFilter
    public Optional<Response> refuseStationRoutes(ContainerRequestContext request) {
        if (config.role() != StationConfig.Role.LAB || !stationRoute(request.getUriInfo().getPath())) {
            return Optional.empty();
        }
        return Optional.of(Response.status(409).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse(409, MESSAGE, null, List.of())).build());
    }

    static boolean stationRoute(String path) {
        return path.equals("/api/runs") || path.startsWith("/api/runs/")
                || path.equals("/api/channels") || path.startsWith("/api/channels/");
    }
}
