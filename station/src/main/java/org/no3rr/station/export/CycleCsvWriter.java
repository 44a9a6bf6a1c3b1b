package org.no3rr.station.export;

import org.no3rr.metrics.battery.CycleSummary;
import org.no3rr.station.service.RunMetricsService;

import java.io.Writer;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The per-cycle summary as CSV: one row per cycle, the same numbers as
 * {@code GET /api/runs/{id}/cycles}, every {@link CycleSummary} field in its own column with its
 * unit in the header (see docs/metrics.md for the formulas), and {@code complete} false for a
 * cycle still in progress. Ratios without a denominator (CE of a cycle with no charge) are empty.
 *
 * <p>Memory grows with the number of cycles, not samples: the summaries come from
 * {@link RunMetricsService}, which keeps them anyway.
 */
public final class CycleCsvWriter {

    /**
     * The columns after {@code cycle} and {@code complete}, each with the {@link CycleSummary} field
     * it shows; times are epoch milliseconds, written as seconds with three decimals.
     */
    public static final List<Column> COLUMNS = List.of(
            new Column("start_unix_time_s", "startEpochMillis", CycleSummary::startEpochMillis),
            new Column("end_unix_time_s", "endEpochMillis", CycleSummary::endEpochMillis),
            new Column("step_count", "stepCount", CycleSummary::stepCount),
            new Column("charge_capacity_C", "chargeCapacityCoulombs", CycleSummary::chargeCapacityCoulombs),
            new Column("discharge_capacity_C", "dischargeCapacityCoulombs", CycleSummary::dischargeCapacityCoulombs),
            new Column("charge_capacity_mAh", "chargeCapacityMah", CycleSummary::chargeCapacityMah),
            new Column("discharge_capacity_mAh", "dischargeCapacityMah", CycleSummary::dischargeCapacityMah),
            new Column("charge_capacity_mAh_per_cm2", "chargeCapacityMahPerCm2", CycleSummary::chargeCapacityMahPerCm2),
            new Column("discharge_capacity_mAh_per_cm2", "dischargeCapacityMahPerCm2",
                    CycleSummary::dischargeCapacityMahPerCm2),
            new Column("charge_capacity_mAh_per_g_Zn", "chargeCapacityMahPerGZn", CycleSummary::chargeCapacityMahPerGZn),
            new Column("discharge_capacity_mAh_per_g_Zn", "dischargeCapacityMahPerGZn",
                    CycleSummary::dischargeCapacityMahPerGZn),
            new Column("charge_energy_J", "chargeEnergyJ", CycleSummary::chargeEnergyJ),
            new Column("discharge_energy_J", "dischargeEnergyJ", CycleSummary::dischargeEnergyJ),
            new Column("charge_energy_Wh", "chargeEnergyWh", CycleSummary::chargeEnergyWh),
            new Column("discharge_energy_Wh", "dischargeEnergyWh", CycleSummary::dischargeEnergyWh),
            new Column("charge_energy_mWh_per_cm2", "chargeEnergyMwhPerCm2", CycleSummary::chargeEnergyMwhPerCm2),
            new Column("discharge_energy_mWh_per_cm2", "dischargeEnergyMwhPerCm2",
                    CycleSummary::dischargeEnergyMwhPerCm2),
            new Column("charge_energy_mWh_per_g_Zn", "chargeEnergyMwhPerGZn", CycleSummary::chargeEnergyMwhPerGZn),
            new Column("discharge_energy_mWh_per_g_Zn", "dischargeEnergyMwhPerGZn",
                    CycleSummary::dischargeEnergyMwhPerGZn),
            new Column("mean_charge_voltage_V", "meanChargeVoltageV", CycleSummary::meanChargeVoltageV),
            new Column("mean_discharge_voltage_V", "meanDischargeVoltageV", CycleSummary::meanDischargeVoltageV),
            new Column("coulombic_efficiency_fraction", "coulombicEfficiency", CycleSummary::coulombicEfficiency),
            new Column("energy_efficiency_fraction", "energyEfficiency", CycleSummary::energyEfficiency),
            new Column("voltage_gap_V", "voltageGapV", CycleSummary::voltageGapV));

    public static final String HEADER = "cycle,complete,"
            + COLUMNS.stream().map(Column::header).collect(Collectors.joining(","));

    private final Writer out;

    public CycleCsvWriter(Writer out) {
        this.out = out;
    }

    /** Writes the header, the completed cycles and then the cycle in progress, if any. */
    public void write(RunMetricsService.CycleReport report) {
        CsvCells.line(out, HEADER);
        StringBuilder row = new StringBuilder(512);
        for (CycleSummary cycle : report.completed()) {
            writeRow(row, cycle, true);
        }
        if (report.inProgress() != null) {
            writeRow(row, report.inProgress(), false);
        }
    }

    private void writeRow(StringBuilder row, CycleSummary cycle, boolean complete) {
        row.setLength(0);
        row.append(cycle.cycle()).append(',').append(complete);
        for (Column column : COLUMNS) {
            row.append(',');
            double value = column.value().applyAsDouble(cycle);
            if (column.field().endsWith("EpochMillis")) {
                CsvCells.appendMillisAsSeconds(row, (long) value);
            } else if (column.field().equals("stepCount")) {
                row.append((long) value);
            } else {
                CsvCells.appendOptional(row, value);
            }
        }
        CsvCells.line(out, row);
    }

    /**
     * @param header the CSV header, unit after the last underscore
     * @param field  the {@link CycleSummary} component, also the field name in the JSON of {@code /cycles}
     */
    public record Column(String header, String field, ToDoubleFunction<CycleSummary> value) {
    }
}
