package org.no3rr.station.calibration;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.no3rr.hal.HalException;
import org.no3rr.station.rest.ErrorResponse;

/** A chip that did not answer during a procedure: the station works, the hardware does not, so 503 naming the chip. */
final class HardwareFailures {

    private HardwareFailures() {
    }

    static Response response(String what, HalException e) {
        return Response.status(503).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse(503, what + " failed: " + e.getMessage(), null, List.of())).build();
    }
}
