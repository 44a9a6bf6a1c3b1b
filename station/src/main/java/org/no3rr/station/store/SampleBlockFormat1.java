package org.no3rr.station.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.no3rr.station.store.Varints.getVarint;
import static org.no3rr.station.store.Varints.getVarlong;
import static org.no3rr.station.store.Varints.unzigzag;

/**
 * Reads blocks of format 1, as the station wrote them before fields ({@link SampleField}) had ids;
 * kept so a database written then reads on. Never written any more. Layout after the format byte:
 * <pre>
 * varint  n
 * if n &gt; 0:
 *   long      time of the first sample, epoch ms; zigzag varint × (n − 1) time differences
 *   double × n voltage, double × n current (raw bits)
 *   byte       optional columns: bit 0 WE potential, bit 1 temperature; double × n for each set
 *   varint     number of step types, each as varint length + UTF-8
 *   varint     number of segments; each: varint length, zigzag varint cycle, step number and
 *              step index, varint step-type position
 * </pre>
 */
final class SampleBlockFormat1 {

    static final byte FORMAT = 1;

    private static final int HAS_WE_POTENTIAL = 1;
    private static final int HAS_TEMPERATURE = 2;

    private SampleBlockFormat1() {
    }

    /** Reads the block after its format byte. */
    static SampleBlock read(ByteBuffer in, long firstSeq, String block) {
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
            readSegments(in, n, block, longs, texts);
        }
        SampleBlockCodec.fillAbsent(longs, doubles, texts, n);
        return new SampleBlock(firstSeq, n, longs, doubles, texts);
    }

    private static void readSegments(ByteBuffer in, int n, String block, long[][] longs, String[][] texts) {
        String[] types = new String[getVarint(in)];
        for (int t = 0; t < types.length; t++) {
            byte[] utf8 = new byte[getVarint(in)];
            in.get(utf8);
            types[t] = new String(utf8, StandardCharsets.UTF_8);
        }
        long[] cycle = new long[n];
        long[] step = new long[n];
        long[] index = new long[n];
        String[] type = new String[n];
        int segments = getVarint(in);
        int k = 0;
        for (int s = 0; s < segments; s++) {
            int length = getVarint(in);
            int c = unzigzag(getVarint(in));
            int sn = unzigzag(getVarint(in));
            int si = unzigzag(getVarint(in));
            int typeAt = getVarint(in);
            if (length <= 0 || k + length > n || typeAt >= types.length) {
                throw new IllegalArgumentException(block + ": segment " + s + " is out of range");
            }
            Arrays.fill(cycle, k, k + length, c);
            Arrays.fill(step, k, k + length, sn);
            Arrays.fill(index, k, k + length, si);
            Arrays.fill(type, k, k + length, types[typeAt]);
            k += length;
        }
        if (k != n) {
            throw new IllegalArgumentException(block + ": the segments cover " + k + " of its " + n + " samples");
        }
        longs[SampleField.CYCLE.slot()] = cycle;
        longs[SampleField.STEP_NUMBER.slot()] = step;
        longs[SampleField.STEP_INDEX.slot()] = index;
        texts[SampleField.STEP_TYPE.slot()] = type;
    }
}
