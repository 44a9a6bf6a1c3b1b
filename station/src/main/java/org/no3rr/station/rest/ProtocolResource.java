package org.no3rr.station.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.no3rr.protocol.Protocol;
import org.no3rr.protocol.ProtocolTemplates;
import org.no3rr.station.channel.ChannelManager;
import org.no3rr.station.service.CellDocument;
import org.no3rr.station.service.InvalidRequestException;
import org.no3rr.station.service.ProtocolService;
import org.no3rr.station.store.SavedProtocol;
import org.no3rr.station.validation.Check;
import org.no3rr.station.validation.Ranges;

import java.util.List;

/** Checking protocols, the ready templates, and the protocols researchers save. */
@Path("/api")
public class ProtocolResource {

    /**
     * Body of {@code POST /api/protocols/validate}; with a channel and a cell the setpoints are checked too.
     * {@code protocol} is the text (a JSON string) or the JSON form (an object).
     */
    public record ValidateRequest(JsonNode protocol, String channel, CellDocument cell) {

        ValidateRequest checked() {
            Check.text("channel", channel, Ranges.IDENTIFIER_CHARS);
            if (cell != null) {
                cell.checked();
            }
            return this;
        }
    }

    /** Body of {@code POST/PUT /api/protocols}. */
    public record SaveRequest(String name, String protocol) {

        SaveRequest checked() {
            Check.text("name", name, Ranges.NAME_CHARS);
            return this;
        }
    }

    public record ValidationResult(boolean valid, List<StepView> steps) {
    }

    @Inject
    ProtocolService protocols;

    @Inject
    ChannelManager channels;

    /** 200 with the parsed steps, or 400 with one detail per error, each naming its line. */
    @POST
    @Path("protocols/validate")
    public ValidationResult validate(ValidateRequest request) {
        if (request == null) {
            throw new InvalidRequestException("body", "a JSON body is required, e.g. {\"protocol\": \"Rest for 10 min\"}");
        }
        request.checked();
        Protocol protocol;
        if (request.channel() == null) {
            protocol = protocols.parse(request.protocol());
        } else {
            var channel = channels.channel(request.channel()).orElseThrow(() -> new InvalidRequestException("channel",
                    "channel '" + request.channel() + "' does not exist"));
            CellDocument cell = request.cell() == null ? new CellDocument(1.0, null, null, null, null, null, null, null)
                    : request.cell();
            protocol = protocols.parseFor(request.protocol(), channel, cell.toMetadata());
        }
        return new ValidationResult(true, StepView.of(protocol.steps()));
    }

    @GET
    @Path("templates")
    public List<ProtocolTemplates.Template> templates() {
        return ProtocolTemplates.all();
    }

    @GET
    @Path("protocols")
    public List<SavedProtocol> saved() {
        return protocols.list();
    }

    @GET
    @Path("protocols/{id}")
    public SavedProtocol saved(@PathParam("id") long id) {
        return protocols.find(id);
    }

    @POST
    @Path("protocols")
    public Response save(SaveRequest request, @Context UriInfo uri) {
        SaveRequest body = require(request);
        SavedProtocol saved = protocols.save(body.name(), body.protocol(), System.currentTimeMillis());
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(saved.id())).build())
                .entity(saved).build();
    }

    @PUT
    @Path("protocols/{id}")
    public SavedProtocol update(@PathParam("id") long id, SaveRequest request) {
        SaveRequest body = require(request);
        return protocols.update(id, body.name(), body.protocol(), System.currentTimeMillis());
    }

    @DELETE
    @Path("protocols/{id}")
    public Response delete(@PathParam("id") long id) {
        protocols.delete(id);
        return Response.noContent().build();
    }

    private static SaveRequest require(SaveRequest request) {
        if (request == null) {
            throw new InvalidRequestException("body", "a JSON body is required, e.g. {\"name\": \"My cycling\", "
                    + "\"protocol\": \"Repeat 500 times:\\n  Discharge at 5 mA/cm2 for 10 min\\n  Charge at 5 mA/cm2 for 10 min\"}");
        }
        return request.checked();
    }
}
