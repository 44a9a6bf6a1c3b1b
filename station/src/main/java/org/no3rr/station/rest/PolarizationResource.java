package org.no3rr.station.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.no3rr.station.service.PolarizationService;

/** The polarization curve and peak power density of a run. */
@Path("/api/runs/{id}/polarization")
public class PolarizationResource {

    @Inject
    PolarizationService polarization;

    /** 409 when the run has no Polarize data yet, or only one level of it. */
    @GET
    public PolarizationView polarization(@PathParam("id") long id) {
        return PolarizationView.of(polarization.curve(id));
    }
}
