package org.no3rr.station.calibration;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.no3rr.hal.HalException;

/**
 * Commissioning of a channel's DACs (operator's work, behind the station's access token):
 * {@code GET} lists each MCP4725 with the code its EEPROM powers it up at; {@code POST
 * .../{role}/eeprom} writes the safe code (2048, normal mode) there and answers once the chip
 * reports the write done. A chip that fails is a 503 naming it.
 */
@Path("/api/channels/{channel}/dacs")
public class DacCommissioningResource {

    @Inject
    DacCommissioningService dacs;

    @GET
    public List<DacCommissioningService.DacView> dacs(@PathParam("channel") String channel) {
        return dacs.dacs(channel);
    }

    @POST
    @Path("{role}/eeprom")
    public DacCommissioningService.DacView commission(@PathParam("channel") String channel, @PathParam("role") String role) {
        return dacs.commission(channel, role);
    }

    @ServerExceptionMapper
    public Response hardwareFailure(HalException e) {
        return HardwareFailures.response("the DAC's commissioning", e);
    }
}
