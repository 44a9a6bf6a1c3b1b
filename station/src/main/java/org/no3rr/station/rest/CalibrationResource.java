package org.no3rr.station.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.no3rr.metrics.quantification.CalibrationCurve;
import org.no3rr.metrics.quantification.QuantificationMethod;
import org.no3rr.station.service.CalibrationService;
import org.no3rr.station.service.InvalidRequestException;
import org.no3rr.station.validation.Check;
import org.no3rr.station.validation.Range;
import org.no3rr.station.validation.Ranges;

import java.time.Instant;
import java.util.List;

/** Calibration curves, stored and reused across runs. */
@Path("/api/calibrations")
public class CalibrationResource {

    /** Body of {@code POST /api/calibrations}. */
    public record CalibrationRequest(String name, QuantificationMethod method, double[] standardsMolPerL,
                                     double[] signals, double[] blankSignals) {

        CalibrationRequest checked() {
            Check.text("name", name, Ranges.NAME_CHARS);
            each("standardsMolPerL", standardsMolPerL, Ranges.STANDARD_MOL_PER_L);
            each("signals", signals, Ranges.SIGNAL);
            each("blankSignals", blankSignals, Ranges.SIGNAL);
            return this;
        }

        private static void each(String field, double[] values, Range range) {
            for (int i = 0; values != null && i < values.length; i++) {
                Check.inRange(field + "[" + i + "]", values[i], range);
            }
        }
    }

    /** A calibration with its fitted line (signal = slope·c + intercept) and what the line is based on. */
    public record CalibrationView(long id, String name, Instant createdAt, CalibrationCurve curve,
                                  CalibrationService.Standards standards) {
        static CalibrationView of(CalibrationService.Calibration c) {
            return new CalibrationView(c.id(), c.name(), c.createdAt(), c.curve(), c.standards());
        }
    }

    @Inject
    CalibrationService calibrations;


    @POST
    public Response createCalibration(CalibrationRequest request, @Context UriInfo uri) {
        if (request == null) {
            throw new InvalidRequestException("body", "a JSON body is required, e.g. {\"name\": \"NH4Cl standards\", "
                    + "\"method\": \"INDOPHENOL_BLUE_NH3\", \"standardsMolPerL\": [0, 1e-5], \"signals\": [0.04, 0.12]}");
        }
        request.checked();
        CalibrationService.Calibration created = calibrations.create(request.name(), request.method(),
                new CalibrationService.Standards(request.standardsMolPerL(), request.signals(), request.blankSignals()));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build())
                .entity(CalibrationView.of(created)).build();
    }

    @GET
    public List<CalibrationView> calibrations() {
        return calibrations.list().stream().map(CalibrationView::of).toList();
    }

    @GET
    @Path("{id}")
    public CalibrationView calibration(@PathParam("id") long id) {
        return CalibrationView.of(calibrations.find(id));
    }
}
