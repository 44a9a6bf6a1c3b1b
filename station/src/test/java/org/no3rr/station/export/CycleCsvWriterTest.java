package org.no3rr.station.export;

import org.junit.jupiter.api.Test;
import org.no3rr.cell.CellMetadata;
import org.no3rr.metrics.CycleSummary;
import org.no3rr.metrics.StepSummary;
import org.no3rr.metrics.StepTotals;
import org.no3rr.protocol.StepKind;
import org.no3rr.station.rest.CycleView;
import org.no3rr.station.service.SummaryService;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The cycles CSV shows every field of {@code /cycles}, with its unit, and leaves absent values empty. */
class CycleCsvWriterTest {

    private static final CellMetadata CELL = new CellMetadata(2.0, Double.NaN, 0.05, Double.NaN, Double.NaN, "",
            0.197, 0.0);

    /** A step of constant current and voltage for {@code seconds}, read every second. */
    private static StepSummary step(int cycle, int number, StepKind kind, double amps, double volts, int seconds) {
        StepTotals totals = StepTotals.EMPTY;
        for (int s = 0; s <= seconds; s++) {
            totals = totals.plus(s * 1000L, volts, amps);
        }
        return new StepSummary(cycle, number, number, kind, kind.wireName(), 1_700_000_000_000L,
                1_700_000_000_000L + seconds * 1000L, totals, 1e-6 * seconds, "test");
    }

    @Test
    void hasAColumnForEveryCycleViewField() {
        List<String> fields = Arrays.stream(CycleView.class.getRecordComponents()).map(c -> c.getName())
                .filter(name -> !name.equals("cycle") && !name.equals("complete")).toList();

        assertThat(CycleCsvWriter.COLUMNS.stream().map(CycleCsvWriter.Column::field).toList())
                .containsExactlyElementsOf(fields);
    }

    /**
     * Cycle 1: 3.6 C charged at 2.0 V (1 mAh), 3.24 C discharged at 1.6 V → CE 0.9, EE 0.72, gap 0.4 V.
     * Cycle 2 discharges only: no charge half, so its CE, EE and gap are empty.
     */
    @Test
    void writesOneRowPerCycleWithEmptyCellsForWhatDoesNotExist() {
        CycleSummary first = CycleSummary.begin(1, true).plus(step(1, 1, StepKind.CHARGE, 0.036, 2.0, 100))
                .plus(step(1, 2, StepKind.DISCHARGE, -0.0324, 1.6, 100));
        CycleSummary second = CycleSummary.begin(2, true).plus(step(2, 3, StepKind.DISCHARGE, -0.0324, 1.6, 50));
        StringWriter out = new StringWriter();

        new CycleCsvWriter(out).write(List.of(
                CycleView.of(new SummaryService.CycleReport(first, true, 100.0, null), CELL),
                CycleView.of(new SummaryService.CycleReport(second, false, 50.0, 50.0), CELL)));

        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("cycle,complete,first_step_number,last_step_number,start_unix_time_s,")
                .endsWith(",coulombic_efficiency_fraction,energy_efficiency_fraction,voltage_gap_V,"
                        + "capacity_retention_percent,fade_percent_per_cycle");
        String[] header = lines.get(0).split(",", -1);
        String[] one = lines.get(1).split(",", -1);
        String[] two = lines.get(2).split(",", -1);
        int ce = Arrays.asList(header).indexOf("coulombic_efficiency_fraction");
        int ee = ce + 1;
        int gap = ce + 2;
        assertThat(Double.parseDouble(one[ce])).isEqualTo(0.9, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(Double.parseDouble(one[ee])).isEqualTo(0.72, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(Double.parseDouble(one[gap])).isEqualTo(0.4, org.assertj.core.api.Assertions.within(1e-12));
        int mah = Arrays.asList(header).indexOf("charge_capacity_mAh");
        assertThat(Double.parseDouble(one[mah])).isEqualTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(one[Arrays.asList(header).indexOf("fade_percent_per_cycle")]).isEmpty();
        assertThat(two[1]).isEqualTo("false");
        assertThat(two[ce]).isEmpty();
        assertThat(two[ee]).isEmpty();
        assertThat(two[gap]).isEmpty();
        assertThat(two[Arrays.asList(header).indexOf("charge_capacity_C")]).isEmpty();
        assertThat(two[Arrays.asList(header).indexOf("capacity_retention_percent")]).isEqualTo("50.0");
    }
}
