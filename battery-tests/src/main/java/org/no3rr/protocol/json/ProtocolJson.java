package org.no3rr.protocol.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.no3rr.protocol.Protocol;
import org.no3rr.protocol.ProtocolError;
import org.no3rr.protocol.ProtocolException;

/**
 * The JSON form of a protocol: the same model as the text, for programs that write protocols
 * (a script, the phone page's editor). See the package documentation for the form.
 *
 * <p>{@link #read} builds the same step records as the text parser, checked by the same rules
 * (the records' own), and lays them out as the canonical text: its {@link Protocol#text()} is that
 * text, so a run started from JSON stores readable text. {@link #write} gives the JSON of a model; reading it back gives an equal model.
 * Whatever the input, nothing but a {@link ProtocolException} leaves {@code read}; each of its
 * errors names the JSON path ({@code steps[2].discharge.current.unit}) and its {@code line} is the
 * step's ordinal in {@link Protocol#outline()} (1-based) or 0 for the run settings and the document.
 */
public final class ProtocolJson {

    /** The text parser's bound too: a protocol is not a data file. */
    static final int LONGEST_JSON = 1_000_000;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ProtocolJson() {
    }

    /**
     * @throws ProtocolException with every error found, each naming its JSON path
     */
    public static Protocol read(String json) {
        if (json == null || json.isBlank()) {
            throw failure("the protocol JSON is empty; send an object with a list of steps");
        }
        if (json.length() > LONGEST_JSON) {
            throw failure("the protocol JSON is " + json.length() + " characters long; at most " + LONGEST_JSON
                    + " are accepted");
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            String why = e.getOriginalMessage() == null ? "" : ": " + JsonFields.abbreviate(
                    e.getOriginalMessage().lines().findFirst().orElse("").replaceAll("\\s+", " "));
            throw failure("this is not valid JSON" + where + why);
        }
        return read(tree);
    }

    /**
     * Reads a protocol already parsed as JSON, e.g. the {@code protocol} field of a request body.
     *
     * @throws ProtocolException with every error found, each naming its JSON path
     */
    public static Protocol read(JsonNode tree) {
        try {
            return JsonProtocolReader.read(tree);
        } catch (ProtocolException e) {
            throw e;
        } catch (RuntimeException unexpected) {
            throw failure("could not read the protocol JSON (" + unexpected.getClass().getSimpleName() + ")");
        }
    }

    /** The JSON form of {@code protocol}, indented two spaces per level. */
    public static String write(Protocol protocol) {
        DefaultIndenter twoSpaces = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        printer.indentArraysWith(twoSpaces);
        printer.indentObjectsWith(twoSpaces);
        try {
            return MAPPER.writer(printer).writeValueAsString(tree(protocol)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree of plain nodes could not be written", e);
        }
    }

    /** The JSON form of {@code protocol} as a tree, for embedding in a response. */
    public static ObjectNode tree(Protocol protocol) {
        return JsonProtocolWriter.tree(protocol);
    }

    private static ProtocolException failure(String message) {
        return new ProtocolException(List.of(new ProtocolError(0, "protocol: " + message,
                JsonExamples.of(JsonExamples.PROTOCOL))));
    }
}
