package org.no3rr.station.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.no3rr.metrics.CycleSummary;
import org.no3rr.metrics.StepSummary;
import org.no3rr.metrics.StepTotals;
import org.no3rr.protocol.StepKind;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The step and cycle summaries the engine closed, in plain JDBC ({@code step_summary},
 * {@code cycle_summary}). Written inside the sample writer's transaction; read back as the very
 * records that were written, every double bit for bit.
 */
@ApplicationScoped
public class SummaryStore {

    /** The columns of a step summary, in the order of {@link #stepValues} and {@link #readStep}; shared with the lab's central copy. */
    public static final String STEP_COLUMNS = "step_number, cycle, step_line, kind, step_text, start_ms, end_ms, "
            + "sample_count, first_step_ms, last_step_ms, last_voltage_v, last_current_a, charge_c, discharge_c, "
            + "charge_energy_j, discharge_energy_j, first_voltage_v, min_voltage_v, max_voltage_v, voltage_seconds, "
            + "drift_count, drift_origin_ms, drift_sum_t, drift_sum_tt, drift_sum_v, drift_sum_tv, charge_floor_c, "
            + "end_reason";
    /** The columns of a cycle summary, in the order of {@link #cycleValues} and {@link #readCycle}. */
    public static final String CYCLE_COLUMNS = "cycle, first_step_number, last_step_number, start_ms, end_ms, "
            + "duration_s, charge_c, discharge_c, charge_half_steps, charge_half_c, charge_half_energy_j, "
            + "charge_half_duration_s, charge_half_floor_c, charge_half_last_step, discharge_half_steps, "
            + "discharge_half_c, discharge_half_energy_j, discharge_half_duration_s, discharge_half_floor_c, "
            + "discharge_half_last_step, battery";
    public static final int STEP_COLUMN_COUNT = 28;
    public static final int CYCLE_COLUMN_COUNT = 21;

    @Inject
    DataSource dataSource;

    /**
     * Adds the summaries inside the caller's transaction. Migration V9 uses it for older runs too,
     * so a column added to these tables later needs a default.
     */
    public static void insert(Connection c, long runId, List<StepSummary> steps, List<CycleSummary> cycles)
            throws SQLException {
        if (!steps.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO step_summary (run_id, " + STEP_COLUMNS
                    + ") VALUES (?," + placeholders(STEP_COLUMN_COUNT) + ")")) {
                for (StepSummary step : steps) {
                    bindStep(ps, runId, step);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!cycles.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO cycle_summary (run_id, " + CYCLE_COLUMNS
                    + ") VALUES (?," + placeholders(CYCLE_COLUMN_COUNT) + ")")) {
                for (CycleSummary cycle : cycles) {
                    bindCycle(ps, runId, cycle);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    /** The run's stored steps in order. */
    public List<StepSummary> steps(long runId) {
        List<StepSummary> steps = new ArrayList<>();
        read("SELECT " + STEP_COLUMNS + " FROM step_summary WHERE run_id = ? ORDER BY step_number", runId,
                rs -> steps.add(readStep(rs)));
        return steps;
    }

    /** The run's stored cycles in order. */
    public List<CycleSummary> cycles(long runId) {
        List<CycleSummary> cycles = new ArrayList<>();
        read("SELECT " + CYCLE_COLUMNS + " FROM cycle_summary WHERE run_id = ? ORDER BY cycle", runId,
                rs -> cycles.add(readCycle(rs)));
        return cycles;
    }

    private static void bindStep(PreparedStatement ps, long runId, StepSummary s) throws SQLException {
        bind(ps, runId, stepValues(s));
    }

    /** A step summary's values in the order of {@link #STEP_COLUMNS}. */
    public static Object[] stepValues(StepSummary s) {
        StepTotals t = s.totals();
        StepTotals.DriftSums d = t.driftSums();
        return new Object[] {s.stepNumber(), s.cycle(), s.stepLine(), s.kind().wireName(), s.text(),
            s.startEpochMillis(), s.endEpochMillis(), t.sampleCount(), t.firstStepMillis(), t.lastStepMillis(),
            t.lastVoltageV(), t.lastCurrentA(), t.chargeCoulombs(), t.dischargeCoulombs(), t.chargeEnergyJ(),
            t.dischargeEnergyJ(), t.firstVoltageV(), t.minVoltageV(), t.maxVoltageV(), t.voltageSeconds(),
            d.count(), d.originMillis(), d.sumT(), d.sumTT(), d.sumV(), d.sumTV(), s.chargeFloorCoulombs(),
            s.endReason()};
    }

    private static void bind(PreparedStatement ps, long runId, Object[] values) throws SQLException {
        ps.setLong(1, runId);
        for (int i = 0; i < values.length; i++) {
            ps.setObject(i + 2, values[i]);
        }
    }

    private static StepSummary readStep(ResultSet rs) throws SQLException {
        return readStep(rs, 1);
    }

    /** A step summary from the columns of {@link #STEP_COLUMNS}, the first of them at {@code first}. */
    public static StepSummary readStep(ResultSet rs, int first) throws SQLException {
        int o = first - 1;
        StepTotals totals = new StepTotals(rs.getLong(o + 8), rs.getLong(o + 9), rs.getLong(o + 10),
                rs.getDouble(o + 11), rs.getDouble(o + 12), rs.getDouble(o + 13), rs.getDouble(o + 14),
                rs.getDouble(o + 15), rs.getDouble(o + 16), rs.getDouble(o + 17), rs.getDouble(o + 18),
                rs.getDouble(o + 19), rs.getDouble(o + 20),
                new StepTotals.DriftSums(rs.getLong(o + 21), rs.getLong(o + 22), rs.getDouble(o + 23),
                        rs.getDouble(o + 24), rs.getDouble(o + 25), rs.getDouble(o + 26)));
        return new StepSummary(rs.getInt(o + 2), rs.getInt(o + 1), rs.getInt(o + 3),
                StepKind.fromWireName(rs.getString(o + 4)), rs.getString(o + 5), rs.getLong(o + 6), rs.getLong(o + 7),
                totals, rs.getDouble(o + 27), rs.getString(o + 28));
    }

    private static void bindCycle(PreparedStatement ps, long runId, CycleSummary c) throws SQLException {
        bind(ps, runId, cycleValues(c));
    }

    /** A cycle summary's values in the order of {@link #CYCLE_COLUMNS}. */
    public static Object[] cycleValues(CycleSummary c) {
        CycleSummary.Half ch = c.chargeHalf();
        CycleSummary.Half dis = c.dischargeHalf();
        return new Object[] {c.cycle(), c.firstStepNumber(), c.lastStepNumber(), c.startEpochMillis(),
            c.endEpochMillis(), c.durationS(), c.chargeCoulombs(), c.dischargeCoulombs(), ch.steps(), ch.coulombs(),
            ch.energyJ(), ch.durationS(), ch.floorCoulombs(), ch.lastStepNumber(), dis.steps(), dis.coulombs(),
            dis.energyJ(), dis.durationS(), dis.floorCoulombs(), dis.lastStepNumber(), c.battery()};
    }

    private static CycleSummary readCycle(ResultSet rs) throws SQLException {
        return readCycle(rs, 1);
    }

    /** A cycle summary from the columns of {@link #CYCLE_COLUMNS}, the first of them at {@code first}. */
    public static CycleSummary readCycle(ResultSet rs, int first) throws SQLException {
        int o = first - 1;
        return new CycleSummary(rs.getInt(o + 1), rs.getInt(o + 2), rs.getInt(o + 3), rs.getLong(o + 4),
                rs.getLong(o + 5), rs.getDouble(o + 6), rs.getDouble(o + 7), rs.getDouble(o + 8),
                new CycleSummary.Half(rs.getInt(o + 9), rs.getDouble(o + 10), rs.getDouble(o + 11),
                        rs.getDouble(o + 12), rs.getDouble(o + 13), rs.getInt(o + 14)),
                new CycleSummary.Half(rs.getInt(o + 15), rs.getDouble(o + 16), rs.getDouble(o + 17),
                        rs.getDouble(o + 18), rs.getDouble(o + 19), rs.getInt(o + 20)),
                rs.getBoolean(o + 21));
    }

    private void read(String sql, long runId, RowReader reader) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new StorageException("could not read the summaries of run " + runId, e);
        }
    }

    /** {@code n} JDBC placeholders, comma-separated. */
    public static String placeholders(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }
}
