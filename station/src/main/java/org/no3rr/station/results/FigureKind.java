package org.no3rr.station.results;

import org.no3rr.protocol.StepKind;
import org.no3rr.station.service.NotFoundException;

import java.util.Arrays;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Every figure the station draws, with the name it has in URLs and what a run's protocol must
 * contain for it (docs/results.md). Whether the data is there yet (a reading, an ended step) is
 * decided when the figure is asked for.
 */
public enum FigureKind {
    FE_VS_POTENTIAL("fe-vs-potential", "Faradaic efficiency and yield vs potential",
            "a Hold step", c -> c.has(StepKind.HOLD)),
    RECYCLING("recycling", "Faradaic efficiency and yield per recycling cycle",
            "a Hold inside a Repeat", RunContents::repeatsAHold),
    RECYCLING_CHARGE("recycling-charge", "Charge and current retention per recycling cycle",
            "a Hold inside a Repeat", RunContents::repeatsAHold),
    CURRENT_VS_TIME("current-vs-time", "Chronoamperometry: current density vs time",
            "a Hold step", c -> c.has(StepKind.HOLD)),
    LSV("lsv", "Linear sweep voltammetry", "a Sweep step", c -> c.has(StepKind.SWEEP)),
    CV("cv", "Cyclic voltammetry", "a Cycle step", c -> c.has(StepKind.CYCLIC_VOLTAMMETRY)),
    CDL("cdl", "Double-layer capacitance and ECSA", "Cycle steps at two or more scan rates",
            RunContents::cvsAtSeveralScanRates),
    VOLTAGE_VS_CAPACITY("voltage-vs-capacity", "Voltage vs capacity", "a Charge or Discharge step",
            c -> c.has(StepKind.CHARGE) || c.has(StepKind.DISCHARGE)),
    CAPACITY_VS_CYCLE("capacity-vs-cycle", "Capacity, coulombic efficiency and retention vs cycle",
            "both Charge and Discharge steps", c -> c.has(StepKind.CHARGE) && c.has(StepKind.DISCHARGE)),
    RATE_CAPABILITY("rate-capability", "Rate capability: discharge capacity vs current density",
            "Discharge steps on two or more lines", c -> c.dischargeLines() >= 2),
    POLARIZATION("polarization", "Polarization and power density", "a Polarize step",
            c -> c.has(StepKind.POLARIZATION)),
    DQDV("dqdv", "Differential capacity dQ/dV", "a Charge or Discharge step",
            c -> c.has(StepKind.CHARGE) || c.has(StepKind.DISCHARGE)),
    VOLTAGE_VS_TIME("voltage-vs-time", "Cell voltage vs time", "a battery protocol (no potential control)",
            c -> !c.controlsPotential());

    private final String id;
    private final String title;
    private final String needs;
    private final Predicate<RunContents> applies;

    FigureKind(String id, String title, String needs, Predicate<RunContents> applies) {
        this.id = id;
        this.title = title;
        this.needs = needs;
        this.applies = applies;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** What the protocol needs for this figure, for a refusal: "a Hold step". */
    public String needs() {
        return needs;
    }

    public boolean appliesTo(RunContents contents) {
        return applies.test(contents);
    }

    /** @throws NotFoundException naming the figures there are */
    public static FigureKind byId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("there is no figure '" + id + "'; figures: " + allIds()));
    }

    public static String allIds() {
        return Arrays.stream(values()).map(FigureKind::id).collect(Collectors.joining(", "));
    }
}
