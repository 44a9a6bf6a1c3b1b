package org.no3rr.station.calibration;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.no3rr.hal.HalException;
import org.no3rr.station.rest.ErrorResponse;
import org.no3rr.station.service.InvalidRequestException;
import org.no3rr.station.validation.Check;
import org.no3rr.station.validation.Ranges;

/**
 * The guided two-point calibration of a channel's analog paths ({@code voltage}, {@code current},
 * and {@code potential} on an H-cell). Methods run on worker threads: a step reads the hardware.
 */
@Path("/api/channels/{channel}/calibration")
public class AnalogCalibrationResource {

    /** Body of {@code POST .../{path}/points}. */
    public record PointRequest(Double trueValue, Double driveCurrentA) {

        PointRequest checked() {
            Check.optional("trueValue", trueValue, Ranges.REFERENCE_VALUE);
            Check.optional("driveCurrentA", driveCurrentA, Ranges.DRIVE_CURRENT_A);
            return this;
        }
    }

    @Inject
    AnalogCalibrationService calibrations;

    @GET
    public ChannelCalibration calibration(@PathParam("channel") String channel) {
        return calibrations.calibration(channel);
    }

    @POST
    @Path("{path}/points")
    public PathCalibration recordPoint(@PathParam("channel") String channel, @PathParam("path") String path,
                                       PointRequest request) {
        if (request == null) {
            throw new InvalidRequestException("body", "a JSON body is required, e.g. {\"trueValue\": 1.000}");
        }
        request.checked();
        return calibrations.recordPoint(channel, path, request.trueValue(), request.driveCurrentA());
    }

    @DELETE
    @Path("{path}/points")
    public PathCalibration discardPoints(@PathParam("channel") String channel, @PathParam("path") String path) {
        return calibrations.discardPoints(channel, path);
    }

    @POST
    @Path("{path}/apply")
    public PathCalibration apply(@PathParam("channel") String channel, @PathParam("path") String path) {
        return calibrations.apply(channel, path);
    }

    @DELETE
    @Path("{path}")
    public PathCalibration reset(@PathParam("channel") String channel, @PathParam("path") String path) {
        return calibrations.reset(channel, path);
    }

    /** A chip that did not answer: the station works, the hardware does not, so 503 with the chip's name. */
    @ServerExceptionMapper
    public Response hardwareFailure(HalException e) {
        return Response.status(503).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse(503, "the reading failed: " + e.getMessage(), null, List.of())).build();
    }
}
