package org.no3rr.station.export;

import org.no3rr.station.store.StoredSample;

import java.io.Writer;

/**
 * Tidy CSV of a run's samples: one row per sample, SI units named in the headers, current positive
 * when charging (anodic at the working / positive electrode). Absent inputs are empty cells.
 */
public final class SampleCsvWriter implements SampleExport {

    public static final String HEADER = "test_time_s,unix_time_s,voltage_V,current_A,we_potential_V,"
            + "temperature_C,cycle,step_number,step_index,step_type";

    private final Writer out;
    private final long runStartMillis;
    private final StringBuilder row = new StringBuilder(128);

    /** @param runStartMillis the run's start; test time counts from here */
    public SampleCsvWriter(Writer out, long runStartMillis) {
        this.out = out;
        this.runStartMillis = runStartMillis;
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
        row.append(s.voltage()).append(',').append(s.current()).append(',');
        CsvCells.appendOptional(row, s.workingElectrodePotential()).append(',');
        CsvCells.appendOptional(row, s.temperature()).append(',');
        row.append(s.cycle()).append(',').append(s.stepNumber()).append(',').append(s.stepIndex()).append(',')
                .append(s.stepType());
        CsvCells.line(out, row);
    }

    @Override
    public void end() {
        // Nothing after the last row.
    }
}
