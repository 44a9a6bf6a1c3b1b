package org.no3rr.station.results.pack;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.StreamingOutput;
import org.no3rr.metrics.battery.RetentionReference;
import org.no3rr.station.export.EventCsvWriter;
import org.no3rr.station.export.ExportFormat;
import org.no3rr.station.export.ReadingCsvWriter;
import org.no3rr.station.export.RunExporter;
import org.no3rr.station.export.StepCsvWriter;
import org.no3rr.station.results.ComparisonService;
import org.no3rr.station.results.Figure;
import org.no3rr.station.results.FigureCsv;
import org.no3rr.station.results.FigureKind;
import org.no3rr.station.results.FigureOptions;
import org.no3rr.station.results.FigurePng;
import org.no3rr.station.results.FigureService;
import org.no3rr.station.results.RunContents;
import org.no3rr.station.service.InvalidRequestException;
import org.no3rr.station.store.RunRecord;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A run's whole story in one ZIP (docs/results.md): the samples CSV and the BDF file, the step,
 * cycle, reading and event tables, {@code metadata.json}, the protocol text, every figure the run
 * can draw as PNG and CSV, and {@code methods.md}. Everything that can fail with a useful status is
 * read before the body starts; the body then streams entry after entry straight into the ZIP — the
 * samples from the database through the existing export writers ({@link RunExporter}) — so a
 * million-sample run costs a 64 KiB buffer and a few thousand figure points, not the run.
 *
 * <p>A comparison's pack holds each run's pack in its own folder, the figures the runs share
 * overlaid, and a methods file with each run's paragraph.
 */
@ApplicationScoped
public class PaperPack {

    @Inject
    RunExporter exporter;

    @Inject
    PackContents contents;

    @Inject
    FigureService figures;

    @Inject
    ComparisonService comparisons;

    @Inject
    ObjectMapper mapper;

    /** The pack of one run, {@code run-<id>/…} inside the ZIP. */
    public StreamingOutput run(RunRecord run, RetentionReference retention) {
        PackContents.Prepared prepared = contents.prepare(run, retention);
        return output -> zip(output, zip -> writeRun(zip, "run-" + run.id() + "/", prepared));
    }

    /** Several runs' packs, with the figures they share overlaid, under {@code compare-3-7/…}. */
    public StreamingOutput comparison(List<RunRecord> runs) {
        List<PackContents.Prepared> prepared = new ArrayList<>();
        for (RunRecord run : runs) {
            prepared.add(contents.prepare(run, RetentionReference.firstCycle()));
        }
        List<Long> ids = runs.stream().map(RunRecord::id).toList();
        List<Figure> shared = new ArrayList<>();
        List<Map<String, String>> skipped = new ArrayList<>();
        for (FigureKind kind : sharedKinds(runs)) {
            try {
                shared.add(comparisons.compare(ids, kind, FigureOptions.defaults()));
            } catch (InvalidRequestException e) {
                skipped.add(Map.of("figure", kind.id(), "reason", e.getMessage()));
            }
        }
        String root = "compare-" + ids.stream().map(String::valueOf).collect(Collectors.joining("-")) + "/";
        return output -> zip(output, zip -> {
            entry(zip, root + "methods.md", out -> text(out, w -> w.write(comparisonMethods(ids, prepared))));
            entry(zip, root + "comparison.json", out -> mapper.writerWithDefaultPrettyPrinter()
                    .writeValue(nonClosing(out), Map.of("format", "no3rr-station-comparison/1", "runs", ids,
                            "figures", shared.stream().map(Figure::id).toList(), "figuresSkipped", skipped)));
            writeFigures(zip, root + "figures/", shared);
            for (PackContents.Prepared run : prepared) {
                writeRun(zip, root + "run-" + run.run().id() + "/", run);
            }
        });
    }

    private void writeRun(ZipOutputStream zip, String dir, PackContents.Prepared p) throws IOException {
        RunRecord run = p.run();
        entry(zip, dir + "methods.md", out -> text(out, w -> w.write(p.methods())));
        entry(zip, dir + "metadata.json", out -> new PackMetadata(mapper, p).write(out));
        entry(zip, dir + "protocol.txt", out -> text(out, w -> w.write(run.protocolText())));
        entry(zip, dir + "samples.csv", p.samplesCsv()::write);
        entry(zip, dir + ExportFormat.BDF.fileName(run.id()), p.bdf()::write);
        entry(zip, dir + "steps.csv", out -> text(out, w -> new StepCsvWriter(w).write(p.steps())));
        entry(zip, dir + "cycles.csv", p.cycles()::write);
        entry(zip, dir + "readings.csv", out -> text(out, w -> new ReadingCsvWriter(w).write(p.readings())));
        entry(zip, dir + "events.csv", out -> text(out, w -> new EventCsvWriter(w).write(p.events())));
        writeFigures(zip, dir + "figures/", p.figures());
    }

    private static void writeFigures(ZipOutputStream zip, String dir, List<Figure> figures) throws IOException {
        for (Figure figure : figures) {
            entry(zip, dir + figure.id() + ".png", out -> FigurePng.write(figure, FigureOptions.DEFAULT_WIDTH_MM, out));
            entry(zip, dir + figure.id() + ".csv", out -> text(out, w -> new FigureCsv(w).write(figure)));
        }
    }

    private List<FigureKind> sharedKinds(List<RunRecord> runs) {
        List<FigureKind> shared = new ArrayList<>(List.of(FigureKind.values()));
        for (RunRecord run : runs) {
            shared.retainAll(FigureService.kinds(RunContents.of(run.protocolText())));
        }
        return shared;
    }

    private static String comparisonMethods(List<Long> ids, List<PackContents.Prepared> runs) {
        StringBuilder md = new StringBuilder("# Methods — comparison of runs ")
                .append(ids.stream().map(String::valueOf).collect(Collectors.joining(", "))).append("\n\n")
                .append("The figures in figures/ overlay these runs, each drawn as for the run alone and normalised "
                        + "on one basis for all of them; each run's own pack, with its methods, is in its folder.\n");
        for (PackContents.Prepared run : runs) {
            md.append("\n").append(run.methods().replaceFirst("^# ", "## "));
        }
        return md.toString();
    }

    private static void zip(OutputStream output, ZipBody body) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(output, StandardCharsets.UTF_8);
        try {
            body.write(zip);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        zip.finish();
        zip.flush();
    }

    private static void entry(ZipOutputStream zip, String name, EntryBody body) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        body.write(nonClosing(zip));
        zip.closeEntry();
    }

    private static void text(OutputStream out, TextBody body) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        body.write(writer);
        writer.flush();
    }

    /** An entry's writer may close what it is given (ImageIO does); the ZIP must stay open. */
    private static OutputStream nonClosing(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    @FunctionalInterface
    private interface ZipBody {
        void write(ZipOutputStream zip) throws IOException;
    }

    @FunctionalInterface
    private interface EntryBody {
        void write(OutputStream out) throws IOException;
    }

    @FunctionalInterface
    private interface TextBody {
        void write(Writer writer) throws IOException;
    }
}
