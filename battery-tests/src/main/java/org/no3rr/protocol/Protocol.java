package org.no3rr.protocol;

import java.util.List;
import java.util.Optional;
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
     * before a run starts. Current densities are converted with the cell's area.
     *
     * @return the problems found, empty when the protocol can run on this channel with this cell
     */
    public List<ProtocolError> checkAgainst(ChannelRatings ratings, CellMetadata cell) {
        return new RatingsCheck(ratings, cell).check(this);
    }

    /** The steps as flat rows (line, depth, kind, text, canonical text), for display. */
    public List<StepOutline> outline() {
        return StepOutline.of(steps);
    }

    /**
     * Whether any step holds or sweeps a potential, which needs a channel with potential control
     * (a three-electrode H-cell channel); a galvanostatic battery channel cannot run it.
     */
    public boolean needsPotentialControl() {
        return needsPotentialControl(steps);
    }

    private static boolean needsPotentialControl(List<Step> steps) {
        for (Step step : steps) {
            if (step instanceof Step.Hold || step instanceof Step.Sweep || step instanceof Step.CyclicVoltammetry
                    || (step instanceof Step.Repeat && needsPotentialControl(((Step.Repeat) step).steps()))) {
                return true;
            }
        }
        return false;
    }
}
