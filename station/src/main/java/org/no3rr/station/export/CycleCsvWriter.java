package org.no3rr.station.export;

import org.no3rr.station.rest.CycleView;

import java.io.Writer;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The per-cycle summary as CSV: one row per cycle, exactly the numbers of
 * {@code GET /api/runs/{id}/cycles} (the same {@link CycleView}s), each in its own column with its
 * unit in the header (see docs/metrics.md), and {@code complete} false for a cycle still in
 * progress. A value that does not exist (CE of a cycle without a charge half, any battery value of
 * an electrolysis run) is an empty cell.
 */
public final class CycleCsvWriter {

    /** The columns after {@code cycle} and {@code complete}, each with the {@link CycleView} field it shows. */
    public static final List<Column> COLUMNS = List.of(
            new Column("first_step_number", "firstStepNumber", CycleView::firstStepNumber),
            new Column("last_step_number", "lastStepNumber", CycleView::lastStepNumber),
            new Column("start_unix_time_s", "startTime", v -> v.startTime().toEpochMilli() / 1000.0),
            new Column("end_unix_time_s", "endTime", v -> v.endTime().toEpochMilli() / 1000.0),
            new Column("duration_s", "durationS", CycleView::durationS),
            new Column("charge_C", "chargeCoulombs", CycleView::chargeCoulombs),
            new Column("discharge_C", "dischargeCoulombs", CycleView::dischargeCoulombs),
            new Column("charge_capacity_C", "chargeCapacityCoulombs", CycleView::chargeCapacityCoulombs),
            new Column("discharge_capacity_C", "dischargeCapacityCoulombs", CycleView::dischargeCapacityCoulombs),
            new Column("charge_capacity_mAh", "chargeCapacityMah", CycleView::chargeCapacityMah),
            new Column("discharge_capacity_mAh", "dischargeCapacityMah", CycleView::dischargeCapacityMah),
            new Column("charge_capacity_mAh_per_cm2", "chargeCapacityMahPerCm2", CycleView::chargeCapacityMahPerCm2),
            new Column("discharge_capacity_mAh_per_cm2", "dischargeCapacityMahPerCm2",
                    CycleView::dischargeCapacityMahPerCm2),
            new Column("charge_capacity_mAh_per_g_Zn", "chargeCapacityMahPerGZn", CycleView::chargeCapacityMahPerGZn),
            new Column("discharge_capacity_mAh_per_g_Zn", "dischargeCapacityMahPerGZn",
                    CycleView::dischargeCapacityMahPerGZn),
            new Column("charge_energy_J", "chargeEnergyJ", CycleView::chargeEnergyJ),
            new Column("discharge_energy_J", "dischargeEnergyJ", CycleView::dischargeEnergyJ),
            new Column("charge_energy_Wh", "chargeEnergyWh", CycleView::chargeEnergyWh),
            new Column("discharge_energy_Wh", "dischargeEnergyWh", CycleView::dischargeEnergyWh),
            new Column("mean_charge_voltage_V", "meanChargeVoltageV", CycleView::meanChargeVoltageV),
            new Column("mean_discharge_voltage_V", "meanDischargeVoltageV", CycleView::meanDischargeVoltageV),
            new Column("coulombic_efficiency_fraction", "coulombicEfficiency", CycleView::coulombicEfficiency),
            new Column("energy_efficiency_fraction", "energyEfficiency", CycleView::energyEfficiency),
            new Column("voltage_gap_V", "voltageGapV", CycleView::voltageGapV),
            new Column("capacity_retention_percent", "capacityRetentionPercent", CycleView::capacityRetentionPercent),
            new Column("fade_percent_per_cycle", "fadePercentPerCycle", CycleView::fadePercentPerCycle));

    public static final String HEADER = "cycle,complete,"
            + COLUMNS.stream().map(Column::header).collect(Collectors.joining(","));

    private final Writer out;

    public CycleCsvWriter(Writer out) {
        this.out = out;
    }

    /** Writes the header and one row per cycle, in order. */
    public void write(List<CycleView> cycles) {
        CsvCells.line(out, HEADER);
        StringBuilder row = new StringBuilder(512);
        for (CycleView cycle : cycles) {
            row.setLength(0);
            row.append(cycle.cycle()).append(',').append(cycle.complete());
            for (Column column : COLUMNS) {
                row.append(',');
                Number value = column.value().apply(cycle);
                if (value instanceof Integer) {
                    row.append(value);
                } else {
                    CsvCells.appendOptional(row, value == null ? Double.NaN : value.doubleValue());
                }
            }
            CsvCells.line(out, row);
        }
    }

    /**
     * @param header the CSV header, unit after the last underscore
     * @param field  the {@link CycleView} component, also the field name in the JSON of {@code /cycles}
     */
    public record Column(String header, String field, Function<CycleView, Number> value) {
    }
}
