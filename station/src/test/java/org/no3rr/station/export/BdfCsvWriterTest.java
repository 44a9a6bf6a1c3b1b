package org.no3rr.station.export;

import org.junit.jupiter.api.Test;
import org.no3rr.cell.CellMetadata;
import org.no3rr.protocol.StepKind;
import org.no3rr.station.store.StoredSample;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The BDF 1.3.0 export of a few hand-made samples, cell by cell. */
class BdfCsvWriterTest {

    private static final long START = 1_700_000_000_000L;
    private static final CellMetadata NO_PH = CellMetadata.ofArea(1.0);
    /** pH 7, Ag/AgCl (sat. KCl), R_u = 2 Ω. */
    private static final CellMetadata PH_7 = new CellMetadata(1.0, Double.NaN, Double.NaN, Double.NaN, 7.0,
            "Ag/AgCl (sat. KCl)", 0.197, 2.0);

    private static List<String[]> rows(StringWriter out) {
        return out.toString().lines().skip(1).map(line -> line.split(",", -1)).toList();
    }

    private static double cell(String[] row, String header, String fullHeader) {
        int column = Arrays.asList(fullHeader.split(",")).indexOf(header);
        return Double.parseDouble(row[column]);
    }

    /**
     * A battery: 2 s of −1 mA at 1.5 V in step 1, then 1 s of +2 mA at 2.0 V in step 2. Step 1
     * discharges 0.002 C and 0.003 J; nothing is integrated between the steps (step 2 starts at its
     * own step time 0); step 2 charges 0.002 C and 0.004 J. Capacities are in Ah (÷ 3600).
     */
    @Test
    void countsStepsAndSamplesWithinStepsAndIntegratesEachStepOverItsOwnSamples() {
        StringWriter out = new StringWriter();
        BdfCsvWriter bdf = new BdfCsvWriter(out, START, NO_PH);
        bdf.begin();
        bdf.write(sample(1, 0, 0, 1.5, -0.001, Double.NaN, 25.0, 1, 2, StepKind.DISCHARGE));
        bdf.write(sample(2, 1000, 1000, 1.5, -0.001, Double.NaN, 25.0, 1, 2, StepKind.DISCHARGE));
        bdf.write(sample(3, 2000, 2000, 1.5, -0.001, Double.NaN, 25.5, 1, 2, StepKind.DISCHARGE));
        bdf.write(sample(4, 2000, 0, 2.0, 0.002, Double.NaN, 25.5, 2, 3, StepKind.CHARGE));
        bdf.write(sample(5, 3000, 1000, 2.0, 0.002, Double.NaN, 25.5, 2, 3, StepKind.CHARGE));
        bdf.end();

        String header = BdfCsvWriter.BASE_HEADER + ",Temperature T1 / degC";
        assertThat(out.toString().lines().findFirst()).contains(header);
        List<String[]> rows = rows(out);
        assertThat(rows).extracting(r -> String.join(",", Arrays.copyOfRange(r, 0, 10))).containsExactly(
                "0.000,1700000000.000,1.5,-0.001,1,1,1,2,discharge,0.000",
                "1.000,1700000001.000,1.5,-0.001,1,1,2,2,discharge,1.000",
                "2.000,1700000002.000,1.5,-0.001,1,1,3,2,discharge,2.000",
                "2.000,1700000002.000,2.0,0.002,1,2,1,3,charge,0.000",
                "3.000,1700000003.000,2.0,0.002,1,2,2,3,charge,1.000");
        String[] endOfStep1 = rows.get(2);
        assertThat(cell(endOfStep1, "Step Discharging Capacity / Ah", header)).isEqualTo(0.002 / 3600);
        assertThat(cell(endOfStep1, "Step Discharging Energy / Wh", header)).isCloseTo(0.003 / 3600, within(1e-18));
        String[] startOfStep2 = rows.get(3);
        assertThat(cell(startOfStep2, "Step Charging Capacity / Ah", header)).isZero();
        assertThat(cell(startOfStep2, "Step Discharging Capacity / Ah", header)).isZero();
        assertThat(cell(startOfStep2, "Discharging Capacity / Ah", header)).as("the test's total goes on")
                .isEqualTo(0.002 / 3600);
        String[] end = rows.get(4);
        assertThat(cell(end, "Step Charging Capacity / Ah", header)).isEqualTo(0.002 / 3600);
        assertThat(cell(end, "Charging Energy / Wh", header)).isCloseTo(0.004 / 3600, within(1e-18));
        assertThat(cell(end, "Discharging Capacity / Ah", header)).isEqualTo(0.002 / 3600);
        assertThat(cell(end, "Temperature T1 / degC", header)).isEqualTo(25.5);
    }

    @Test
    void givesTheWorkingElectrodePotentialVsReferenceVsRheAndIrCorrectedWhenThePhIsKnown() {
        StringWriter out = new StringWriter();
        BdfCsvWriter bdf = new BdfCsvWriter(out, START, PH_7);
        bdf.begin();
        bdf.write(sample(1, 500, 0, 2.1, -0.01, -0.5, Double.NaN, 1, 1, StepKind.HOLD));
        bdf.end();

        String header = BdfCsvWriter.BASE_HEADER + "," + BdfCsvWriter.WE_VS_REFERENCE + "," + BdfCsvWriter.WE_VS_RHE
                + "," + BdfCsvWriter.WE_IR_FREE_VS_RHE;
        assertThat(out.toString().lines().findFirst()).contains(header);
        String[] row = rows(out).get(0);
        // E_RHE = −0.5 + 0.197 + 0.0592 · 7 = 0.1114 V; iR-corrected: 0.1114 − (−0.01 A · 2 Ω) = 0.1314 V
        assertThat(cell(row, BdfCsvWriter.WE_VS_REFERENCE, header)).isEqualTo(-0.5);
        assertThat(cell(row, BdfCsvWriter.WE_VS_RHE, header)).isCloseTo(0.1114, within(1e-12));
        assertThat(cell(row, BdfCsvWriter.WE_IR_FREE_VS_RHE, header)).isCloseTo(0.1314, within(1e-12));
    }

    @Test
    void leavesOutTheRheColumnsWithoutAPh() {
        StringWriter out = new StringWriter();
        BdfCsvWriter bdf = new BdfCsvWriter(out, START, NO_PH);
        bdf.begin();
        bdf.write(sample(1, 0, 0, 2.1, -0.01, -0.5, Double.NaN, 1, 1, StepKind.HOLD));
        bdf.end();

        assertThat(out.toString().lines().findFirst()).contains(
                BdfCsvWriter.BASE_HEADER + ",Working Electrode Potential vs Reference / V");
        assertThat(new PotentialColumns(NO_PH).rheNote()).isEqualTo("no RHE potentials: the run's cell metadata has "
                + "no pH");
    }

    @Test
    void everyBaseColumnIsABdf130ColumnAndNoneIsDeprecated() {
        List<String> bdf = List.of("Test Time / s", "Unix Time / s", "Voltage / V", "Current / A", "Cycle Count / 1",
                "Step Count / 1", "Step Record Index / 1", "Step ID", "Step Type", "Step Time / s",
                "Step Charging Capacity / Ah", "Step Discharging Capacity / Ah", "Step Charging Energy / Wh",
                "Step Discharging Energy / Wh", "Charging Capacity / Ah", "Discharging Capacity / Ah",
                "Charging Energy / Wh", "Discharging Energy / Wh", "Temperature T1 / degC");
        assertThat(bdf).containsAll(Arrays.asList(BdfCsvWriter.BASE_HEADER.split(",")));
        assertThat(BdfCsvWriter.BASE_HEADER).doesNotContain("Step Index / 1");
    }

    @Test
    void aRunWithoutSamplesIsTheBaseHeaderAlone() {
        StringWriter out = new StringWriter();
        BdfCsvWriter bdf = new BdfCsvWriter(out, START, NO_PH);
        bdf.begin();
        bdf.end();

        assertThat(out.toString()).isEqualTo(BdfCsvWriter.BASE_HEADER + "\n");
    }

    private static StoredSample sample(long seq, long offsetMillis, long stepMillis, double voltage, double current,
                                       double we, double temperature, int step, int line, StepKind kind) {
        return new StoredSample(seq, START + offsetMillis, stepMillis, voltage, current, we, temperature, 1, step,
                line, kind);
    }
}
