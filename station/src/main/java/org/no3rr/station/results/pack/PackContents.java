package org.no3rr.station.results.pack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.StreamingOutput;
import org.no3rr.cell.CellMetadata;
import org.no3rr.metrics.battery.RetentionReference;
import org.no3rr.protocol.Protocol;
import org.no3rr.protocol.ProtocolParser;
import org.no3rr.station.export.ExportFormat;
import org.no3rr.station.export.RunExporter;
import org.no3rr.station.lab.identity.StationIdentity;
import org.no3rr.station.rest.StepSummaryView;
import org.no3rr.station.results.Figure;
import org.no3rr.station.results.FigureKind;
import org.no3rr.station.results.FigureOptions;
import org.no3rr.station.results.FigureService;
import org.no3rr.station.results.RunContents;
import org.no3rr.station.service.CalibrationService;
import org.no3rr.station.service.CellDocument;
import org.no3rr.station.service.CellDocuments;
import org.no3rr.station.service.ConflictException;
import org.no3rr.station.service.InvalidRequestException;
import org.no3rr.station.service.NotFoundException;
import org.no3rr.station.service.ReadingService;
import org.no3rr.station.service.RunService;
import org.no3rr.station.service.SummaryService;
import org.no3rr.station.store.RunEvent;
import org.no3rr.station.store.RunRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What goes into a run's pack, read before the ZIP starts so that anything that fails does so with a
 * proper status: the bodies of the existing exports (whose samples stream later), the step and
 * reading tables, the events, the calibrations the readings used, every figure the run can draw
 * (one whose data is missing is listed with the reason instead), and the methods paragraph.
 */
@ApplicationScoped
public class PackContents {

    /**
     * @param skippedFigures the run's figures that could not be drawn, each {figure, reason}
     */
    public record Prepared(RunRecord run, String stationId, CellDocument cell, StreamingOutput samplesCsv, StreamingOutput bdf,
                           StreamingOutput cycles, List<StepSummaryView> steps, List<ReadingService.Result> readings,
                           List<RunEvent> events, Map<Long, CalibrationService.Calibration> calibrations,
                           List<Figure> figures, List<Map<String, String>> skippedFigures, String methods) {
    }

    private static final String H_CELL = "H_CELL_ELECTROLYSIS";

    @Inject
    RunExporter exporter;

    @Inject
    CellDocuments cells;

    @Inject
    SummaryService summaries;

    @Inject
    ReadingService readingService;

    @Inject
    CalibrationService calibrationService;

    @Inject
    RunService runs;

    @Inject
    FigureService figureService;

    @Inject
    StationIdentity identity;

    @Inject
    ObjectMapper mapper;

    public Prepared prepare(RunRecord run, RetentionReference retention) {
        CellMetadata cell = cells.read(run.cellJson());
        List<StepSummaryView> steps = summaries.steps(run.id()).stream()
                .map(step -> StepSummaryView.of(step, cell.areaCm2())).toList();
        List<ReadingService.Result> readings = readingService.list(run.id());
        Map<Long, CalibrationService.Calibration> calibrations = new LinkedHashMap<>();
        for (ReadingService.Result reading : readings) {
            Long id = reading.reading().calibrationId();
            if (id != null && !calibrations.containsKey(id)) {
                calibrations.put(id, calibrationService.find(id));
            }
        }
        List<Figure> figures = new ArrayList<>();
        List<Map<String, String>> skipped = new ArrayList<>();
        for (FigureKind kind : FigureService.kinds(RunContents.of(run.protocolText()))) {
            try {
                figures.add(figureService.figure(run.id(), kind, FigureOptions.defaults()));
            } catch (ConflictException | NotFoundException | InvalidRequestException e) {
                skipped.add(Map.of("figure", kind.id(), "reason", e.getMessage()));
            }
        }
        Protocol protocol = ProtocolParser.parse(run.protocolText());
        boolean electrolysis = protocol.needsPotentialControl() || H_CELL.equals(cellKind(run));
        String methods = MethodsParagraph.of(new MethodsParagraph.Sources(run, cell, protocol, electrolysis, readings,
                calibrations, figures));
        return new Prepared(run, identity.stationId(), cells.document(run.cellJson()),
                exporter.body(run, ExportFormat.CSV, retention), exporter.body(run, ExportFormat.BDF, retention),
                exporter.body(run, ExportFormat.CYCLES, retention), steps, readings, runs.events(run.id()),
                calibrations, figures, skipped, methods);
    }

    /** The channel's cell kind from the run's hardware snapshot, empty when it did not record one. */
    private String cellKind(RunRecord run) {
        try {
            return mapper.readTree(run.hardwareJson()).path("cellKind").asText("");
        } catch (JsonProcessingException e) {
            return "";
        }
    }
}
