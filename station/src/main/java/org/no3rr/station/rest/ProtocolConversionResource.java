package org.no3rr.station.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.no3rr.protocol.Protocol;
import org.no3rr.protocol.ProtocolWriter;
import org.no3rr.protocol.json.ProtocolJson;
import org.no3rr.station.service.InvalidRequestException;
import org.no3rr.station.service.ProtocolService;

/** Converts a protocol between its text and its JSON form, for editors that offer both. */
@Path("/api/protocols/convert")
public class ProtocolConversionResource {

    /** Body: {@code protocol} is the text (a JSON string) or the JSON form (an object). */
    public record ConvertRequest(JsonNode protocol) {
    }

    /** The same protocol both ways: the canonical text and the JSON form. */
    public record Conversion(String text, JsonNode json) {
    }

    @Inject
    ProtocolService protocols;

    /** 200 with both forms, or 400 with one detail per error, as {@code POST /api/protocols/validate}. */
    @POST
    public Conversion convert(ConvertRequest request) {
        if (request == null) {
            throw new InvalidRequestException("body", "a JSON body is required, e.g. {\"protocol\": \"Rest for 10 min\"}");
        }
        Protocol protocol = protocols.parse(request.protocol());
        return new Conversion(ProtocolWriter.write(protocol), ProtocolJson.tree(protocol));
    }
}
