package org.no3rr.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.no3rr.cell.CellMetadata;
import org.no3rr.hal.ChannelRatings;

/**
 * A parsed protocol: what to do, as data. Made by {@link ProtocolParser#parse(String)}.
 *
 * @param text      the protocol exactly as the researcher wrote it; stored with the run's data
 * @param steps     the top-level steps; {@link Step.Repeat} holds its block
 * @param limits    run-wide safety limits from a {@code Limits:} line
 * @param recording the protocol-wide recording rule from a top-level {@code Record …} line;
 *                  empty means every reading is recorded
 * @param stops     run-level ends from {@code Stop when …} lines
 */
public record Protocol(String text, List<Step> steps, Optional<SafetyLimits> limits,
                       Optional<RecordRule> recording, List<StopCondition> stops) {

    public Protocol {
        steps = List.copyOf(steps);
        stops = List.copyOf(stops);
    }

    /**
     * Checks every setpoint against what the channel can do and what the cell metadata provides,
     * before a run starts. Current densities are converted with the cell's area, C-rates with its
     * nominal capacity.
     *
     * @return the problems found, empty when the protocol can run on this channel with this cell
     */
    public List<ProtocolError> checkAgainst(ChannelRatings ratings, CellMetadata cell) {
        return new RatingsCheck(ratings, cell, this).check();
    }

    /** The steps as flat rows (line, depth, kind, text, canonical text, planned time), for display. */
    public List<StepOutline> outline() {
        return StepOutline.of(steps);
    }

    /** Every step in protocol order, each Repeat followed by the steps of its block. */
    public List<Step> allSteps() {
        List<Step> all = new ArrayList<>();
        addAll(steps, all);
        return all;
    }

    private static void addAll(List<Step> steps, List<Step> all) {
        for (Step step : steps) {
            all.add(step);
            if (step instanceof Step.Repeat repeat) {
                addAll(repeat.steps(), all);
            }
        }
    }

    /** The first step of one of {@code kinds}, in protocol order, if any. */
    public Optional<Step> firstOf(Set<StepKind> kinds) {
        return allSteps().stream().filter(s -> kinds.contains(s.kind())).findFirst();
    }

    /**
     * Whether any step holds or sweeps a potential, which needs a channel with potential control
     * (a three-electrode H-cell channel); a galvanostatic battery channel cannot run it.
     */
    public boolean needsPotentialControl() {
        return firstOf(POTENTIAL_CONTROLLED).isPresent();
    }

    /** The kinds that hold or sweep a working electrode's potential vs a reference. */
    public static final Set<StepKind> POTENTIAL_CONTROLLED =
            Set.of(StepKind.HOLD, StepKind.SWEEP, StepKind.CYCLIC_VOLTAMMETRY);
}
