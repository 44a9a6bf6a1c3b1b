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

    private static final String STEP_COLUMNS = "step_number, cycle, step_line, kind, step_text, start_ms, end_ms, "
            + "sample_count, first_step_ms, last_step_ms, last_voltage_v, last_current_a, charge_c, discharge_c, "
            + "charge_energy_j, discharge_energy_j, first_voltage_v, min_voltage_v, max_voltage_v, voltage_seconds, "
            + "drift_count, drift_origin_ms, drift_sum_t, drift_sum_tt, drift_sum_v, drift_sum_tv, charge_floor_c, "
            + "end_reason";
    private static final String CYCLE_COLUMNS = "cycle, first_step_number, last_step_number, start_ms, end_ms, "
            + "duration_s, charge_c, discharge_c, charge_half_steps, charge_half_c, charge_half_energy_j, "
            + "charge_half_duration_s, charge_half_floor_c, charge_half_last_step, discharge_half_steps, "
            + "discharge_half_c, discharge_half_energy_j, discharge_half_duration_s, discharge_half_floor_c, "
            + "discharge_half_last_step, battery";

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
                    + ") VALUES (" + placeholders(29) + ")")) {
                for (StepSummary step : steps) {
                    bindStep(ps, runId, step);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!cycles.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO cycle_summary (run_id, " + CYCLE_COLUMNS
                    + ") VALUES (" + placeholders(22) + ")")) {
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
        StepTotals t = s.totals();
        StepTotals.DriftSums d = t.driftSums();
        Object[] values = {runId, s.stepNumber(), s.cycle(), s.stepLine(), s.kind().wireName(), s.text(),
            s.startEpochMillis(), s.endEpochMillis(), t.sampleCount(), t.firstStepMillis(), t.lastStepMillis(),
            t.lastVoltageV(), t.lastCurrentA(), t.chargeCoulombs(), t.dischargeCoulombs(), t.chargeEnergyJ(),
            t.dischargeEnergyJ(), t.firstVoltageV(), t.minVoltageV(), t.maxVoltageV(), t.voltageSeconds(),
            d.count(), d.originMillis(), d.sumT(), d.sumTT(), d.sumV(), d.sumTV(), s.chargeFloorCoulombs(),
            s.endReason()};
        for (int i = 0; i < values.length; i++) {
            ps.setObject(i + 1, values[i]);
        }
    }

    private static StepSummary readStep(ResultSet rs) throws SQLException {
        StepTotals totals = new StepTotals(rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getDouble(11),
                rs.getDouble(12), rs.getDouble(13), rs.getDouble(14), rs.getDouble(15), rs.getDouble(16),
                rs.getDouble(17), rs.getDouble(18), rs.getDouble(19), rs.getDouble(20),
                new StepTotals.DriftSums(rs.getLong(21), rs.getLong(22), rs.getDouble(23), rs.getDouble(24),
                        rs.getDouble(25), rs.getDouble(26)));
        return new StepSummary(rs.getInt(2), rs.getInt(1), rs.getInt(3), StepKind.fromWireName(rs.getString(4)),
                rs.getString(5), rs.getLong(6), rs.getLong(7), totals, rs.getDouble(27), rs.getString(28));
    }

    private static void bindCycle(PreparedStatement ps, long runId, CycleSummary c) throws SQLException {
        CycleSummary.Half ch = c.chargeHalf();
        CycleSummary.Half dis = c.dischargeHalf();
        Object[] values = {runId, c.cycle(), c.firstStepNumber(), c.lastStepNumber(), c.startEpochMillis(),
            c.endEpochMillis(), c.durationS(), c.chargeCoulombs(), c.dischargeCoulombs(), ch.steps(), ch.coulombs(),
            ch.energyJ(), ch.durationS(), ch.floorCoulombs(), ch.lastStepNumber(), dis.steps(), dis.coulombs(),
            dis.energyJ(), dis.durationS(), dis.floorCoulombs(), dis.lastStepNumber(), c.battery()};
        for (int i = 0; i < values.length; i++) {
            ps.setObject(i + 1, values[i]);
        }
    }

    private static CycleSummary readCycle(ResultSet rs) throws SQLException {
        return new CycleSummary(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getLong(4), rs.getLong(5),
                rs.getDouble(6), rs.getDouble(7), rs.getDouble(8),
                new CycleSummary.Half(rs.getInt(9), rs.getDouble(10), rs.getDouble(11), rs.getDouble(12),
                        rs.getDouble(13), rs.getInt(14)),
                new CycleSummary.Half(rs.getInt(15), rs.getDouble(16), rs.getDouble(17), rs.getDouble(18),
                        rs.getDouble(19), rs.getInt(20)),
                rs.getBoolean(21));
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

    private static String placeholders(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }
}
