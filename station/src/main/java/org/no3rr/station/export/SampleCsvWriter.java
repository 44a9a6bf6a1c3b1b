package org.no3rr.station.export;

import org.no3rr.station.store.StoredSample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Tidy CSV of a run's samples: one row per sample, SI units named in the headers, current positive
 * when charging (anodic at the working / positive electrode). Absent inputs are empty cells.
 */
public final class SampleCsvWriter {

    public static final String HEADER = "test_time_s,unix_time_s,voltage_V,current_A,we_potential_V,"
            + "temperature_C,cycle,step_number,step_index,step_type";

    private final Writer out;
    private final long runStartMillis;

    /** @param runStartMillis the run's start; test time counts from here */
    public SampleCsvWriter(Writer out, long runStartMillis) {
        this.out = out;
        this.runStartMillis = runStartMillis;
    }

    public void writeHeader() {
        line(HEADER);
    }

    public void write(StoredSample s) {
        StringBuilder row = new StringBuilder(128);
        appendMillisAsSeconds(row, s.epochMillis() - runStartMillis).append(',');
        appendMillisAsSeconds(row, s.epochMillis()).append(',');
        row.append(s.voltage()).append(',').append(s.current()).append(',');
        appendOptional(row, s.workingElectrodePotential()).append(',');
        appendOptional(row, s.temperature()).append(',');
        row.append(s.cycle()).append(',').append(s.stepNumber()).append(',').append(s.stepIndex()).append(',')
                .append(s.stepType());
        line(row);
    }

    /** Milliseconds as seconds with exactly three decimals, without floating-point rounding. */
    static StringBuilder appendMillisAsSeconds(StringBuilder sb, long millis) {
        if (millis < 0) {
            sb.append('-');
            millis = -millis;
        }
        long fraction = millis % 1000;
        sb.append(millis / 1000).append('.');
        if (fraction < 100) {
            sb.append('0');
        }
        if (fraction < 10) {
            sb.append('0');
        }
        return sb.append(fraction);
    }

    private static StringBuilder appendOptional(StringBuilder sb, double value) {
        return Double.isNaN(value) ? sb : sb.append(value);
    }

    private void line(CharSequence text) {
        try {
            out.append(text).append('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
