package org.no3rr.station.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.StreamingOutput;
import org.no3rr.station.lab.identity.StationIdentity;
import org.no3rr.station.service.CellDocument;
import org.no3rr.station.service.CellDocuments;
import org.no3rr.cell.CellMetadata;
import org.no3rr.metrics.battery.RetentionReference;
import org.no3rr.station.rest.CycleView;
import org.no3rr.station.store.RunEvent;
import org.no3rr.station.store.RunRecord;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns a run into the body of a download. Everything that can fail with a useful message (the run's
 * metadata, the cycle summaries) is read before the body starts, so an error is still a proper
 * status; the samples are then streamed straight from the database to the client, one at a time,
 * through a 64 KiB buffer, whatever the run's size.
 */
@ApplicationScoped
public class RunExporter {

    private static final int BUFFER_BYTES = 1 << 16;

    @Inject
    StationRunData stationData;

    @Inject
    CellDocuments cells;

    @Inject
    ObjectMapper mapper;

    @Inject
    StationIdentity identity;

    /** @param retention the reference of the cycle export's capacity retention */
    public StreamingOutput body(RunRecord run, ExportFormat format, RetentionReference retention) {
        return body(stationData, identity.stationId(), run, format, retention);
    }

    /**
     * The same download from another store of the run, e.g. the lab's central database.
     *
     * @param stationId the station the run ran on
     */
    public StreamingOutput body(RunData data, String stationId, RunRecord run, ExportFormat format,
                                RetentionReference retention) {
        long start = TestTime.originMillis(run);
        CellMetadata cell = cells.read(run.cellJson());
        return switch (format) {
            case CSV -> text(writer -> streamSamples(data, run.id(), new SampleCsvWriter(writer, start, cell)));
            case BDF -> text(writer -> streamSamples(data, run.id(), new BdfCsvWriter(writer, start, cell)));
            case CYCLES -> {
                List<CycleView> views = data.cycles(run.id(), retention).stream()
                        .map(report -> CycleView.of(report, cell)).toList();
                yield text(writer -> new CycleCsvWriter(writer).write(views));
            }
            case JSON -> {
                CellDocument document = cells.document(run.cellJson());
                List<RunEvent> events = data.events(run.id());
                yield output -> unwrapping(() -> {
                    try (JsonGenerator json = mapper.createGenerator(output)
                            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
                        streamSamples(data, run.id(),
                                new JsonRunWriter(json, mapper, run, document, events, stationId));
                    }
                });
            }
            case PACK -> throw new IllegalArgumentException("the paper pack is written by results.pack.PaperPack, "
                    + "which uses this exporter for its samples");
        };
    }

    /** The one pass over the samples that every per-sample format shares. */
    private static void streamSamples(RunData data, long runId, SampleExport export) {
        export.begin();
        data.forEachSample(runId, export::write);
        export.end();
    }

    private static StreamingOutput text(TextBody body) {
        return output -> unwrapping(() -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), BUFFER_BYTES);
            body.write(writer);
            writer.flush();
        });
    }

    /** A client that went away is an {@link IOException} again, as the HTTP layer expects. */
    private static void unwrapping(IoAction action) throws IOException {
        try {
            action.run();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @FunctionalInterface
    private interface TextBody {
        void write(Writer writer) throws IOException;
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }
}
