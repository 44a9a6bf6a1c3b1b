package org.no3rr.station.results.pack;

import org.no3rr.cell.CellMetadata;
import org.no3rr.metrics.potential.RheScale;
import org.no3rr.protocol.Potential;
import org.no3rr.protocol.Step;
import org.no3rr.protocol.StepEnd;
import org.no3rr.station.results.Decimals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A protocol told as a methods section tells it, in order: each technique by its name —
 * chronoamperometry, linear sweep and cyclic voltammetry, galvanostatic charge and discharge,
 * discharge polarization — with its potentials on the scale written and converted to the other,
 * scan rates, current densities, durations and cut-offs. Consecutive holds of one duration (each
 * followed by the same prompt) and consecutive CVs over one window become one clause, as a person
 * would write "at −0.1, −0.2 and −0.3 V vs RHE for 1 h each".
 */
final class ProtocolSentences {

    private final CellMetadata cell;

    ProtocolSentences(CellMetadata cell) {
        this.cell = cell;
    }

    /** The steps as clauses separated by semicolons, Repeats as "repeated N times: …". */
    String describe(List<Step> steps) {
        List<String> clauses = new ArrayList<>();
        int i = 0;
        while (i < steps.size()) {
            Step step = steps.get(i);
            if (step instanceof Step.Hold) {
                i = holds(steps, i, clauses);
            } else if (step instanceof Step.CyclicVoltammetry) {
                i = cvs(steps, i, clauses);
            } else {
                clauses.add(clause(step));
                i++;
            }
        }
        return String.join("; ", clauses);
    }

    private String clause(Step step) {
        if (step instanceof Step.Repeat repeat) {
            return "the following repeated " + repeat.times() + " times (one cycle each): " + describe(repeat.steps());
        }
        if (step instanceof Step.Ask ask) {
            return "a pause for the operator (“" + ask.prompt() + "”)";
        }
        if (step instanceof Step.Sweep sweep) {
            return "linear sweep voltammetry (LSV) from " + potentialRange(sweep.from(), sweep.to()) + " at "
                    + scanRate(sweep.voltsPerSecond());
        }
        if (step instanceof Step.Polarize p) {
            return "discharge polarization: the current density stepped from " + units(p.from().describe()) + " to "
                    + units(p.to().describe()) + " in steps of " + units(p.increment().describe()) + ", "
                    + duration(p.dwellMillis()) + " each" + ends(p.ends());
        }
        if (step instanceof Step.ConstantCurrent cc) {
            return "galvanostatic " + cc.direction().written() + " at " + units(cc.current().describe()) + ends(cc.ends());
        }
        if (step instanceof Step.Rest rest) {
            return "open-circuit rest" + ends(rest.ends());
        }
        if (step instanceof Step.Hold hold) {
            return "chronoamperometry (CA) at " + potential(hold.potential()) + ends(hold.ends());
        }
        return lowerFirst(units(step.text()));
    }

    /** Holds of one duration in a row, each optionally followed by the same prompt: one clause. */
    private int holds(List<Step> steps, int start, List<String> clauses) {
        Step.Hold first = (Step.Hold) steps.get(start);
        String prompt = steps.size() > start + 1 && steps.get(start + 1) instanceof Step.Ask ask ? ask.prompt() : null;
        List<Potential> potentials = new ArrayList<>();
        int i = start;
        while (i < steps.size() && steps.get(i) instanceof Step.Hold hold && hold.ends().equals(first.ends())) {
            String after = i + 1 < steps.size() && steps.get(i + 1) instanceof Step.Ask ask ? ask.prompt() : null;
            if (!Objects.equals(after, prompt)) {
                break;
            }
            potentials.add(hold.potential());
            i += prompt == null ? 1 : 2;
        }
        if (potentials.size() < 2) {
            clauses.add(clause(first));
            return start + 1;
        }
        clauses.add("chronoamperometry (CA) at " + potentialList(potentials) + ends(first.ends()) + " each"
                + (prompt == null ? "" : ", each followed by a pause for the operator (“" + prompt + "”)"));
        return i;
    }

    /** CVs over one window with the same number of cycles in a row: one clause listing the scan rates. */
    private int cvs(List<Step> steps, int start, List<String> clauses) {
        Step.CyclicVoltammetry first = (Step.CyclicVoltammetry) steps.get(start);
        List<String> rates = new ArrayList<>();
        int i = start;
        while (i < steps.size() && steps.get(i) instanceof Step.CyclicVoltammetry cv && cv.first().equals(first.first())
                && cv.second().equals(first.second()) && cv.cycles() == first.cycles()) {
            rates.add(Decimals.plain(cv.voltsPerSecond() * 1000));
            i++;
        }
        clauses.add("cyclic voltammetry (CV) between " + potentialRange(first.first(), first.second()) + " at "
                + list(rates) + " mV s⁻¹ (" + first.cycles() + (first.cycles() == 1 ? " cycle" : " cycles")
                + (rates.size() > 1 ? " each)" : ")"));
        return i;
    }

    /** "−0.1 V vs RHE (−0.7114 V vs Ag/AgCl)": as written, and on the other scale when the pH allows. */
    String potential(Potential potential) {
        String written = signed(potential.volts()) + " V vs " + scaleName(potential.scale());
        return other(potential).map(v -> written + " (" + v + ")").orElse(written);
    }

    private String potentialList(List<Potential> potentials) {
        Potential.Scale scale = potentials.get(0).scale();
        if (potentials.stream().anyMatch(p -> p.scale() != scale)) {
            return list(potentials.stream().map(this::potential).toList());
        }
        String written = list(potentials.stream().map(p -> signed(p.volts())).toList()) + " V vs " + scaleName(scale);
        List<String> converted = potentials.stream().map(p -> other(p).orElse(null)).toList();
        if (converted.contains(null)) {
            return written;
        }
        Potential.Scale to = scale == Potential.Scale.RHE ? Potential.Scale.REFERENCE : Potential.Scale.RHE;
        return written + " (" + list(potentials.stream().map(p -> signed(convert(p))).toList()) + " V vs "
                + scaleName(to) + ")";
    }

    private String potentialRange(Potential from, Potential to) {
        if (from.scale() == to.scale()) {
            return signed(from.volts()) + " to " + signed(to.volts()) + " V vs " + scaleName(from.scale());
        }
        return potential(from) + " to " + potential(to);
    }

    private java.util.Optional<String> other(Potential potential) {
        if (Double.isNaN(cell.ph())) {
            return java.util.Optional.empty();
        }
        Potential.Scale to = potential.scale() == Potential.Scale.RHE ? Potential.Scale.REFERENCE
                : Potential.Scale.RHE;
        return java.util.Optional.of(signed(convert(potential)) + " V vs " + scaleName(to));
    }

    private double convert(Potential potential) {
        RheScale scale = RheScale.of(cell);
        return potential.scale() == Potential.Scale.RHE ? scale.toReference(potential.volts())
                : scale.toRhe(potential.volts());
    }

    private String scaleName(Potential.Scale scale) {
        return scale == Potential.Scale.RHE ? "RHE" : cell.referenceElectrode().isBlank() ? "the reference electrode"
                : cell.referenceElectrode();
    }

    private static String ends(List<StepEnd> ends) {
        List<String> parts = new ArrayList<>();
        for (StepEnd end : ends) {
            parts.add(end(end));
        }
        return parts.isEmpty() ? "" : " " + String.join(" or ", parts);
    }

    private static String end(StepEnd end) {
        if (end instanceof StepEnd.AfterTime t) {
            return "for " + duration(t.millis());
        }
        if (end instanceof StepEnd.AtVoltage v) {
            return "until " + Decimals.plain(v.volts()) + " V";
        }
        if (end instanceof StepEnd.AtCurrent c) {
            return "until the current reached " + units(c.current().describe());
        }
        if (end instanceof StepEnd.AtCapacity q) {
            return "until " + Decimals.plain(q.coulombs() / 3.6, 4) + " mAh";
        }
        StepEnd.AtEnergy e = (StepEnd.AtEnergy) end;
        return "until " + Decimals.plain(e.joules() / 3.6, 4) + " mWh";
    }

    static String duration(long millis) {
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + " h";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + " min";
        }
        return Decimals.plain(millis / 1000.0) + " s";
    }

    private static String scanRate(double voltsPerSecond) {
        return Decimals.plain(voltsPerSecond * 1000) + " mV s⁻¹";
    }

    /** "a", "a and b", "a, b and c". */
    static String list(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /** Protocol units as printed: mA/cm2 → mA cm⁻², mW/cm2 → mW cm⁻². */
    static String units(String text) {
        return text.replace("/cm2", " cm⁻²").replace("mV/s", "mV s⁻¹");
    }

    private static String signed(double volts) {
        return Decimals.printed(volts, 6);
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }
}
