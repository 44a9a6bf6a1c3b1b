package org.no3rr.station.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.no3rr.station.export.SampleCsvWriter;
import org.no3rr.station.service.InvalidRequestException;
import org.no3rr.station.service.RunService;
import org.no3rr.station.store.RunRecord;
import org.no3rr.station.store.SampleStore;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/** Downloads of a run's data, streamed in constant memory whatever the run's size. */
@Path("/api/runs/{id}/export")
public class ExportResource {

    @Inject
    RunService runs;

    @Inject
    SampleStore samples;

    @GET
    public Response export(@PathParam("id") long id, @QueryParam("format") String format) {
        RunRecord run = runs.find(id);
        String chosen = format == null ? "csv" : format;
        if (!chosen.equals("csv")) {
            throw new InvalidRequestException("format", "format '" + format + "' is not supported; allowed: csv");
        }
        long start = run.startedMs() != null ? run.startedMs() : run.createdMs();
        StreamingOutput body = output -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 1 << 16);
            SampleCsvWriter csv = new SampleCsvWriter(writer, start);
            csv.writeHeader();
            samples.forEachSample(id, csv::write);
            writer.flush();
        };
        return Response.ok(body, "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"run-" + id + ".csv\"")
                .build();
    }
}
