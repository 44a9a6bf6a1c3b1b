package org.no3rr.station.rest;

import org.no3rr.station.service.CellDocument;

/**
 * Body of {@code POST /api/runs}.
 *
 * @param channel  id of the channel, e.g. {@code ch1}
 * @param protocol the protocol text, one step per line
 * @param cell     the cell's metadata; {@code areaCm2} is required
 * @param notes    free text from the operator, stored with the run
 */
public record CreateRunRequest(String channel, String protocol, CellDocument cell, String notes) {
}
