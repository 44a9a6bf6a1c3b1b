package org.no3rr.station.lab.instance;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.no3rr.station.lab.central.CentralUnavailableException;
import org.no3rr.station.rest.ErrorResponse;

import java.util.List;

/** The central database down is the lab's outage, not the request's fault: 503 with the reason. */
public class LabErrors {

    @ServerExceptionMapper
    public Response unavailable(CentralUnavailableException e) {
        return Response.status(503).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse(503, e.getMessage(), null, List.of())).build();
    }
}
