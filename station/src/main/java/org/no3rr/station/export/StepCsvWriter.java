package org.no3rr.station.export;

import org.no3rr.station.rest.StepSummaryView;

import java.io.Writer;
import java.util.List;

/**
 * The step summaries as CSV: one row per step, exactly the numbers of {@code GET /api/runs/{id}/steps}
 * (the same {@link StepSummaryView}s; docs/metrics.md), units in the headers.
 */
public final class StepCsvWriter {

    public static final TableCsv<StepSummaryView> TABLE = new TableCsv<>(List.of(
            new TableCsv.Column<>("step_number", StepSummaryView::stepNumber),
            new TableCsv.Column<>("cycle", StepSummaryView::cycle),
            new TableCsv.Column<>("step_line", StepSummaryView::stepLine),
            new TableCsv.Column<>("step_kind", v -> v.kind().wireName()),
            new TableCsv.Column<>("text", StepSummaryView::text),
            new TableCsv.Column<>("complete", StepSummaryView::complete),
            new TableCsv.Column<>("start_time", StepSummaryView::startTime),
            new TableCsv.Column<>("end_time", StepSummaryView::endTime),
            new TableCsv.Column<>("duration_s", StepSummaryView::durationS),
            new TableCsv.Column<>("sample_count", StepSummaryView::sampleCount),
            new TableCsv.Column<>("charge_C", StepSummaryView::chargeCoulombs),
            new TableCsv.Column<>("discharge_C", StepSummaryView::dischargeCoulombs),
            new TableCsv.Column<>("charge_mAh", StepSummaryView::chargeMah),
            new TableCsv.Column<>("discharge_mAh", StepSummaryView::dischargeMah),
            new TableCsv.Column<>("charge_energy_J", StepSummaryView::chargeEnergyJ),
            new TableCsv.Column<>("discharge_energy_J", StepSummaryView::dischargeEnergyJ),
            new TableCsv.Column<>("mean_charge_voltage_V", StepSummaryView::meanChargeVoltageV),
            new TableCsv.Column<>("mean_discharge_voltage_V", StepSummaryView::meanDischargeVoltageV),
            new TableCsv.Column<>("mean_voltage_V", StepSummaryView::meanVoltageV),
            new TableCsv.Column<>("min_voltage_V", StepSummaryView::minVoltageV),
            new TableCsv.Column<>("max_voltage_V", StepSummaryView::maxVoltageV),
            new TableCsv.Column<>("first_voltage_V", StepSummaryView::firstVoltageV),
            new TableCsv.Column<>("last_voltage_V", StepSummaryView::lastVoltageV),
            new TableCsv.Column<>("drift_V_per_h", StepSummaryView::driftVPerHour),
            new TableCsv.Column<>("mean_current_A", StepSummaryView::meanCurrentA),
            new TableCsv.Column<>("mean_current_density_mA_per_cm2", StepSummaryView::meanCurrentDensityMaPerCm2),
            new TableCsv.Column<>("reducing_charge_C", StepSummaryView::reducingChargeCoulombs),
            new TableCsv.Column<>("charge_floor_C", StepSummaryView::chargeFloorCoulombs),
            new TableCsv.Column<>("end_reason", StepSummaryView::endReason)));

    private final Writer out;

    public StepCsvWriter(Writer out) {
        this.out = out;
    }

    public void write(List<StepSummaryView> steps) {
        TABLE.write(out, steps);
    }
}
