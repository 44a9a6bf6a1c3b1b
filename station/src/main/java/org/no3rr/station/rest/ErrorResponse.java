package org.no3rr.station.rest;

import java.util.List;

/**
 * Every error the API returns: what was wrong, in words a person can act on; the request field at
 * fault when there is one; and details such as one line per protocol error.
 */
public record ErrorResponse(int status, String error, String field, List<String> details) {
}
