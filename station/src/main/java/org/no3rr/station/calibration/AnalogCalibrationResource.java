package org.no3rr.station.calibration;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.no3rr.hal.HalException;
import org.no3rr.station.service.InvalidRequestException;
import org.no3rr.station.validation.Check;
import org.no3rr.station.validation.Ranges;

/**
 * The guided two-point calibration of a channel's paths: the readings {@code voltage},
 * {@code current} and (H-cell) {@code potential}, and the outputs {@code current-source} and
 * (H-cell) {@code potential-control}. A stored calibration is in force at once. Methods run on
 * worker threads: a step reads (and may drive) the hardware.
 */
@Path("/api/channels/{channel}/calibration")
public class AnalogCalibrationResource {

    /**
     * Body of {@code POST .../{path}/points}: {@code trueValue} (a reading: required), {@code driveCurrentA}
     * (the current reading: optional), {@code commanded} (an output: required; {@code trueValue} optional).
     */
    public record PointRequest(Double trueValue, Double driveCurrentA, Double commanded) {

        PointRequest checked() {
            Check.optional("trueValue", trueValue, Ranges.REFERENCE_VALUE);
            Check.optional("driveCurrentA", driveCurrentA, Ranges.DRIVE_CURRENT_A);
            Check.optional("commanded", commanded, Ranges.REFERENCE_VALUE);
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
            throw new InvalidRequestException("body", "a JSON body is required, e.g. {\"trueValue\": 1.000}"
                    + " or, for an output, {\"commanded\": -0.04}");
        }
        request.checked();
        return calibrations.recordPoint(channel, path, request.trueValue(), request.driveCurrentA(), request.commanded());
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
        return HardwareFailures.response("the reading", e);
    }
}
