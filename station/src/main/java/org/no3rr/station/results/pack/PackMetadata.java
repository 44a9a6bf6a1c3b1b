package org.no3rr.station.results.pack;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.no3rr.station.export.JsonRunWriter;
import org.no3rr.station.results.Figure;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * {@code metadata.json} of a pack: the description of the JSON export — the run (protocol, notes,
 * software version, times, end), the cell, the hardware snapshot, how potentials were converted to
 * RHE and iR-corrected, the events — written by the same {@link JsonRunWriter}, then the calibration
 * curves the readings used (standards and fit), and the pack's figures and any skipped with why.
 */
final class PackMetadata {

    static final String FORMAT = "no3rr-station-pack/1";

    private final ObjectMapper mapper;
    private final PackContents.Prepared pack;

    PackMetadata(ObjectMapper mapper, PackContents.Prepared pack) {
        this.mapper = mapper;
        this.pack = pack;
    }

    void write(OutputStream out) throws IOException {
        try (JsonGenerator json = mapper.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .useDefaultPrettyPrinter()) {
            json.writeStartObject();
            json.writeStringField("format", FORMAT);
            new JsonRunWriter(json, mapper, pack.run(), pack.cell(), pack.events(), pack.stationId()).writeDescription();
            json.writeFieldName("calibrations");
            json.writeObject(pack.calibrations().values());
            json.writeArrayFieldStart("figures");
            for (Figure figure : pack.figures()) {
                json.writeObject(Map.of("figure", figure.id(), "title", figure.title(),
                        "png", "figures/" + figure.id() + ".png", "csv", "figures/" + figure.id() + ".csv"));
            }
            json.writeEndArray();
            json.writeFieldName("figuresSkipped");
            json.writeObject(pack.skippedFigures());
            json.writeEndObject();
        }
    }
}
