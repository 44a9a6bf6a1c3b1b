package org.no3rr.station.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.no3rr.cell.CellMetadata;
import org.no3rr.metrics.StepSummary;
import org.no3rr.metrics.quantification.Analyte;
import org.no3rr.metrics.quantification.Background;
import org.no3rr.metrics.quantification.FaradaicEfficiency;
import org.no3rr.metrics.quantification.GasChromatographReading;
import org.no3rr.metrics.quantification.ProductAnalysis;
import org.no3rr.metrics.quantification.ReductionReaction;
import org.no3rr.metrics.quantification.SampleReading;
import org.no3rr.metrics.quantification.YieldRate;
import org.no3rr.protocol.StepKind;
import org.no3rr.station.store.DocumentStore;
import org.no3rr.station.store.RunRecord;
import org.no3rr.station.validation.Check;
import org.no3rr.station.validation.Ranges;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sample readings the operator enters after a step — an absorbance, an NMR area ratio or a gas
 * chromatograph's H2 — and the Faradaic efficiency and yield they give for that step. Only the
 * readings are stored; the results are computed each time from them and the step's stored summary
 * (its reducing charge and step time), optionally corrected by a blank or a control run's reading.
 * A reading is refused for a step that drives no reduction, and for one whose reducing charge is at
 * or below its floor (noise).
 */
@ApplicationScoped
public class ReadingService {

    /**
     * What the operator measured.
     *
     * @param stepNumber       the step the sample was taken after (BDF "Step Count")
     * @param calibrationId    the calibration of the method used (not for a GC reading)
     * @param signal           absorbance, or peak-area ratio for NMR
     * @param dilutionFactor   measured solution / catholyte dilution, e.g. 100 for 0.05 mL made up to 5 mL; default 1
     * @param volumeSampledMl  how much catholyte was taken; recorded with the reading
     * @param reaction         which reaction the product is attributed to; default: nitrate to the measured product
     * @param gc               a gas chromatograph's H2 reading instead of a calibrated one
     * @param blank            the fresh electrolyte read the same way: its concentration is subtracted
     * @param control          a reading of a control run (e.g. the same hold without nitrate): its moles are subtracted
     */
    public record Reading(Integer stepNumber, Long calibrationId, Double signal, Double dilutionFactor,
                          Double volumeSampledMl, ReductionReaction reaction, GcReading gc, String notes,
                          BlankReading blank, ControlReading control) {

        /** Each field against its documented range (docs/security.md), before anything is computed or stored. */
        public Reading checked() {
            Check.optionalWhole("stepNumber", stepNumber == null ? null : stepNumber.longValue(), 1, Ranges.MAX_STEP_NUMBER);
            Check.optionalWhole("calibrationId", calibrationId, 1, Long.MAX_VALUE);
            Check.optional("signal", signal, Ranges.SIGNAL);
            Check.optional("dilutionFactor", dilutionFactor, Ranges.DILUTION_FACTOR);
            Check.optional("volumeSampledMl", volumeSampledMl, Ranges.VOLUME_SAMPLED_ML);
            if (gc != null) {
                Check.optional("gc.hydrogenPpm", gc.hydrogenPpm(), Ranges.HYDROGEN_PPM);
                Check.optional("gc.carrierFlowMlPerMin", gc.carrierFlowMlPerMin(), Ranges.CARRIER_FLOW_ML_PER_MIN);
                Check.optional("gc.durationS", gc.durationS(), Ranges.GC_DURATION_S);
            }
            Check.text("notes", notes, Ranges.NOTES_CHARS);
            if (blank != null) {
                Check.optional("blank.signal", blank.signal(), Ranges.SIGNAL);
                Check.optional("blank.dilutionFactor", blank.dilutionFactor(), Ranges.DILUTION_FACTOR);
            }
            if (control != null) {
                Check.optionalWhole("control.runId", control.runId(), 1, Long.MAX_VALUE);
                Check.optionalWhole("control.readingId", control.readingId(), 1, Long.MAX_VALUE);
            }
            return this;
        }
    }

    /** The fresh electrolyte's signal with the same calibration, and its dilution (default 1). */
    public record BlankReading(Double signal, Double dilutionFactor) {
    }

    /** A stored reading of another run (a control) whose product moles are subtracted. */
    public record ControlReading(Long runId, Long readingId) {
    }

    /** Cathode off-gas: H2 in ppm by volume in a carrier flowing at a rate, sampled over a duration. */
    public record GcReading(Double hydrogenPpm, Double carrierFlowMlPerMin, Double durationS) {
    }

    /**
     * A reading with what it means for its step. FE is a fraction, reported unclamped; yields are
     * over the step's duration (its step time), in every unit the literature uses; null where the cell
     * metadata lacks what a value is normalised by. {@code correction} shows a background
     * subtraction and the figures without it.
     */
    public record Result(long id, Instant enteredAt, int stepNumber, String product, ReductionReaction reaction,
                         double chargeCoulombs, double durationS, Double concentrationMolPerL, double productMol,
                         double faradaicEfficiency, double faradaicEfficiencyPercent, YieldRate yield,
                         ProductAnalysis.Correction correction, Set<String> warnings, Reading reading) {
    }

    @Inject
    RunService runs;

    @Inject
    SummaryService summaries;

    @Inject
    CalibrationService calibrations;

    @Inject
    CellDocuments cells;

    @Inject
    DocumentStore documents;

    /** Steps that drive no reduction, whatever their current shows: the protocol says so. */
    private static final Set<StepKind> NOT_REDUCING = Set.of(StepKind.REST, StepKind.CHARGE);

    @Inject
    ObjectMapper json;

    /** Checks the reading completely, computes its result, and only then stores it. */
    public Result add(long runId, Reading reading) {
        RunRecord run = runs.find(runId);
        if (reading == null) {
            throw new InvalidRequestException("body", "a JSON body is required, e.g. {\"stepNumber\": 1, "
                    + "\"calibrationId\": 1, \"signal\": 0.42, \"dilutionFactor\": 100}");
        }
        long now = System.currentTimeMillis();
        Result result = evaluate(run, 0, now, reading);
        long id = documents.insertReading(runId, reading.stepNumber(), write(reading), now);
        return withId(result, id);
    }

    public List<Result> list(long runId) {
        RunRecord run = runs.find(runId);
        return documents.readings(runId).stream()
                .map(row -> evaluate(run, row.id(), row.createdMs(), read(row.readingJson())))
                .toList();
    }

    private Result evaluate(RunRecord run, long id, long enteredMs, Reading reading) {
        StepSummary step = endedStep(run.id(), reading.stepNumber());
        CellMetadata cell = cells.read(run.cellJson());
        double charge = step.reducingChargeCoulombs();
        if (NOT_REDUCING.contains(step.kind())) {
            throw new InvalidRequestException("stepNumber", "step " + step.stepNumber() + " is a "
                    + step.kind().wireName() + " step, which drives no reduction; a product reading belongs after a "
                    + "hold or a discharge");
        }
        return reading.gc() != null ? hydrogen(id, enteredMs, reading, step, charge, cell)
                : dissolved(id, enteredMs, run, reading, step, charge, cell);
    }

    private Result dissolved(long id, long enteredMs, RunRecord run, Reading reading, StepSummary step, double charge,
                             CellMetadata cell) {
        if (reading.calibrationId() == null) {
            throw new InvalidRequestException("calibrationId", "calibrationId is required for a calibrated reading "
                    + "(or give \"gc\" for an H2 reading); see GET /api/calibrations");
        }
        if (reading.signal() == null || !Double.isFinite(reading.signal())) {
            throw new InvalidRequestException("signal", "signal is required: the absorbance (or NMR area ratio), e.g. 0.42");
        }
        CalibrationService.Calibration calibration = calibrations.find(reading.calibrationId());
        Analyte analyte = calibration.curve().method().analyte();
        requireAboveFloor(step, charge);
        ReductionReaction reaction = reading.reaction() != null ? reading.reaction() : fromNitrate(analyte);
        double dilution = reading.dilutionFactor() == null ? 1.0 : reading.dilutionFactor();
        ProductAnalysis analysis;
        try {
            Background background = background(run, reading, calibration);
            analysis = ProductAnalysis.of(new SampleReading(calibration.curve().method(), reading.signal(), dilution),
                    calibration.curve(), reaction, charge, step.durationS(), cell, background);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(fieldOf(e.getMessage()), e.getMessage());
        }
        return new Result(id, Instant.ofEpochMilli(enteredMs), step.stepNumber(), analyte.name(), reaction, charge,
                step.durationS(), analysis.concentrationMolPerL(), analysis.productMol(),
                analysis.faradaicEfficiency().fraction(), analysis.faradaicEfficiency().percent(), analysis.yieldRate(),
                analysis.correction(), analysis.warnings().stream().map(Enum::name).collect(Collectors.toSet()),
                reading);
    }

    /** The reading's background: a blank of the same calibration, a control run's stored reading, or none. */
    private Background background(RunRecord run, Reading reading, CalibrationService.Calibration calibration) {
        if (reading.blank() != null && reading.control() != null) {
            throw new InvalidRequestException("control", "give a blank or a control, not both");
        }
        if (reading.blank() != null) {
            BlankReading blank = reading.blank();
            if (blank.signal() == null || !Double.isFinite(blank.signal())) {
                throw new InvalidRequestException("blank.signal", "blank.signal is required: the fresh electrolyte's "
                        + "absorbance with the same calibration, e.g. 0.041");
            }
            return new Background.Blank(new SampleReading(calibration.curve().method(), blank.signal(),
                    blank.dilutionFactor() == null ? 1.0 : blank.dilutionFactor()));
        }
        if (reading.control() != null) {
            ControlReading control = reading.control();
            if (control.runId() == null || control.readingId() == null) {
                throw new InvalidRequestException("control", "control needs runId and readingId of a stored reading, "
                        + "e.g. {\"runId\": 7, \"readingId\": 3}");
            }
            if (control.runId() == run.id()) {
                throw new InvalidRequestException("control.runId", "control.runId " + control.runId()
                        + " is this run; a control is another run (e.g. the same hold without nitrate)");
            }
            Result measured = list(control.runId()).stream().filter(r -> r.id() == control.readingId()).findFirst()
                    .orElseThrow(() -> new InvalidRequestException("control.readingId", "run " + control.runId()
                            + " has no reading " + control.readingId() + "; see GET /api/runs/" + control.runId()
                            + "/readings"));
            if (!measured.product().equals(calibration.curve().method().analyte().name())) {
                throw new InvalidRequestException("control.readingId", "reading " + control.readingId() + " of run "
                        + control.runId() + " measured " + measured.product() + ", not "
                        + calibration.curve().method().analyte().name());
            }
            return new Background.Control(measured.productMol(), "reading " + control.readingId() + " of control run "
                    + control.runId() + " (" + measured.productMol() + " mol) subtracted");
        }
        return new Background.None();
    }

    private Result hydrogen(long id, long enteredMs, Reading reading, StepSummary step, double charge,
                            CellMetadata cell) {
        GcReading gc = reading.gc();
        GasChromatographReading gcReading;
        try {
            gcReading = new GasChromatographReading(require(gc.hydrogenPpm(), "gc.hydrogenPpm"),
                    require(gc.carrierFlowMlPerMin(), "gc.carrierFlowMlPerMin"), require(gc.durationS(), "gc.durationS"));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("gc", "gc: " + e.getMessage());
        }
        requireAboveFloor(step, charge);
        double molarVolume = GasChromatographReading.molarVolumeAt25CelsiusOneAtmLPerMol();
        double mol = gcReading.hydrogenMol(molarVolume);
        FaradaicEfficiency fe = gcReading.faradaicEfficiency(charge, molarVolume);
        YieldRate yield = YieldRate.of(mol, Analyte.H2, step.durationS(), cell.areaCm2(), cell.catalystMassMg());
        Set<String> warnings = fe.exceedsHundredPercent()
                ? Set.of(ProductAnalysis.Warning.FARADAIC_EFFICIENCY_ABOVE_100_PERCENT.name()) : Set.of();
        return new Result(id, Instant.ofEpochMilli(enteredMs), step.stepNumber(), Analyte.H2.name(),
                ReductionReaction.HYDROGEN_EVOLUTION, charge, step.durationS(), null, mol, fe.fraction(), fe.percent(),
                yield, null, warnings, reading);
    }

    /**
     * Refuses a step whose reducing charge is noise. Checked after the request itself is complete
     * and its calibration found, so a malformed request is told what is wrong with it first.
     */
    private static void requireAboveFloor(StepSummary step, double charge) {
        if (!step.aboveFloor(charge)) {
            throw new InvalidRequestException("stepNumber", "step " + step.stepNumber() + " passed "
                    + compact(charge) + " C of reducing charge, not above its floor of "
                    + compact(step.chargeFloorCoulombs()) + " C (the channel's current resolution × its "
                    + compact(step.durationS()) + " s): that is noise, and no Faradaic efficiency can be "
                    + "computed from it");
        }
    }

    /** The ended step a reading is for: at once after it ended, also while the run waits at its prompt. */
    private StepSummary endedStep(long runId, Integer stepNumber) {
        if (stepNumber == null || stepNumber < 1) {
            throw new InvalidRequestException("stepNumber", "stepNumber is required: the step (1, 2, …) the sample "
                    + "was taken after, was " + stepNumber);
        }
        return summaries.endedStep(runId, stepNumber).orElseThrow(() -> {
            List<Integer> ended = summaries.endedStepNumbers(runId);
            return new InvalidRequestException("stepNumber", "step " + stepNumber + " of run " + runId
                    + " has not ended or does not exist; ended steps: "
                    + (ended.isEmpty() ? "none yet" : "1 to " + ended.get(ended.size() - 1)));
        });
    }

    private static ReductionReaction fromNitrate(Analyte analyte) {
        return switch (analyte) {
            case NO2_MINUS -> ReductionReaction.NITRATE_TO_NITRITE;
            case N2H4 -> ReductionReaction.NITRATE_TO_HYDRAZINE;
            case H2 -> ReductionReaction.HYDROGEN_EVOLUTION;
            default -> ReductionReaction.NITRATE_TO_AMMONIA;
        };
    }

    /** The request field a library message is about, for the 400's {@code field}. */
    private static String fieldOf(String message) {
        if (message.contains("catholyteVolumeMl")) {
            return "run.cell.catholyteVolumeMl";
        }
        if (message.contains("dilution")) {
            return "dilutionFactor";
        }
        return message.contains("produces") ? "reaction" : "signal";
    }

    /** Four significant digits, as a person reads a charge or a time in a message. */
    private static String compact(double value) {
        return String.format(java.util.Locale.ROOT, "%.4g", value);
    }

    private static double require(Double value, String field) {
        if (value == null) {
            throw new InvalidRequestException(field, field + " is required");
        }
        return value;
    }

    private static Result withId(Result r, long id) {
        return new Result(id, r.enteredAt(), r.stepNumber(), r.product(), r.reaction(), r.chargeCoulombs(),
                r.durationS(), r.concentrationMolPerL(), r.productMol(), r.faradaicEfficiency(),
                r.faradaicEfficiencyPercent(), r.yield(), r.correction(), r.warnings(), r.reading());
    }

    private String write(Reading reading) {
        try {
            return json.writeValueAsString(reading);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialise a reading", e);
        }
    }

    private Reading read(String text) {
        try {
            return json.readValue(text, Reading.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored reading is unreadable: " + text, e);
        }
    }
}
