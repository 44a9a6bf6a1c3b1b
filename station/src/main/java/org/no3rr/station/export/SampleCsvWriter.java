package org.no3rr.station.export;

import org.no3rr.cell.CellMetadata;
import org.no3rr.station.store.StoredSample;

import java.io.Writer;

/**
 * Tidy CSV of a run's samples: one row per sample, SI units named in the headers, current positive
 * when charging (anodic at the working / positive electrode). {@code step_time_s} is the engine's
 * step time, which stands still over pauses and prompts: a step's charge is the trapezoid of
 * {@code current_A} over {@code step_time_s} within that step's rows. The working-electrode
 * potential is given vs the reference, vs RHE and iR-corrected vs RHE ({@link PotentialColumns});
 * absent values are empty cells.
 */
public final class SampleCsvWriter implements SampleExport {

    public static final String HEADER = "test_time_s,unix_time_s,step_time_s,voltage_V,current_A,"
            + "we_potential_vs_ref_V,we_potential_vs_rhe_V,we_potential_ir_free_vs_rhe_V,temperature_C,cycle,"
            + "step_number,step_line,step_kind";

    private final Writer out;
    private final long runStartMillis;
    private final PotentialColumns potentials;
    private final StringBuilder row = new StringBuilder(160);

    /** @param runStartMillis the run's start; test time counts from here */
    public SampleCsvWriter(Writer out, long runStartMillis, CellMetadata cell) {
        this.out = out;
        this.runStartMillis = runStartMillis;
        this.potentials = new PotentialColumns(cell);
    }

    @Override
    public void begin() {
        CsvCells.line(out, HEADER);
    }

    @Override
    public void write(StoredSample s) {
        row.setLength(0);
        CsvCells.appendMillisAsSeconds(row, s.epochMillis() - runStartMillis).append(',');
        CsvCells.appendMillisAsSeconds(row, s.epochMillis()).append(',');
        CsvCells.appendMillisAsSeconds(row, s.stepTimeMillis()).append(',');
        row.append(s.voltage()).append(',').append(s.current()).append(',');
        CsvCells.appendOptional(row, s.workingElectrodePotential()).append(',');
        CsvCells.appendOptional(row, potentials.vsRhe(s.workingElectrodePotential())).append(',');
        CsvCells.appendOptional(row, potentials.irFreeVsRhe(s.workingElectrodePotential(), s.current())).append(',');
        CsvCells.appendOptional(row, s.temperature()).append(',');
        row.append(s.cycle()).append(',').append(s.stepNumber()).append(',').append(s.stepLine()).append(',')
                .append(s.stepKind().wireName());
        CsvCells.line(out, row);
    }

    @Override
    public void end() {
        // Nothing after the last row.
    }
}
