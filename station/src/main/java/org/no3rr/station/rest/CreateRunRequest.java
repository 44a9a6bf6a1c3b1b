package org.no3rr.station.rest;

import com.fasterxml.jackson.databind.JsonNode;
import org.no3rr.station.service.CellDocument;
import org.no3rr.station.validation.Check;
import org.no3rr.station.validation.Ranges;

/**
 * Body of {@code POST /api/runs}.
 *
 * @param channel  id of the channel, e.g. {@code ch1}
 * @param protocol the protocol: its text (a JSON string, one step per line) or its JSON form (an object,
 *                 see {@code org.no3rr.protocol.json})
 * @param cell     the cell's metadata; {@code areaCm2} is required
 * @param notes    free text from the operator, stored with the run
 * @param queue    if the channel is busy: true queues the run to start when the channel is free,
 *                 otherwise the request is refused with 409
 */
public record CreateRunRequest(String channel, JsonNode protocol, CellDocument cell, String notes, Boolean queue) {

    /** The text fields and the cell against their limits (docs/security.md); the protocol is checked as it is parsed. */
    public CreateRunRequest checked() {
        Check.text("channel", channel, Ranges.IDENTIFIER_CHARS);
        Check.text("notes", notes, Ranges.NOTES_CHARS);
        if (cell != null) {
            cell.checked();
        }
        return this;
    }
}
