package org.no3rr.station.export;

import org.junit.jupiter.api.Test;
import org.no3rr.cell.CellMetadata;
import org.no3rr.metrics.battery.CycleSummary;
import org.no3rr.station.service.RunMetricsService;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The cycles CSV shows every field of a cycle summary, with its unit, and marks the cycle in progress. */
class CycleCsvWriterTest {

    @Test
    void hasAColumnForEveryCycleSummaryField() {
        List<String> fields = Arrays.stream(CycleSummary.class.getRecordComponents())
                .map(component -> component.getName()).filter(name -> !name.equals("cycle")).toList();

        assertThat(CycleCsvWriter.COLUMNS.stream().map(CycleCsvWriter.Column::field).toList())
                .containsExactlyElementsOf(fields);
    }

    @Test
    void writesOneRowPerCycleWithEmptyCellsForMissingRatios() {
        CellMetadata cell = new CellMetadata(2.0, Double.NaN, 0.05, Double.NaN, Double.NaN, "", 0.197, 0.0, CellMetadata.DEFAULT_RHE_SLOPE_V_PER_PH);
        CycleSummary first = CycleSummary.of(1, 1_700_000_000_000L, 1_700_000_001_200L, 2, 3.6, 3.24, 7.2, 5.4, cell);
        CycleSummary second = CycleSummary.of(2, 1_700_000_001_200L, 1_700_000_001_700L, 1, 0, 1.8, 0, 2.7, cell);
        StringWriter out = new StringWriter();

        new CycleCsvWriter(out).write(new RunMetricsService.CycleReport(List.of(first), second));

        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("cycle,complete,start_unix_time_s,end_unix_time_s,step_count,"
                + "charge_capacity_C,discharge_capacity_C,charge_capacity_mAh,discharge_capacity_mAh,"
                + "charge_capacity_mAh_per_cm2,discharge_capacity_mAh_per_cm2,charge_capacity_mAh_per_g_Zn,"
                + "discharge_capacity_mAh_per_g_Zn,charge_energy_J,discharge_energy_J,charge_energy_Wh,"
                + "discharge_energy_Wh,charge_energy_mWh_per_cm2,discharge_energy_mWh_per_cm2,"
                + "charge_energy_mWh_per_g_Zn,discharge_energy_mWh_per_g_Zn,mean_charge_voltage_V,"
                + "mean_discharge_voltage_V,coulombic_efficiency_fraction,energy_efficiency_fraction,voltage_gap_V");
        // 3.6 C = 1 mAh; 7.2 J = 2 mWh; CE 0.9; EE 0.75; mean V 2.0 and 1.6666…
        assertThat(lines.get(1)).startsWith("1,true,1700000000.000,1700000001.200,2,3.6,3.24,1.0,0.9,0.5,0.45,20.0,"
                + "18.0,7.2,5.4,0.002,0.0015,1.0,0.75,40.0,30.0,2.0,1.6666666666666667,0.9,0.75,");
        // no charge: mean charge voltage, CE, EE and the voltage gap have no denominator → empty
        assertThat(lines.get(2)).startsWith("2,false,1700000001.200,1700000001.700,1,0.0,1.8,")
                .endsWith(",,1.5,,,");
        assertThat(lines).hasSize(3);
    }
}
