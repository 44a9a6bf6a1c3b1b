package org.no3rr.station.export;

import org.junit.jupiter.api.Test;
import org.no3rr.cell.CellMetadata;
import org.no3rr.station.store.StoredSample;

import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The BDF export of a few hand-made samples, cell by cell. */
class BdfCsvWriterTest {

    private static final long START = 1_700_000_000_000L;
    private static final CellMetadata NO_PH = CellMetadata.ofArea(1.0);
    private static final CellMetadata PH_7 = new CellMetadata(1.0, Double.NaN, Double.NaN, Double.NaN, 7.0,
            "Ag/AgCl (sat. KCl)", 0.197, 0.0, CellMetadata.DEFAULT_RHE_SLOPE_V_PER_PH);

    /**
     * A battery (no reference electrode, with a temperature): 2 s of −1 mA at 1.5 V in step 1, then
     * +2 mA at 2.0 V in step 2. Discharge: 0.002 C = 0.002/3600 Ah, 0.003 J; the boundary gap
     * (1 s) takes the later sample's +2 mA at 2.0 V: 0.002 C, 0.004 J charged. In Ah and Wh (÷ 3600)
     * the energies are 4.1666…E-7, 8.3333…E-7 and 1.1111…E-6, written to the last bit of a double.
     */
    @Test
    void writesCumulativeCapacitiesAndEnergiesOfABattery() {
        StringWriter out = new StringWriter();
        BdfCsvWriter bdf = new BdfCsvWriter(out, START, NO_PH);
        bdf.begin();
        bdf.write(sample(1, 0, 1.5, -0.001, Double.NaN, 25.0, 1, "discharge"));
        bdf.write(sample(2, 1000, 1.5, -0.001, Double.NaN, 25.0, 1, "discharge"));
        bdf.write(sample(3, 2000, 1.5, -0.001, Double.NaN, 25.5, 1, "discharge"));
        bdf.write(sample(4, 3000, 2.0, 0.002, Double.NaN, 25.5, 2, "charge"));
        bdf.end();

        assertThat(out.toString().lines().toList()).containsExactly(
                "Test Time / s,Unix Time / s,Voltage / V,Current / A,Cycle Count / 1,Step Count / 1,Step Index / 1,"
                        + "Step Type,Charging Capacity / Ah,Discharging Capacity / Ah,Charging Energy / Wh,"
                        + "Discharging Energy / Wh,Temperature T1 / degC",
                "0.000,1700000000.000,1.5,-0.001,1,1,1,discharge,0.0,0.0,0.0,0.0,25.0",
                "1.000,1700000001.000,1.5,-0.001,1,1,1,discharge,0.0,2.7777777777777776E-7,0.0,4.166666666666667E-7,25.0",
                "2.000,1700000002.000,1.5,-0.001,1,1,1,discharge,0.0,5.555555555555555E-7,0.0,8.333333333333334E-7,25.5",
                "3.000,1700000003.000,2.0,0.002,1,2,2,charge,5.555555555555555E-7,5.555555555555555E-7,"
                        + "1.111111111111111E-6,8.333333333333334E-7,25.5");
    }

    @Test
    void addsTheWorkingElectrodePotentialVsReferenceAndRheWhenThePhIsKnown() {
        StringWriter out = new StringWriter();
        BdfCsvWriter bdf = new BdfCsvWriter(out, START, PH_7);
        bdf.begin();
        bdf.write(sample(1, 500, 2.1, -0.01, -0.5, Double.NaN, 1, "hold"));
        bdf.end();

        // E_RHE = −0.5 + 0.197 + 0.0592 · 7 = 0.1114 V
        assertThat(out.toString().lines().toList()).containsExactly(
                BdfCsvWriter.BASE_HEADER + ",Working Electrode Potential vs Reference / V,"
                        + "Working Electrode Potential vs RHE / V",
                "0.500,1700000000.500,2.1,-0.01,1,1,1,hold,0.0,0.0,0.0,0.0,-0.5," + (-0.5 + 0.197 + 0.0592 * 7));
        assertThat(-0.5 + 0.197 + 0.0592 * 7).isCloseTo(0.1114, within(1e-12));
    }

    @Test
    void leavesOutTheRheColumnWithoutAPh() {
        StringWriter out = new StringWriter();
        BdfCsvWriter bdf = new BdfCsvWriter(out, START, NO_PH);
        bdf.begin();
        bdf.write(sample(1, 0, 2.1, -0.01, -0.5, Double.NaN, 1, "hold"));
        bdf.end();

        assertThat(out.toString().lines().findFirst()).contains(
                BdfCsvWriter.BASE_HEADER + ",Working Electrode Potential vs Reference / V");
        assertThat(PotentialScales.rheNote(NO_PH)).isEqualTo("no RHE potentials: the run's cell metadata has no pH, "
                + "so the BDF export leaves out 'Working Electrode Potential vs RHE / V' and the JSON export has no "
                + "wePotentialVsRheV");
    }

    @Test
    void aRunWithoutSamplesIsTheBaseHeaderAlone() {
        StringWriter out = new StringWriter();
        BdfCsvWriter bdf = new BdfCsvWriter(out, START, NO_PH);
        bdf.begin();
        bdf.end();

        assertThat(out.toString()).isEqualTo(BdfCsvWriter.BASE_HEADER + "\n");
    }

    private static StoredSample sample(long seq, long offsetMillis, double voltage, double current, double we,
                                       double temperature, int step, String type) {
        return new StoredSample(seq, START + offsetMillis, voltage, current, we, temperature, 1, step, step, type);
    }
}
