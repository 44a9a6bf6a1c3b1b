package org.no3rr.station.results;

import org.no3rr.protocol.Protocol;
import org.no3rr.protocol.ProtocolParser;
import org.no3rr.protocol.Step;
import org.no3rr.protocol.StepKind;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a run's protocol contains, as far as figures care: which kinds of step, whether holds are
 * repeated (a recycling test), how many discharge lines (a rate test), which CVs — and each step by
 * its protocol line, so a figure can read a hold's potential or a CV's window and scan rate as written.
 */
public final class RunContents {

    private final Set<StepKind> kinds = EnumSet.noneOf(StepKind.class);
    private final Map<Integer, Step> byLine = new HashMap<>();
    private boolean repeatedHold;
    private int dischargeLines;
    private final boolean potentialControl;

    private RunContents(Protocol protocol) {
        collect(protocol.steps(), false);
        this.potentialControl = protocol.needsPotentialControl();
    }

    public static RunContents of(String protocolText) {
        return new RunContents(ProtocolParser.parse(protocolText));
    }

    private void collect(List<Step> steps, boolean repeated) {
        for (Step step : steps) {
            byLine.put(step.line(), step);
            kinds.add(step.kind());
            if (step instanceof Step.Repeat repeat) {
                collect(repeat.steps(), true);
            }
            repeatedHold |= repeated && step.kind() == StepKind.HOLD;
            if (step.kind() == StepKind.DISCHARGE) {
                dischargeLines++;
            }
        }
    }

    public boolean has(StepKind kind) {
        return kinds.contains(kind);
    }

    /** A Hold inside a Repeat: the same hold run cycle after cycle (a recycling test). */
    public boolean repeatsAHold() {
        return repeatedHold;
    }

    /** Discharge steps written on different lines (a staircase of rates), not one repeated. */
    public int dischargeLines() {
        return dischargeLines;
    }

    /** Whether the run is an electrolysis (holds or sweeps a working-electrode potential). */
    public boolean controlsPotential() {
        return potentialControl;
    }

    /** Cyclic voltammetry written on at least two lines with different scan rates. */
    public boolean cvsAtSeveralScanRates() {
        return byLine.values().stream().filter(s -> s instanceof Step.CyclicVoltammetry)
                .map(s -> ((Step.CyclicVoltammetry) s).voltsPerSecond()).distinct().count() >= 2;
    }

    /** The step written on {@code line}, if it is of {@code type}. */
    public <T extends Step> Optional<T> stepAt(int line, Class<T> type) {
        Step step = byLine.get(line);
        return type.isInstance(step) ? Optional.of(type.cast(step)) : Optional.empty();
    }
}
