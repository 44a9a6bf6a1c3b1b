package org.no3rr.station.export;

import org.no3rr.station.service.ReadingService;

import java.io.Writer;
import java.util.List;
import java.util.TreeSet;

/**
 * The sample readings as CSV, one row each, exactly as {@code GET /api/runs/{id}/readings} computes
 * them: what was measured (calibration, signal, dilution, background), the concentration and moles,
 * and the Faradaic efficiency and yield in every unit the literature uses, units in the headers.
 */
public final class ReadingCsvWriter {

    public static final TableCsv<ReadingService.Result> TABLE = new TableCsv<>(List.of(
            new TableCsv.Column<>("reading_id", ReadingService.Result::id),
            new TableCsv.Column<>("entered_at", ReadingService.Result::enteredAt),
            new TableCsv.Column<>("step_number", ReadingService.Result::stepNumber),
            new TableCsv.Column<>("product", ReadingService.Result::product),
            new TableCsv.Column<>("reaction", ReadingService.Result::reaction),
            new TableCsv.Column<>("calibration_id", r -> r.reading().calibrationId()),
            new TableCsv.Column<>("signal", r -> r.reading().signal()),
            new TableCsv.Column<>("dilution_factor", r -> r.reading().dilutionFactor()),
            new TableCsv.Column<>("concentration_mol_per_L", ReadingService.Result::concentrationMolPerL),
            new TableCsv.Column<>("product_mol", ReadingService.Result::productMol),
            new TableCsv.Column<>("charge_C", ReadingService.Result::chargeCoulombs),
            new TableCsv.Column<>("duration_s", ReadingService.Result::durationS),
            new TableCsv.Column<>("faradaic_efficiency_fraction", ReadingService.Result::faradaicEfficiency),
            new TableCsv.Column<>("faradaic_efficiency_percent", ReadingService.Result::faradaicEfficiencyPercent),
            new TableCsv.Column<>("yield_mg_per_h_per_mg_cat", r -> r.yield().mgPerHourPerMgCat()),
            new TableCsv.Column<>("yield_ug_per_h_per_mg_cat", r -> r.yield().ugPerHourPerMgCat()),
            new TableCsv.Column<>("yield_ug_per_h_per_cm2", r -> r.yield().ugPerHourPerCm2()),
            new TableCsv.Column<>("yield_umol_per_h_per_cm2", r -> r.yield().umolPerHourPerCm2()),
            new TableCsv.Column<>("yield_mol_per_s_per_cm2", r -> r.yield().molPerSecondPerCm2()),
            new TableCsv.Column<>("background", r -> r.correction() == null ? null : r.correction().description()),
            new TableCsv.Column<>("uncorrected_product_mol",
                    r -> r.correction() == null ? null : r.correction().uncorrectedProductMol()),
            new TableCsv.Column<>("uncorrected_faradaic_efficiency_fraction",
                    r -> r.correction() == null ? null : r.correction().uncorrectedFaradaicEfficiency()),
            new TableCsv.Column<>("warnings", r -> String.join(" ", new TreeSet<>(r.warnings()))),
            new TableCsv.Column<>("notes", r -> r.reading().notes())));

    private final Writer out;

    public ReadingCsvWriter(Writer out) {
        this.out = out;
    }

    public void write(List<ReadingService.Result> readings) {
        TABLE.write(out, readings);
    }
}
