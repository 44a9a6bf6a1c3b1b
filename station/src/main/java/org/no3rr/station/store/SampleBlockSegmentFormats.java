package org.no3rr.station.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.no3rr.station.store.Varints.getVarint;
import static org.no3rr.station.store.Varints.getVarlong;
import static org.no3rr.station.store.Varints.unzigzag;

/**
 * Reads blocks of formats 1 and 2, as the station wrote them before fields ({@link SampleField}) had
 * ids; kept so a database written then reads on. Never written any more. Layout after the format byte:
 * <pre>
 * varint  n
 * if n &gt; 0:
 *   long      time of the first sample, epoch ms; zigzag varint × (n − 1) time differences
 *   double × n voltage, double × n current (raw bits)
 *   byte       optional columns: bit 0 WE potential, bit 1 temperature; double × n for each set
 *   varint     number of step kinds, each as varint length + UTF-8 (format 1: the engine's old
 *              step-type words, {@link LegacyStepTypes}; format 2: wire names)
 *   varint     number of segments; each: varint length, zigzag varint cycle, step number and
 *              step line, varint step-kind position; format 2 adds the varlong step time of the
 *              segment's first sample (ms)
 *   format 2:  zigzag varlong × (n − segments), for every sample that does not start a segment,
 *              its clock time difference minus its step time difference
 * </pre>
 * Format 1 had no step time: a sample's step time is its time since the first sample of its step in
 * the block, what the engine of that version counted (migration V9 makes it exact across blocks).
 */
final class SampleBlockSegmentFormats {

    static final byte FORMAT_WITHOUT_STEP_TIME = 1;
    static final byte FORMAT_WITH_STEP_TIME = 2;

    private static final int HAS_WE_POTENTIAL = 1;
    private static final int HAS_TEMPERATURE = 2;

    private SampleBlockSegmentFormats() {
    }

    /** Reads the block after its format byte. */
    static SampleBlock read(ByteBuffer in, long firstSeq, String block, byte format) {
        boolean withStepTime = format == FORMAT_WITH_STEP_TIME;
        int n = getVarint(in);
        long[][] longs = new long[SampleField.LONG_COLUMNS][];
        double[][] doubles = new double[SampleField.DOUBLE_COLUMNS][];
        String[][] texts = new String[SampleField.TEXT_COLUMNS][];
        if (n > 0) {
            long[] millis = new long[n];
            millis[0] = in.getLong();
            for (int k = 1; k < n; k++) {
                millis[k] = millis[k - 1] + unzigzag(getVarlong(in));
            }
            longs[SampleField.TIME.slot()] = millis;
            doubles[SampleField.VOLTAGE.slot()] = SampleBlockCodec.readDoubles(in, n);
            doubles[SampleField.CURRENT.slot()] = SampleBlockCodec.readDoubles(in, n);
            int present = in.get();
            if ((present & HAS_WE_POTENTIAL) != 0) {
                doubles[SampleField.WE_POTENTIAL.slot()] = SampleBlockCodec.readDoubles(in, n);
            }
            if ((present & HAS_TEMPERATURE) != 0) {
                doubles[SampleField.TEMPERATURE.slot()] = SampleBlockCodec.readDoubles(in, n);
            }
            readSegments(in, n, block, withStepTime, longs, texts);
        }
        SampleBlockCodec.fillAbsent(longs, doubles, texts, n);
        return new SampleBlock(firstSeq, n, longs, doubles, texts);
    }

    private static void readSegments(ByteBuffer in, int n, String block, boolean withStepTime, long[][] longs,
                                     String[][] texts) {
        String[] kinds = new String[getVarint(in)];
        for (int t = 0; t < kinds.length; t++) {
            byte[] utf8 = new byte[getVarint(in)];
            in.get(utf8);
            String name = new String(utf8, StandardCharsets.UTF_8);
            kinds[t] = withStepTime ? name : LegacyStepTypes.kindOf(name).wireName();
        }
        long[] cycle = new long[n];
        long[] step = new long[n];
        long[] line = new long[n];
        long[] stepMillis = new long[n];
        String[] kind = new String[n];
        boolean[] starts = new boolean[n];
        int segments = getVarint(in);
        int k = 0;
        for (int s = 0; s < segments; s++) {
            int length = getVarint(in);
            int c = unzigzag(getVarint(in));
            int sn = unzigzag(getVarint(in));
            int sl = unzigzag(getVarint(in));
            int kindAt = getVarint(in);
            if (length <= 0 || k + length > n || kindAt >= kinds.length) {
                throw new IllegalArgumentException(block + ": segment " + s + " is out of range");
            }
            stepMillis[k] = withStepTime ? getVarlong(in) : 0;
            starts[k] = true;
            Arrays.fill(cycle, k, k + length, c);
            Arrays.fill(step, k, k + length, sn);
            Arrays.fill(line, k, k + length, sl);
            Arrays.fill(kind, k, k + length, kinds[kindAt]);
            k += length;
        }
        if (k != n) {
            throw new IllegalArgumentException(block + ": the segments cover " + k + " of its " + n + " samples");
        }
        long[] millis = longs[SampleField.TIME.slot()];
        for (int j = 1; j < n; j++) {
            if (!starts[j]) {
                long gap = withStepTime ? unzigzag(getVarlong(in)) : 0;
                stepMillis[j] = stepMillis[j - 1] + (millis[j] - millis[j - 1]) - gap;
            }
        }
        longs[SampleField.CYCLE.slot()] = cycle;
        longs[SampleField.STEP_NUMBER.slot()] = step;
        longs[SampleField.STEP_LINE.slot()] = line;
        longs[SampleField.STEP_TIME.slot()] = stepMillis;
        texts[SampleField.STEP_KIND.slot()] = kind;
    }
}
