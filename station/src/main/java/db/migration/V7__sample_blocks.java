package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.no3rr.station.store.SampleBlock;
import org.no3rr.station.store.LegacyStepClock;
import org.no3rr.station.store.LegacyStepTypes;
import org.no3rr.station.store.SampleBlockCodec;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Replaces the row-per-sample table {@code sample} (V1, V2) with {@code sample_block}: one row per
 * run per block of up to 1,024 consecutive samples, packed by {@link SampleBlockCodec}. H2 returns
 * rows at a few hundred thousand a second whatever their width and pays per row and index on
 * insert, so a million samples as rows took seconds to read or write; as blocks they take tens of
 * milliseconds (docs/benchmarks.md).
 *
 * <p>Written in Java because the samples already stored are packed the way the station packs them,
 * with the station's own codec, which SQL cannot do; then the old table goes. (Since the codec
 * gained step time and step kinds, this migration packs the old rows with step time counted as that
 * engine counted it — from the step's first sample, see {@link LegacyStepClock} — and the old
 * step-type words as {@link org.no3rr.protocol.StepKind}s; the table it creates is unchanged.) Blocks it writes
 * break at seq gaps and hold at most {@link SampleBlock#MAX_SAMPLES} samples, as the station's do.
 */
public class V7__sample_blocks extends BaseJavaMigration {

    private static final int BLOCKS_PER_BATCH = 64;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement ddl = c.createStatement()) {
            ddl.execute("""
                    CREATE TABLE sample_block (
                        run_id          BIGINT    NOT NULL,
                        first_seq       BIGINT    NOT NULL,
                        last_seq        BIGINT    NOT NULL,
                        first_t_ms      BIGINT    NOT NULL,
                        last_t_ms       BIGINT    NOT NULL,
                        sample_count    INT       NOT NULL,
                        min_step_number INT       NOT NULL,
                        max_step_number INT       NOT NULL,
                        samples         VARBINARY NOT NULL,
                        PRIMARY KEY (run_id, first_seq)
                    )""");
            // The two ends of a time window (SampleWindowStore): the block holding the first sample
            // at or after a time, and the one holding the last sample at or before it.
            ddl.execute("CREATE INDEX sample_block_first_time ON sample_block (run_id, first_t_ms, first_seq)");
            ddl.execute("CREATE INDEX sample_block_last_time ON sample_block (run_id, last_t_ms, first_seq)");
        }
        moveSamples(c);
        try (Statement ddl = c.createStatement()) {
            ddl.execute("DROP TABLE sample");
        }
    }

    private static void moveSamples(Connection c) throws SQLException {
        try (Statement read = c.createStatement();
             ResultSet rs = read.executeQuery("SELECT run_id, seq, t_ms, voltage_v, current_a, we_potential_v, "
                     + "temperature_c, cycle, step_number, step_index, step_type FROM sample ORDER BY run_id, seq");
             PreparedStatement insert = c.prepareStatement("INSERT INTO sample_block (run_id, first_seq, last_seq, "
                     + "first_t_ms, last_t_ms, sample_count, min_step_number, max_step_number, samples) "
                     + "VALUES (?,?,?,?,?,?,?,?,?)")) {
            long runId = 0;
            SampleBlock block = null;
            int batched = 0;
            LegacyStepClock stepClock = new LegacyStepClock();
            while (rs.next()) {
                long run = rs.getLong(1);
                long seq = rs.getLong(2);
                if (block != null && (run != runId || seq != block.lastSeq() + 1
                        || block.count() == SampleBlock.MAX_SAMPLES)) {
                    add(insert, runId, block);
                    block = null;
                    if (++batched == BLOCKS_PER_BATCH) {
                        insert.executeBatch();
                        batched = 0;
                    }
                }
                if (block == null) {
                    block = new SampleBlock(seq, SampleBlock.MAX_SAMPLES);
                    runId = run;
                }
                long millis = rs.getLong(3);
                int step = rs.getInt(9);
                block.append(seq, millis, stepClock.stepMillis(run, step, millis), rs.getDouble(4), rs.getDouble(5),
                        nullable(rs, 6), nullable(rs, 7), rs.getInt(8), step, rs.getInt(10),
                        LegacyStepTypes.kindOf(rs.getString(11)));
            }
            if (block != null) {
                add(insert, runId, block);
            }
            insert.executeBatch();
        }
    }

    /**
     * Binds one row of the V7 schema. Deliberately not shared with the station's SampleBlockAppender:
     * a released migration must keep writing the schema of its version when the table changes later.
     */
    private static void add(PreparedStatement insert, long runId, SampleBlock block) throws SQLException {
        insert.setLong(1, runId);
        insert.setLong(2, block.firstSeq());
        insert.setLong(3, block.lastSeq());
        insert.setLong(4, block.epochMillis(0));
        insert.setLong(5, block.epochMillis(block.count() - 1));
        insert.setInt(6, block.count());
        insert.setInt(7, block.minStepNumber());
        insert.setInt(8, block.maxStepNumber());
        insert.setBytes(9, SampleBlockCodec.encode(block));
        insert.addBatch();
    }

    private static double nullable(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : value;
    }
}
