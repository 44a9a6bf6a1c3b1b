package org.no3rr.station.export;

import org.no3rr.cell.CellMetadata;
import org.no3rr.metrics.potential.RheScale;
import org.no3rr.station.store.StoredSample;

import java.io.Writer;
import java.util.Optional;

/**
 * A run's samples in the Battery Data Format (Battery Data Alliance): a CSV whose column names
 * carry their units, current positive when charging (the station's stored convention already).
 *
 * <p>Columns, in order: {@value #BASE_HEADER}; then {@value #TEMPERATURE} if the channel measures a
 * temperature; then, for a three-electrode (electrolysis) channel, {@value #WE_VS_REFERENCE} and,
 * when the cell metadata gives a pH, {@value #WE_VS_RHE} (see {@link PotentialScales}). BDF has no
 * settled name for three-electrode potentials yet, so they are named plainly; the reference
 * electrode is in the JSON export's metadata. Whether a channel has an input is a property of its
 * hardware, so the run's first sample decides the optional columns and the header is written with
 * it; a run without samples gets the base header.
 *
 * <p>Capacities and energies are cumulative over the whole run ({@link CumulativeCapacity}).
 * Step Type is the station's own word for the step: rest, charge, discharge, hold, sweep, ….
 */
public final class BdfCsvWriter implements SampleExport {

    public static final String BASE_HEADER = "Test Time / s,Unix Time / s,Voltage / V,Current / A,"
            + "Cycle Count / 1,Step Count / 1,Step Index / 1,Step Type,Charging Capacity / Ah,"
            + "Discharging Capacity / Ah,Charging Energy / Wh,Discharging Energy / Wh";
    public static final String TEMPERATURE = "Temperature T1 / degC";
    public static final String WE_VS_REFERENCE = "Working Electrode Potential vs Reference / V";
    public static final String WE_VS_RHE = "Working Electrode Potential vs RHE / V";

    private final Writer out;
    private final long runStartMillis;
    private final Optional<RheScale> rhe;
    private final CumulativeCapacity totals = new CumulativeCapacity();
    private final StringBuilder row = new StringBuilder(192);
    private boolean headerWritten;
    private boolean withTemperature;
    private boolean withPotential;

    /** @param runStartMillis the run's start; test time counts from here */
    public BdfCsvWriter(Writer out, long runStartMillis, CellMetadata cell) {
        this.out = out;
        this.runStartMillis = runStartMillis;
        this.rhe = PotentialScales.rhe(cell);
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
                .append(s.cycle()).append(',').append(s.stepNumber()).append(',').append(s.stepIndex()).append(',')
                .append(s.stepType()).append(',')
                .append(totals.chargeAh()).append(',').append(totals.dischargeAh()).append(',')
                .append(totals.chargeWh()).append(',').append(totals.dischargeWh());
        if (withTemperature) {
            CsvCells.appendOptional(row.append(','), s.temperature());
        }
        if (withPotential) {
            double potential = s.workingElectrodePotential();
            CsvCells.appendOptional(row.append(','), potential);
            if (rhe.isPresent()) {
                CsvCells.appendOptional(row.append(','), Double.isNaN(potential) ? potential
                        : rhe.get().toRhe(potential));
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
            if (rhe.isPresent()) {
                header.append(',').append(WE_VS_RHE);
            }
        }
        return header.toString();
    }

    private void writeHeader() {
        CsvCells.line(out, header());
        headerWritten = true;
    }
}
