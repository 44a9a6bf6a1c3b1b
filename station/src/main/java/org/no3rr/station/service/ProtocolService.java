package org.no3rr.station.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.no3rr.cell.CellMetadata;
import org.no3rr.protocol.Protocol;
import org.no3rr.protocol.ProtocolError;
import org.no3rr.protocol.ProtocolException;
import org.no3rr.protocol.ProtocolParser;
import org.no3rr.protocol.Step;
import org.no3rr.protocol.StepKind;
import org.no3rr.protocol.json.ProtocolJson;
import org.no3rr.station.hardware.StationChannel;
import org.no3rr.station.store.SavedProtocol;
import org.no3rr.station.store.SavedProtocolStore;
import org.no3rr.station.validation.Check;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses and checks protocols, and keeps the ones researchers save. A protocol is valid when it
 * reads (grammar and physics); it fits a channel when its setpoints are within the channel's
 * ratings and the cell has what its steps need; it can start when, besides, the engine can run
 * every step.
 */
@ApplicationScoped
public class ProtocolService {

    private static final int MAX_NAME_LENGTH = 200;
    private static final int MAX_TEXT_LENGTH = 100_000;

    @Inject
    SavedProtocolStore saved;

    /**
     * @throws InvalidRequestException on field {@code protocol}, one detail per error with its line number
     */
    public Protocol parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidRequestException("protocol",
                    "protocol is required, e.g. \"Discharge at 5 mA/cm2 until 0.8 V or 2 h\"");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new InvalidRequestException("protocol", "protocol has " + text.length()
                    + " characters; at most " + MAX_TEXT_LENGTH + " are allowed");
        }
        Check.text("protocol", text, MAX_TEXT_LENGTH);
        try {
            return ProtocolParser.parse(text);
        } catch (ProtocolException e) {
            throw invalid(e.errors());
        }
    }

    /**
     * A request's {@code protocol} field: the text as a JSON string, or the JSON form as an object
     * (read to the same model; its {@link Protocol#text()} is the canonical text, which a run stores).
     *
     * @throws InvalidRequestException on field {@code protocol}, one detail per error with its line
     *                                 number (text) or JSON path (object)
     */
    public Protocol parse(JsonNode protocol) {
        if (protocol == null || protocol.isNull() || protocol.isTextual()) {
            return parse(protocol == null || protocol.isNull() ? null : protocol.textValue());
        }
        if (!protocol.isObject()) {
            throw new InvalidRequestException("protocol", "protocol must be the protocol text (a string) or its JSON "
                    + "form (an object with \"steps\"), found " + protocol.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        Protocol parsed;
        try {
            parsed = ProtocolJson.read(protocol);
        } catch (ProtocolException e) {
            throw invalid(e.errors());
        }
        if (parsed.text().length() > MAX_TEXT_LENGTH) {
            throw new InvalidRequestException("protocol", "protocol has " + parsed.text().length()
                    + " characters as text; at most " + MAX_TEXT_LENGTH + " are allowed");
        }
        Check.text("protocol", parsed.text(), MAX_TEXT_LENGTH);
        return parsed;
    }

    /**
     * Parses the protocol for a run on {@code channel} with {@code cell}: every setpoint must fit the
     * channel and the cell.
     *
     * @throws InvalidRequestException on field {@code protocol}, one detail per problem with its line
     */
    public Protocol parseFor(JsonNode protocol, StationChannel channel, CellMetadata cell) {
        Protocol parsed = parse(protocol);
        List<ProtocolError> errors = new ArrayList<>(problemsOn(parsed, channel, cell));
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return parsed;
    }

    /**
     * What keeps a valid protocol from running on {@code channel} with {@code cell}: steps that need
     * potential control it lacks, a cell-voltage hold on a channel that holds potentials, setpoints
     * beyond its ratings, and cell metadata the steps need (a pH, a nominal capacity).
     *
     * @return the problems in protocol order, empty when the protocol fits
     */
    public List<ProtocolError> problemsOn(Protocol protocol, StationChannel channel, CellMetadata cell) {
        List<ProtocolError> errors = new ArrayList<>();
        boolean potentiostat = channel.hardware().potentialControl().isPresent();
        if (!potentiostat) {
            protocol.firstOf(Protocol.POTENTIAL_CONTROLLED).ifPresent(step -> errors.add(error(step,
                    "the protocol holds or sweeps a potential, but channel " + channel.id() + " (" + channel.model()
                            + ") has no potential control; use an H-cell channel", "Discharge at 5 mA/cm2 until 0.8 V")));
        } else {
            protocol.firstOf(Set.of(StepKind.VOLTAGE_HOLD)).ifPresent(step -> errors.add(error(step,
                    "'" + step.text() + "' holds the cell voltage, but channel " + channel.id() + " (" + channel.model()
                            + ") holds the working electrode's potential; write it vs RHE or Ag/AgCl",
                    "Hold at -0.1 V vs RHE for 1 h")));
        }
        errors.addAll(protocol.checkAgainst(channel.hardware().ratings(), cell));
        return errors;
    }

    public SavedProtocol save(String name, String text, long nowMs) {
        parse(text);
        return saved.create(checkName(name), text, nowMs);
    }

    public SavedProtocol update(long id, String name, String text, long nowMs) {
        parse(text);
        if (!saved.update(id, checkName(name), text, nowMs)) {
            throw new NotFoundException("saved protocol " + id + " does not exist");
        }
        return find(id);
    }

    public SavedProtocol find(long id) {
        return saved.find(id).orElseThrow(() -> new NotFoundException("saved protocol " + id + " does not exist"));
    }

    public List<SavedProtocol> list() {
        return saved.list();
    }

    public void delete(long id) {
        if (!saved.delete(id)) {
            throw new NotFoundException("saved protocol " + id + " does not exist");
        }
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new InvalidRequestException("name", "name is required, 1 to " + MAX_NAME_LENGTH
                    + " characters, e.g. \"Cycling 5 mA/cm2, 500 cycles\"");
        }
        return name.strip();
    }

    private static ProtocolError error(Step step, String message, String example) {
        return new ProtocolError(step.line(), "line " + step.line() + ": " + message, example);
    }

    private static InvalidRequestException invalid(List<ProtocolError> errors) {
        List<String> details = errors.stream().map(ProtocolError::toString).toList();
        return new InvalidRequestException("protocol", "protocol is invalid: " + String.join("; ", details), details);
    }
}
