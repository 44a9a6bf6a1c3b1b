package org.no3rr.station.export;

import org.no3rr.cell.CellMetadata;
import org.no3rr.station.store.StoredSample;

import java.io.Writer;

/**
 * A run's samples in the Battery Data Format 1.3.0 (Battery Data Alliance): a CSV whose column
 * names carry their units, current positive when charging (the station's stored convention).
 *
 * <p>Columns, in order: {@value #BASE_HEADER}; then {@value #TEMPERATURE} if the channel measures a
 * temperature; then, for a three-electrode (electrolysis) channel, {@value #WE_VS_REFERENCE} and,
 * when the cell metadata gives a pH, {@value #WE_VS_RHE} and {@value #WE_IR_FREE_VS_RHE} (see
 * {@link PotentialColumns}). BDF has no label for three-electrode potentials, so they are named
 * plainly; the reference electrode and the conversion are in the JSON export's metadata. Whether a
 * channel has an input is a property of its hardware, so the run's first sample decides the optional
 * columns; a run without samples gets the base header.
 *
 * <p>{@code Step Count / 1} is the station's step number (driven steps, without gaps);
 * {@code Step Record Index / 1} the sample's position within its step, from 1; {@code Step ID} the
 * protocol line of the step; {@code Step Type} its kind (rest, charge, discharge, hold, …);
 * {@code Step Time / s} its step time, which resets at each step and stands still over pauses and
 * prompts. Step capacities and energies run within the step ({@link RunningTotals}): a step's last
 * row equals its stored summary. Capacities and energies without "Step" run over the whole test.
 */
public final class BdfCsvWriter implements SampleExport {

    public static final String BASE_HEADER = "Test Time / s,Unix Time / s,Voltage / V,Current / A,"
            + "Cycle Count / 1,Step Count / 1,Step Record Index / 1,Step ID,Step Type,Step Time / s,"
            + "Step Charging Capacity / Ah,Step Discharging Capacity / Ah,Step Charging Energy / Wh,"
            + "Step Discharging Energy / Wh,Charging Capacity / Ah,Discharging Capacity / Ah,"
            + "Charging Energy / Wh,Discharging Energy / Wh";
    public static final String TEMPERATURE = "Temperature T1 / degC";
    public static final String WE_VS_REFERENCE = "Working Electrode Potential vs Reference / V";
    public static final String WE_VS_RHE = "Working Electrode Potential vs RHE / V";
    public static final String WE_IR_FREE_VS_RHE = "Working Electrode Potential iR-Corrected vs RHE / V";

    private static final double SECONDS_PER_HOUR = 3600.0;

    private final Writer out;
    private final long runStartMillis;
    private final PotentialColumns potentials;
    private final RunningTotals totals = new RunningTotals();
    private final StringBuilder row = new StringBuilder(256);
    private boolean headerWritten;
    private boolean withTemperature;
    private boolean withPotential;

    /** @param runStartMillis the run's start; test time counts from here */
    public BdfCsvWriter(Writer out, long runStartMillis, CellMetadata cell) {
        this.out = out;
        this.runStartMillis = runStartMillis;
        this.potentials = new PotentialColumns(cell);
    }

    @Override
    public void begin() {
        // The header waits for the first sample, which tells which optional columns the channel has.
    }

    @Override
    public void write(StoredSample s) {
        if (!headerWritten) {
            withTemperature = !Double.isNaN(s.temperature());
            withPotential = !Double.isNaN(s.workingElectrodePotential());
            writeHeader();
        }
        totals.add(s);
        row.setLength(0);
        CsvCells.appendMillisAsSeconds(row, s.epochMillis() - runStartMillis).append(',');
        CsvCells.appendMillisAsSeconds(row, s.epochMillis()).append(',');
        row.append(s.voltage()).append(',').append(s.current()).append(',')
                .append(s.cycle()).append(',').append(s.stepNumber()).append(',').append(totals.recordInStep())
                .append(',').append(s.stepLine()).append(',').append(s.stepKind().wireName()).append(',');
        CsvCells.appendMillisAsSeconds(row, s.stepTimeMillis()).append(',');
        row.append(totals.step().chargeCoulombs() / SECONDS_PER_HOUR).append(',')
                .append(totals.step().dischargeCoulombs() / SECONDS_PER_HOUR).append(',')
                .append(totals.step().chargeEnergyJ() / SECONDS_PER_HOUR).append(',')
                .append(totals.step().dischargeEnergyJ() / SECONDS_PER_HOUR).append(',')
                .append(totals.chargeCoulombs() / SECONDS_PER_HOUR).append(',')
                .append(totals.dischargeCoulombs() / SECONDS_PER_HOUR).append(',')
                .append(totals.chargeJoules() / SECONDS_PER_HOUR).append(',')
                .append(totals.dischargeJoules() / SECONDS_PER_HOUR);
        if (withTemperature) {
            CsvCells.appendOptional(row.append(','), s.temperature());
        }
        if (withPotential) {
            double potential = s.workingElectrodePotential();
            CsvCells.appendOptional(row.append(','), potential);
            if (potentials.hasRhe()) {
                CsvCells.appendOptional(row.append(','), potentials.vsRhe(potential));
                CsvCells.appendOptional(row.append(','), potentials.irFreeVsRhe(potential, s.current()));
            }
        }
        CsvCells.line(out, row);
    }

    @Override
    public void end() {
        if (!headerWritten) {
            writeHeader();
        }
    }

    /** The header for the columns chosen so far; exposed so a reader can check a file against it. */
    public String header() {
        StringBuilder header = new StringBuilder(BASE_HEADER);
        if (withTemperature) {
            header.append(',').append(TEMPERATURE);
        }
        if (withPotential) {
            header.append(',').append(WE_VS_REFERENCE);
            if (potentials.hasRhe()) {
                header.append(',').append(WE_VS_RHE).append(',').append(WE_IR_FREE_VS_RHE);
            }
        }
        return header.toString();
    }

    private void writeHeader() {
        CsvCells.line(out, header());
        headerWritten = true;
    }
}
