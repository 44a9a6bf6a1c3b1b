package org.no3rr.station.lab.central;

import org.no3rr.metrics.CycleSummary;
import org.no3rr.metrics.StepSummary;
import org.no3rr.station.store.DocumentStore;
import org.no3rr.station.store.RunEvent;
import org.no3rr.station.store.RunRecord;
import org.no3rr.station.store.StoredSample;
import org.no3rr.station.store.SummaryStore;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes what a station replicates into the central database, every statement idempotent: rows that are
 * there already are left alone ({@code ON CONFLICT DO NOTHING}), and a run's row only moves forward, so a
 * batch sent twice — after a crash between PostgreSQL's commit and the station's cursor — changes nothing.
 * The caller owns the transaction.
 */
final class CentralWriter {

    private static final String UPSERT_RUN = "INSERT INTO central_run (station_id, run_id, channel_id, state, "
            + "protocol_text, cell_json, hardware_json, software_version, notes, created_ms, started_ms, ended_ms, "
            + "end_reason, samples_stored, last_sample_ms) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
            + "ON CONFLICT (station_id, run_id) DO UPDATE SET state = EXCLUDED.state, notes = EXCLUDED.notes, "
            + "started_ms = EXCLUDED.started_ms, ended_ms = EXCLUDED.ended_ms, end_reason = EXCLUDED.end_reason, "
            + "samples_stored = GREATEST(central_run.samples_stored, EXCLUDED.samples_stored), "
            + "last_sample_ms = GREATEST(central_run.last_sample_ms, EXCLUDED.last_sample_ms)";
    /** One statement per batch: the columns travel as arrays, which PostgreSQL takes apart with unnest. */
    private static final String INSERT_SAMPLES = "INSERT INTO central_sample (station_id, run_id, seq, t_ms, "
            + "step_time_ms, voltage_v, current_a, we_potential_v, temperature_c, cycle, step_number, step_line, "
            + "step_kind) SELECT ?, ?, * FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::float8[], ?::float8[], "
            + "?::float8[], ?::float8[], ?::int[], ?::int[], ?::int[], ?::text[]) ON CONFLICT DO NOTHING";
    private static final String INSERT_STEP = "INSERT INTO central_step (station_id, run_id, "
            + SummaryStore.STEP_COLUMNS + ", duration_s, mean_voltage_v, drift_v_per_h) VALUES (?,?,"
            + SummaryStore.placeholders(SummaryStore.STEP_COLUMN_COUNT + 3) + ") ON CONFLICT DO NOTHING";
    private static final String INSERT_CYCLE = "INSERT INTO central_cycle (station_id, run_id, "
            + SummaryStore.CYCLE_COLUMNS + ", charge_capacity_c, discharge_capacity_c, coulombic_efficiency, "
            + "energy_efficiency, voltage_gap_v) VALUES (?,?,"
            + SummaryStore.placeholders(SummaryStore.CYCLE_COLUMN_COUNT + 5) + ") ON CONFLICT DO NOTHING";
    private static final String INSERT_EVENT = "INSERT INTO central_event (station_id, event_id, run_id, t_ms, kind, "
            + "message) VALUES (?,?,?,?,?,?) ON CONFLICT DO NOTHING";
    private static final String INSERT_CALIBRATION = "INSERT INTO central_calibration (station_id, calibration_id, "
            + "name, method, standards_json, created_ms) VALUES (?,?,?,?,?,?) ON CONFLICT DO NOTHING";
    private static final String INSERT_READING = "INSERT INTO central_reading (station_id, reading_id, run_id, "
            + "step_number, reading_json, created_ms) VALUES (?,?,?,?,?,?) ON CONFLICT DO NOTHING";

    private final Connection c;
    private final String stationId;

    CentralWriter(Connection c, String stationId) {
        this.c = c;
        this.stationId = stationId;
    }

    /** The run's row; {@code samplesThere} and {@code lastSampleMs} describe the samples committed centrally. */
    void upsertRun(RunRecord run, long samplesThere, Long lastSampleMs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPSERT_RUN)) {
            bind(ps, stationId, run.id(), run.channelId(), run.state().name(), run.protocolText(), run.cellJson(),
                    run.hardwareJson(), run.softwareVersion(), run.notes(), run.createdMs(), run.startedMs(),
                    run.endedMs(), run.endReason(), samplesThere, lastSampleMs);
            ps.executeUpdate();
        }
    }

    void insertSamples(long runId, List<StoredSample> samples) throws SQLException {
        int n = samples.size();
        Long[] seq = new Long[n];
        Long[] t = new Long[n];
        Long[] stepTime = new Long[n];
        Double[] voltage = new Double[n];
        Double[] current = new Double[n];
        Double[] potential = new Double[n];
        Double[] temperature = new Double[n];
        Integer[] cycle = new Integer[n];
        Integer[] stepNumber = new Integer[n];
        Integer[] stepLine = new Integer[n];
        String[] stepKind = new String[n];
        for (int i = 0; i < n; i++) {
            StoredSample s = samples.get(i);
            seq[i] = s.seq();
            t[i] = s.epochMillis();
            stepTime[i] = s.stepTimeMillis();
            voltage[i] = s.voltage();
            current[i] = s.current();
            potential[i] = nullIfNaN(s.workingElectrodePotential());
            temperature[i] = nullIfNaN(s.temperature());
            cycle[i] = s.cycle();
            stepNumber[i] = s.stepNumber();
            stepLine[i] = s.stepLine();
            stepKind[i] = s.stepKind().wireName();
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_SAMPLES)) {
            ps.setString(1, stationId);
            ps.setLong(2, runId);
            Object[][] columns = {seq, t, stepTime, voltage, current, potential, temperature, cycle, stepNumber,
                stepLine, stepKind};
            String[] types = {"int8", "int8", "int8", "float8", "float8", "float8", "float8", "int4", "int4", "int4",
                "text"};
            for (int i = 0; i < columns.length; i++) {
                Array array = c.createArrayOf(types[i], columns[i]);
                ps.setArray(i + 3, array);
            }
            ps.executeUpdate();
        }
    }

    void insertSteps(long runId, List<StepSummary> steps) throws SQLException {
        insertEach(INSERT_STEP, steps, step -> keyed(runId, SummaryStore.stepValues(step), step.durationS(),
                nullIfNaN(step.totals().meanVoltageV()), nullIfNaN(step.totals().driftVPerHour())));
    }

    void insertCycles(long runId, List<CycleSummary> cycles) throws SQLException {
        insertEach(INSERT_CYCLE, cycles, cycle -> keyed(runId, SummaryStore.cycleValues(cycle),
                cycle.chargeCapacityCoulombs(), cycle.dischargeCapacityCoulombs(),
                finiteOrNull(cycle.coulombicEfficiency()), finiteOrNull(cycle.energyEfficiency()),
                finiteOrNull(cycle.voltageGapV())));
    }

    void insertEvents(List<RunEvent> events) throws SQLException {
        insertEach(INSERT_EVENT, events, e -> new Object[]{stationId, e.id(), e.runId(), e.epochMillis(), e.kind(),
            e.message()});
    }

    void insertCalibrations(List<DocumentStore.CalibrationRow> calibrations) throws SQLException {
        insertEach(INSERT_CALIBRATION, calibrations, row -> new Object[]{stationId, row.id(), row.name(), row.method(),
            row.standardsJson(), row.createdMs()});
    }

    void insertReadings(List<DocumentStore.ReadingRow> readings) throws SQLException {
        insertEach(INSERT_READING, readings, row -> new Object[]{stationId, row.id(), row.runId(), row.stepNumber(),
            row.readingJson(), row.createdMs()});
    }

    /** The parameters of one row, in the order of {@code sql}'s placeholders. */
    @FunctionalInterface
    private interface Parameters<T> {
        Object[] of(T item);
    }

    /** {@code sql} once per item, in one batch. */
    private <T> void insertEach(String sql, List<T> items, Parameters<T> parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (T item : items) {
                bind(ps, parameters.of(item));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** A summary's row: the station and the run, its stored values, then the columns only the central tables have. */
    private Object[] keyed(long runId, Object[] values, Object... centralOnly) {
        Object[] row = new Object[2 + values.length + centralOnly.length];
        row[0] = stationId;
        row[1] = runId;
        System.arraycopy(values, 0, row, 2, values.length);
        System.arraycopy(centralOnly, 0, row, 2 + values.length, centralOnly.length);
        return row;
    }

    private static void bind(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                ps.setNull(i + 1, java.sql.Types.NULL);
            } else {
                ps.setObject(i + 1, values[i]);
            }
        }
    }

    /** An absent input (NaN on the station) is NULL centrally, which pandas reads as NaN and Grafana as a gap. */
    private static Double nullIfNaN(double value) {
        return Double.isNaN(value) ? null : value;
    }

    private static Double finiteOrNull(Double value) {
        return value == null || !Double.isFinite(value) ? null : value;
    }
}
