package org.no3rr.station.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.no3rr.station.results.Figure;
import org.no3rr.station.results.FigureCsv;
import org.no3rr.station.results.FigurePng;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** A figure as its JSON, or as a CSV or PNG download named after what it shows. */
final class FigureResponses {

    private FigureResponses() {
    }

    /** @param fileBase e.g. {@code run-12-fe-vs-potential} or {@code compare-3-7-fe-vs-potential} */
    static Response of(Figure figure, FigureQuery.FigureFormat format, double widthMm, String fileBase) {
        return switch (format) {
            case JSON -> Response.ok(figure, "application/json").build();
            case CSV -> download(output -> {
                Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
                new FigureCsv(writer).write(figure);
                writer.flush();
            }, "text/csv; charset=utf-8", fileBase + ".csv");
            case PNG -> download(output -> FigurePng.write(figure, widthMm, output), "image/png", fileBase + ".png");
        };
    }

    private static Response download(StreamingOutput body, String mediaType, String fileName) {
        return Response.ok(body, mediaType).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .build();
    }
}
