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
import org.no3rr.protocol.ProtocolError;
import org.no3rr.protocol.ProtocolOutline;
import org.no3rr.protocol.ProtocolTemplates;
import org.no3rr.station.channel.ChannelManager;
import org.no3rr.station.service.CellDocument;
import org.no3rr.station.service.InvalidRequestException;
import org.no3rr.station.service.ProtocolService;
import org.no3rr.station.store.SavedProtocol;
import org.no3rr.station.validation.Check;
import org.no3rr.station.validation.Ranges;

import java.util.List;

/** Checking and outlining protocols, the ready templates, and the protocols researchers save. */
@Path("/api")
public class ProtocolResource {

    /**
     * Body of {@code POST /api/protocols/validate}: {@code protocol} is the text (a JSON string) or
     * the JSON form (an object). Without a channel only the grammar and physics are checked; with
     * one, also the channel's ratings and what its steps need from the cell (an absent cell is 1 cm²
     * with nothing else known).
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

    /** Body of {@code POST /api/protocols/outline}. */
    public record OutlineRequest(JsonNode protocol) {
    }

    /** Body of {@code POST/PUT /api/protocols}. */
    public record SaveRequest(String name, String protocol) {

        SaveRequest checked() {
            Check.text("name", name, Ranges.NAME_CHARS);
            return this;
        }
    }

    /**
     * A protocol that reads: whether it fits {@code checkedAgainst} (null when no channel was
     * given, so only the grammar and physics were checked), the problems that keep it from that
     * channel, its steps and its outline.
     *
     * @param valid          true when it reads and, if a channel was given, fits it
     * @param checkedAgainst the channel checked against, or null
     * @param ratingProblems what the channel or the cell cannot do, one per problem with its line
     */
    public record ValidationResult(boolean valid, String checkedAgainst, List<ProtocolError> ratingProblems,
                                   List<StepView> steps, ProtocolOutline outline) {
    }

    @Inject
    ProtocolService protocols;

    @Inject
    ChannelManager channels;

    /**
     * 200 with the parsed steps and the rating problems on the channel, if one was given; 400 with
     * one detail per error, each naming its line, when the protocol does not read.
     */
    @POST
    @Path("protocols/validate")
    public ValidationResult validate(ValidateRequest request) {
        if (request == null) {
            throw new InvalidRequestException("body", "a JSON body is required, e.g. {\"protocol\": \"Rest for 10 min\"}");
        }
        request.checked();
        Protocol protocol = protocols.parse(request.protocol());
        List<ProtocolError> problems = List.of();
        if (request.channel() != null) {
            var channel = channels.channel(request.channel()).orElseThrow(() -> new InvalidRequestException("channel",
                    "channel '" + request.channel() + "' does not exist"));
            CellDocument cell = request.cell() == null ? new CellDocument(1.0, null, null, null, null, null, null, null)
                    : request.cell();
            problems = protocols.problemsOn(protocol, channel, cell.toMetadata());
        }
        return new ValidationResult(problems.isEmpty(), request.channel(), problems, StepView.of(protocol.steps()),
                ProtocolOutline.of(protocol));
    }

    /** 200 with what a page needs to show the protocol and a run's progress; 400 as validate. */
    @POST
    @Path("protocols/outline")
    public ProtocolOutline outline(OutlineRequest request) {
        if (request == null) {
            throw new InvalidRequestException("body", "a JSON body is required, e.g. {\"protocol\": \"Rest for 10 min\"}");
        }
        return ProtocolOutline.of(protocols.parse(request.protocol()));
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
