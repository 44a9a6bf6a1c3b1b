package org.no3rr.station.results;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.no3rr.station.service.ConflictException;
import org.no3rr.station.service.InvalidRequestException;
import org.no3rr.station.service.NotFoundException;
import org.no3rr.station.service.RunService;
import org.no3rr.station.store.RunRecord;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One figure overlaying several runs — two catalysts' FE against potential, discharge curves of
 * runs at different current densities, the stability of two cells. Each run's figure is drawn as
 * for the run alone, with one basis for all (the most specific every cell allows), and its series
 * named by run; runs whose figures do not share axes cannot be overlaid and are refused, naming
 * {@code runs}.
 */
@ApplicationScoped
public class ComparisonService {

    public static final int MOST_RUNS = 8;

    @Inject
    RunService runs;

    @Inject
    FigureService figures;

    /** {@code 3,7,9}: distinct run ids, 1 to {@value #MOST_RUNS} of them. */
    public static List<Long> parseRuns(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidRequestException("runs", "runs is required: the runs to compare, e.g. runs=3,7,9");
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (String part : text.split(",", -1)) {
            long id;
            try {
                id = Long.parseLong(part.trim());
            } catch (NumberFormatException e) {
                id = 0;
            }
            if (id < 1) {
                throw new InvalidRequestException("runs", "runs is '" + text + "' but must be run ids separated by "
                        + "commas, e.g. runs=3,7,9");
            }
            if (!ids.add(id)) {
                throw new InvalidRequestException("runs", "runs names run " + id + " twice");
            }
        }
        if (ids.size() > MOST_RUNS) {
            throw new InvalidRequestException("runs", "runs names " + ids.size() + " runs; at most " + MOST_RUNS
                    + " can be compared in one figure");
        }
        return List.copyOf(ids);
    }

    /** The runs, each of which must exist. */
    public List<RunRecord> records(List<Long> runIds) {
        List<RunRecord> records = new ArrayList<>();
        for (long id : runIds) {
            try {
                records.add(runs.find(id));
            } catch (NotFoundException e) {
                throw new InvalidRequestException("runs", "runs names run " + id + ", which does not exist");
            }
        }
        return records;
    }

    /** @throws InvalidRequestException naming {@code runs} when a run lacks the figure or its data, or the axes differ */
    public Figure compare(List<Long> runIds, FigureKind kind, FigureOptions options) {
        List<RunRecord> records = records(runIds);
        FigureOptions resolved = options.resolvedFor(records.stream().map(figures::cellOf).toList());
        List<Figure> drawn = new ArrayList<>();
        for (RunRecord run : records) {
            try {
                drawn.add(figures.figure(run, kind, resolved));
            } catch (NotFoundException | ConflictException e) {
                throw new InvalidRequestException("runs", "run " + run.id() + " cannot be compared on " + kind.id()
                        + ": " + e.getMessage());
            }
        }
        Figure first = drawn.get(0);
        List<Series> series = new ArrayList<>();
        List<Fact> facts = new ArrayList<>();
        Set<String> notes = new LinkedHashSet<>();
        for (Figure figure : drawn) {
            requireSameAxes(first, figure);
            figure.series().forEach(s -> series.add(s.ofRun()));
            figure.facts().forEach(f -> facts.add(f.ofRun()));
            notes.addAll(figure.notes());
        }
        return new Figure(kind.id(), kind.title(), runIds, first.x(), first.y(), first.y2(), series, facts,
                List.copyOf(notes)).painted();
    }

    private static void requireSameAxes(Figure first, Figure other) {
        check(first, other, "horizontal", first.x(), other.x());
        check(first, other, "left", first.y(), other.y());
        check(first, other, "right", first.y2(), other.y2());
    }

    private static void check(Figure first, Figure other, String which, Axis a, Axis b) {
        if (!Objects.equals(a, b)) {
            throw new InvalidRequestException("runs", "run " + other.runs().get(0) + "'s " + which + " axis is '"
                    + (b == null ? "none" : b.label()) + "' but run " + first.runs().get(0) + "'s is '"
                    + (a == null ? "none" : a.label()) + "': the runs cannot share one figure (a cell without a pH "
                    + "has no RHE scale; a different basis can be chosen with capacity= or yield=)");
        }
    }
}
