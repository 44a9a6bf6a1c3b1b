package org.no3rr.station.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.no3rr.cell.CellMetadata;
import org.no3rr.metrics.potential.RheScale;
import org.no3rr.station.lab.identity.StationIdentity;
import org.no3rr.station.service.CellDocument;
import org.no3rr.station.store.RunEvent;
import org.no3rr.station.store.RunRecord;
import org.no3rr.station.store.StoredSample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * A run as one JSON document: everything needed to trace and repeat it (protocol text, cell
 * metadata, hardware snapshot, software version, notes, times, state, events, how potentials were
 * converted), then {@code samples}, an array written one sample at a time with Jackson's
 * {@link JsonGenerator}, never as a tree, so the document can be of any size. The events are held
 * in memory: there are as many as the run has steps and prompts, not samples.
 *
 * <p>Sample fields carry their units: {@code testTimeS}, {@code unixTimeS}, {@code stepTimeS} (the
 * engine's step time), {@code voltageV}, {@code currentA} (positive charges / anodic),
 * {@code wePotentialV} (vs the reference electrode), {@code wePotentialVsRheV} and
 * {@code wePotentialIrFreeVsRheV} (only when the cell has a pH; see {@code potentials}),
 * {@code temperatureC}; absent values are {@code null}.
 */
public final class JsonRunWriter implements SampleExport {

    /** Names this document's layout, so a reader can tell later versions apart. */
    public static final String FORMAT = "no3rr-station-run/2";

    private final JsonGenerator json;
    private final ObjectMapper mapper;
    private final RunRecord run;
    private final CellDocument cell;
    private final CellMetadata cellMetadata;
    private final List<RunEvent> events;
    private final long runStartMillis;
    private final PotentialColumns potentials;
    private final String stationId;

    public JsonRunWriter(JsonGenerator json, ObjectMapper mapper, RunRecord run, CellDocument cell,
                         List<RunEvent> events, String stationId) {
        this.json = json;
        this.mapper = mapper;
        this.run = run;
        this.cell = cell;
        this.cellMetadata = cell.toMetadata();
        this.events = events;
        this.runStartMillis = TestTime.originMillis(run);
        this.potentials = new PotentialColumns(cellMetadata);
        this.stationId = stationId;
    }

    @Override
    public void begin() {
        try {
            json.writeStartObject();
            json.writeStringField("format", FORMAT);
            writeDescription();
            json.writeArrayFieldStart("samples");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The fields that trace the run — {@code run}, {@code cell}, {@code hardware}, {@code potentials},
     * {@code events} — into the object being written; the paper pack's metadata is this without samples.
     */
    public void writeDescription() throws IOException {
        writeRun();
        json.writeFieldName("cell");
        json.writeObject(cell);
        json.writeFieldName("hardware");
        json.writeTree(mapper.readTree(run.hardwareJson()));
        writePotentials();
        writeEvents();
    }

    @Override
    public void write(StoredSample s) {
        try {
            json.writeStartObject();
            json.writeNumberField("seq", s.seq());
            json.writeNumberField("testTimeS", (s.epochMillis() - runStartMillis) / 1000.0);
            json.writeNumberField("unixTimeS", s.epochMillis() / 1000.0);
            json.writeNumberField("stepTimeS", s.stepTimeMillis() / 1000.0);
            json.writeNumberField("voltageV", s.voltage());
            json.writeNumberField("currentA", s.current());
            numberOrNull("wePotentialV", s.workingElectrodePotential());
            if (potentials.hasRhe()) {
                numberOrNull("wePotentialVsRheV", potentials.vsRhe(s.workingElectrodePotential()));
                numberOrNull("wePotentialIrFreeVsRheV",
                        potentials.irFreeVsRhe(s.workingElectrodePotential(), s.current()));
            }
            numberOrNull("temperatureC", s.temperature());
            json.writeNumberField("cycle", s.cycle());
            json.writeNumberField("stepNumber", s.stepNumber());
            json.writeNumberField("stepLine", s.stepLine());
            json.writeStringField("stepKind", s.stepKind().wireName());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void end() {
        try {
            json.writeEndArray();
            json.writeEndObject();
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeRun() throws IOException {
        json.writeObjectFieldStart("run");
        json.writeNumberField("id", run.id());
        json.writeStringField("stationId", stationId);
        json.writeStringField("globalRunId", StationIdentity.globalRunId(stationId, run.id()));
        json.writeStringField("channel", run.channelId());
        json.writeStringField("state", run.state().name());
        json.writeStringField("protocol", run.protocolText());
        json.writeStringField("notes", run.notes());
        json.writeStringField("softwareVersion", run.softwareVersion());
        instant("createdAt", run.createdMs());
        instant("startedAt", run.startedMs());
        instant("endedAt", run.endedMs());
        json.writeStringField("endReason", run.endReason());
        json.writeNumberField("samplesStored", run.samplesStored());
        json.writeStringField("testTimeOrigin", Instant.ofEpochMilli(runStartMillis).toString());
        json.writeEndObject();
    }

    private void writePotentials() throws IOException {
        json.writeObjectFieldStart("potentials");
        json.writeStringField("wePotentialV", "working electrode vs the reference electrode, as measured");
        json.writeStringField("referenceElectrode", cellMetadata.referenceElectrode());
        json.writeNumberField("referenceOffsetV", cellMetadata.referenceOffsetV());
        numberOrNull("ph", cellMetadata.ph());
        numberOrNull("rheSlopeVPerPh", potentials.scale().map(RheScale::nernstSlopeV).orElse(Double.NaN));
        json.writeNumberField("uncompensatedResistanceOhm", cellMetadata.uncompensatedResistanceOhm());
        json.writeStringField("rhe", potentials.rheNote());
        json.writeEndObject();
    }

    private void writeEvents() throws IOException {
        json.writeArrayFieldStart("events");
        for (RunEvent event : events) {
            json.writeStartObject();
            json.writeStringField("at", Instant.ofEpochMilli(event.epochMillis()).toString());
            json.writeStringField("kind", event.kind());
            json.writeStringField("message", event.message());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private void instant(String field, Long epochMillis) throws IOException {
        if (epochMillis == null) {
            json.writeNullField(field);
        } else {
            json.writeStringField(field, Instant.ofEpochMilli(epochMillis).toString());
        }
    }

    /** JSON has no NaN: an absent value is null, as everywhere in the station's API. */
    private void numberOrNull(String field, double value) throws IOException {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            json.writeNullField(field);
        } else {
            json.writeNumberField(field, value);
        }
    }
}
