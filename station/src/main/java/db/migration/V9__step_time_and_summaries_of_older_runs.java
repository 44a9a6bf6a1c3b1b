package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.no3rr.metrics.CycleSummary;
import org.no3rr.metrics.StepSummary;
import org.no3rr.metrics.StepTotals;
import org.no3rr.station.store.LegacyStepClock;
import org.no3rr.station.store.SampleBlock;
import org.no3rr.station.store.SampleBlockCodec;
import org.no3rr.station.store.SummaryStore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings runs recorded before step time and stored summaries up to date: rewrites their blocks of
 * format 1 with step time counted across blocks as that engine counted it ({@link LegacyStepClock}:
 * time since the step's first sample; it did not record pauses — migration V7 packs rows the same
 * way), and stores the step and cycle summaries folded from their samples with the station's one
 * integrator, so {@code /steps} and {@code /cycles} serve old runs from the same tables as new ones.
 *
 * <p>What an old run cannot tell: the channel's current resolution (its floor is taken as
 * {@value #LEGACY_RESOLUTION_AMPS} A, a 16-bit reading of ±0.33 A) and why each step ended (its
 * end reason says so). Whether battery metrics apply comes from the channel model in its hardware
 * snapshot.
 */
public class V9__step_time_and_summaries_of_older_runs extends BaseJavaMigration {

    static final double LEGACY_RESOLUTION_AMPS = 1e-5;
    private static final String LEGACY_END = "recorded before step summaries were stored";

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        List<Long> runs = new ArrayList<>();
        List<Boolean> battery = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT b.run_id, MAX(r.hardware_json) FROM "
                + "(SELECT DISTINCT run_id FROM sample_block) b LEFT JOIN run r ON r.id = b.run_id "
                + "GROUP BY b.run_id ORDER BY b.run_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                runs.add(rs.getLong(1));
                battery.add(rs.getString(2) != null && rs.getString(2).contains("battery"));
            }
        }
        for (int i = 0; i < runs.size(); i++) {
            migrateRun(c, runs.get(i), battery.get(i));
        }
    }

    private static void migrateRun(Connection c, long runId, boolean battery) throws SQLException {
        List<Long> firstSeqs = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT first_seq FROM sample_block WHERE run_id = ? ORDER BY first_seq")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    firstSeqs.add(rs.getLong(1));
                }
            }
        }
        Folding folding = new Folding(runId, battery);
        LegacyStepClock clock = new LegacyStepClock();
        for (long firstSeq : firstSeqs) {
            byte[] bytes = read(c, runId, firstSeq);
            boolean formatOne = bytes.length > 0 && bytes[0] == 1;
            SampleBlock old = SampleBlockCodec.decode(firstSeq, bytes);
            SampleBlock block = new SampleBlock(firstSeq, old.count());
            for (int k = 0; k < old.count(); k++) {
                long stepMillis = clock.stepMillis(runId, old.stepNumber(k), old.epochMillis(k));
                block.append(firstSeq + k, old.epochMillis(k), formatOne ? stepMillis : old.stepTimeMillis(k),
                        old.voltage(k), old.current(k), old.workingElectrodePotential(k), old.temperature(k),
                        old.cycle(k), old.stepNumber(k), old.stepLine(k), old.stepKind(k));
                folding.add(block, k);
            }
            if (formatOne) {
                write(c, runId, firstSeq, SampleBlockCodec.encode(block));
            }
        }
        folding.finish(c);
    }

    private static byte[] read(Connection c, long runId, long firstSeq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT samples FROM sample_block WHERE run_id = ? AND first_seq = ?")) {
            ps.setLong(1, runId);
            ps.setLong(2, firstSeq);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        }
    }

    private static void write(Connection c, long runId, long firstSeq, byte[] bytes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE sample_block SET samples = ? WHERE run_id = ? AND first_seq = ?")) {
            ps.setBytes(1, bytes);
            ps.setLong(2, runId);
            ps.setLong(3, firstSeq);
            ps.executeUpdate();
        }
    }

    /** Folds a run's samples into step and cycle summaries, as the engine does. */
    private static final class Folding {
        private final long runId;
        private final boolean battery;
        private final List<StepSummary> steps = new ArrayList<>();
        private final List<CycleSummary> cycles = new ArrayList<>();
        private StepTotals totals = StepTotals.EMPTY;
        private CycleSummary cycle;
        private int stepNumber;
        private int stepCycle;
        private int stepLine;
        private org.no3rr.protocol.StepKind kind;
        private long startMillis;
        private long lastMillis;

        Folding(long runId, boolean battery) {
            this.runId = runId;
            this.battery = battery;
        }

        void add(SampleBlock block, int k) {
            if (totals.sampleCount() > 0 && block.stepNumber(k) != stepNumber) {
                closeStep();
            }
            if (totals.sampleCount() == 0) {
                stepNumber = block.stepNumber(k);
                stepCycle = block.cycle(k);
                stepLine = block.stepLine(k);
                kind = block.stepKind(k);
                startMillis = block.epochMillis(k);
            }
            totals = totals.plus(block.stepTimeMillis(k), block.voltage(k), block.current(k));
            lastMillis = block.epochMillis(k);
        }

        private void closeStep() {
            StepSummary step = new StepSummary(stepCycle, stepNumber, stepLine, kind, "protocol line " + stepLine,
                    startMillis, lastMillis, totals,
                    StepSummary.chargeFloorCoulombs(LEGACY_RESOLUTION_AMPS, totals.durationS()), LEGACY_END);
            steps.add(step);
            if (cycle != null && cycle.cycle() != stepCycle) {
                cycles.add(cycle);
                cycle = null;
            }
            cycle = (cycle == null ? CycleSummary.begin(stepCycle, battery) : cycle).plus(step);
            totals = StepTotals.EMPTY;
        }

        void finish(Connection c) throws SQLException {
            if (totals.sampleCount() > 0) {
                closeStep();
            }
            if (cycle != null) {
                cycles.add(cycle);
            }
            SummaryStore.insert(c, runId, steps, cycles);
        }
    }
}
