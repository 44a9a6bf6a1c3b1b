package org.no3rr.station.store;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.no3rr.station.store.Varints.getVarint;
import static org.no3rr.station.store.Varints.getVarlong;
import static org.no3rr.station.store.Varints.putVarint;
import static org.no3rr.station.store.Varints.putVarlong;
import static org.no3rr.station.store.Varints.unzigzag;
import static org.no3rr.station.store.Varints.zigzag;

/**
 * The bytes of a {@link SampleBlock}, in {@code sample_block.samples} and in the journal: packed
 * column by column, so that H2 hands over a thousand samples as one value (it returns rows at a few
 * hundred thousand a second, whatever is in them) and the doubles come back with one bulk copy each.
 *
 * <p>Layout, little-endian, version {@value #FORMAT}:
 * <pre>
 * byte    format version
 * varint  n, the number of samples
 * if n &gt; 0:
 * varint  the number of fields that follow; then per field of {@link SampleField#ALL} the block holds:
 *   byte    the field's id
 *   varint  length of what follows, so a reader may pass over a field it does not know
 *   TIMELINE       zigzag varlong first value, then zigzag varlong × (n − 1) changes of the
 *                  difference to the value before (0 — one byte — at a steady rate)
 *   DOUBLE         per sample, its IEEE bits XOR the previous sample's (0 before the first):
 *                  byte (zero bytes leading × 16 + zero bytes trailing), then the bytes between,
 *                  little-endian — a repeated value takes 1 byte, an ADC reading that moves by
 *                  a few steps 3 to 7; bits come back exactly (−0.0 and every NaN too). A field
 *                  that is NaN for every sample is left out and reads NaN
 *   STEPWISE       varint runs, then per run: varint length, zigzag varlong value
 *   STEPWISE_TEXT  varint texts, each varint length + UTF-8; varint runs, then per run:
 *                  varint length, varint text position
 * </pre>
 * A field a block does not hold (written before the field existed) reads 0, NaN or "". Blocks of
 * formats 1 and 2, the layouts before fields, are still read ({@link SampleBlockSegmentFormats}).
 */
public final class SampleBlockCodec {

    /** Formats 1 and 2 were the layouts before fields ({@link SampleBlockSegmentFormats}). */
    static final byte FORMAT = 3;

    private SampleBlockCodec() {
    }

    public static byte[] encode(SampleBlock block) {
        int n = block.count();
        ByteBuffer out = ByteBuffer.allocate(bound(block)).order(ByteOrder.LITTLE_ENDIAN);
        out.put(FORMAT);
        putVarint(out, n);
        if (n > 0) {
            List<SampleField> held = SampleField.ALL.stream().filter(f -> f.packing() != SampleField.Packing.DOUBLE
                    || !allNaN(block.doubleColumn(f), n)).toList();
            putVarint(out, held.size());
            ByteBuffer field = ByteBuffer.allocate(out.capacity()).order(ByteOrder.LITTLE_ENDIAN);
            for (SampleField f : held) {
                field.clear();
                switch (f.packing()) {
                    case TIMELINE -> putTimeline(field, block.longColumn(f), n);
                    case DOUBLE -> putDoubles(field, block.doubleColumn(f), n);
                    case STEPWISE -> putStepwise(field, block.longColumn(f), n);
                    case STEPWISE_TEXT -> putStepwiseText(field, block.textColumn(f), n);
                }
                field.flip();
                out.put((byte) f.id());
                putVarint(out, field.remaining());
                out.put(field);
            }
        }
        return Arrays.copyOf(out.array(), out.position());
    }

    /** An upper bound of the encoded length. */
    private static int bound(SampleBlock block) {
        int n = block.count();
        int bound = 1 + 5 + 5;
        for (SampleField f : SampleField.ALL) {
            bound += 1 + 5 + switch (f.packing()) {
                case TIMELINE -> Varints.MAX_BYTES * n;
                case DOUBLE -> 9 * n;
                case STEPWISE -> 5 + (5 + Varints.MAX_BYTES) * n;
                case STEPWISE_TEXT -> 5 + 10 * n + textBytes(block.textColumn(f), n);
            };
        }
        return bound;
    }

    private static int textBytes(String[] texts, int n) {
        int bytes = 0;
        for (int k = 0; k < n; k++) {
            if (k == 0 || !texts[k].equals(texts[k - 1])) {
                bytes += 5 + 3 * texts[k].length();
            }
        }
        return bytes;
    }

    private static boolean allNaN(double[] values, int n) {
        for (int k = 0; k < n; k++) {
            if (!Double.isNaN(values[k])) {
                return false;
            }
        }
        return true;
    }

    private static void putTimeline(ByteBuffer out, long[] values, int n) {
        putVarlong(out, zigzag(values[0]));
        long difference = 0;
        for (int k = 1; k < n; k++) {
            long next = values[k] - values[k - 1];
            putVarlong(out, zigzag(next - difference));
            difference = next;
        }
    }

    private static void putDoubles(ByteBuffer out, double[] values, int n) {
        long previous = 0;
        for (int k = 0; k < n; k++) {
            long bits = Double.doubleToRawLongBits(values[k]);
            long change = bits ^ previous;
            previous = bits;
            if (change == 0) {
                out.put((byte) 0x80);
                continue;
            }
            int leading = Long.numberOfLeadingZeros(change) >>> 3;
            int trailing = Long.numberOfTrailingZeros(change) >>> 3;
            out.put((byte) (leading << 4 | trailing));
            long middle = change >>> (trailing << 3);
            for (int b = 8 - leading - trailing; b > 0; b--) {
                out.put((byte) middle);
                middle >>>= 8;
            }
        }
    }

    private static void putStepwise(ByteBuffer out, long[] values, int n) {
        int runs = 1;
        for (int k = 1; k < n; k++) {
            runs += values[k] != values[k - 1] ? 1 : 0;
        }
        putVarint(out, runs);
        int start = 0;
        for (int k = 1; k <= n; k++) {
            if (k == n || values[k] != values[k - 1]) {
                putVarint(out, k - start);
                putVarlong(out, zigzag(values[start]));
                start = k;
            }
        }
    }

    private static void putStepwiseText(ByteBuffer out, String[] values, int n) {
        List<String> texts = new ArrayList<>();
        Map<String, Integer> position = new HashMap<>();
        int runs = 0;
        for (int k = 0; k < n; k++) {
            if (position.putIfAbsent(values[k], texts.size()) == null) {
                texts.add(values[k]);
            }
            runs += k == 0 || !values[k].equals(values[k - 1]) ? 1 : 0;
        }
        putVarint(out, texts.size());
        for (String text : texts) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            putVarint(out, utf8.length);
            out.put(utf8);
        }
        putVarint(out, runs);
        int start = 0;
        for (int k = 1; k <= n; k++) {
            if (k == n || !values[k].equals(values[k - 1])) {
                putVarint(out, k - start);
                putVarint(out, position.get(values[start]));
                start = k;
            }
        }
    }

    /**
     * @param firstSeq the number of the block's first sample, kept in its row rather than its bytes
     * @throws IllegalArgumentException if the bytes are not a block this codec wrote
     */
    public static SampleBlock decode(long firstSeq, byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        String block = "sample block starting at " + firstSeq;
        try {
            byte format = in.get();
            SampleBlock decoded = switch (format) {
                case FORMAT -> read(in, firstSeq, block);
                case SampleBlockSegmentFormats.FORMAT_WITHOUT_STEP_TIME, SampleBlockSegmentFormats.FORMAT_WITH_STEP_TIME ->
                        SampleBlockSegmentFormats.read(in, firstSeq, block, format);
                default -> throw new IllegalArgumentException(block + " has format " + format
                        + "; this version reads formats 1 to " + FORMAT);
            };
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(block + " has " + in.remaining() + " bytes after its last column");
            }
            return decoded;
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException(block + " ends early (" + bytes.length + " bytes)", e);
        }
    }

    private static SampleBlock read(ByteBuffer in, long firstSeq, String block) {
        int n = getVarint(in);
        long[][] longs = new long[SampleField.LONG_COLUMNS][];
        double[][] doubles = new double[SampleField.DOUBLE_COLUMNS][];
        String[][] texts = new String[SampleField.TEXT_COLUMNS][];
        int fields = n > 0 ? getVarint(in) : 0;
        for (int i = 0; i < fields; i++) {
            int id = in.get() & 0xFF;
            int length = getVarint(in);
            if (length > in.remaining()) {
                throw new BufferUnderflowException();
            }
            ByteBuffer payload = in.slice(in.position(), length).order(ByteOrder.LITTLE_ENDIAN);
            in.position(in.position() + length);
            SampleField f = SampleField.byId(id);
            if (f == null) {
                continue;
            }
            if ((f.isLong() ? longs[f.slot()] : f.packing() == SampleField.Packing.DOUBLE ? doubles[f.slot()]
                    : texts[f.slot()]) != null) {
                throw new IllegalArgumentException(block + " holds field " + f + " twice");
            }
            switch (f.packing()) {
                case TIMELINE -> longs[f.slot()] = readTimeline(payload, n);
                case DOUBLE -> doubles[f.slot()] = readXorDoubles(payload, n, block, f);
                case STEPWISE -> longs[f.slot()] = readStepwise(payload, n, block, f);
                case STEPWISE_TEXT -> texts[f.slot()] = readStepwiseText(payload, n, block, f);
            }
            if (payload.hasRemaining()) {
                throw new IllegalArgumentException(block + " has " + payload.remaining() + " bytes after field " + f);
            }
        }
        fillAbsent(longs, doubles, texts, n);
        return new SampleBlock(firstSeq, n, longs, doubles, texts);
    }

    /** Gives every field the block does not hold its default: 0, NaN or "". */
    static void fillAbsent(long[][] longs, double[][] doubles, String[][] texts, int n) {
        int size = Math.max(n, 1);
        for (int c = 0; c < longs.length; c++) {
            longs[c] = longs[c] == null ? new long[size] : longs[c];
        }
        for (int c = 0; c < doubles.length; c++) {
            if (doubles[c] == null) {
                doubles[c] = new double[size];
                Arrays.fill(doubles[c], Double.NaN);
            }
        }
        for (int c = 0; c < texts.length; c++) {
            if (texts[c] == null) {
                texts[c] = new String[size];
                Arrays.fill(texts[c], "");
            }
        }
    }

    private static long[] readTimeline(ByteBuffer in, int n) {
        long[] values = new long[n];
        values[0] = unzigzag(getVarlong(in));
        long difference = 0;
        for (int k = 1; k < n; k++) {
            difference += unzigzag(getVarlong(in));
            values[k] = values[k - 1] + difference;
        }
        return values;
    }

    private static double[] readXorDoubles(ByteBuffer in, int n, String block, SampleField f) {
        double[] values = new double[n];
        long previous = 0;
        for (int k = 0; k < n; k++) {
            int header = in.get() & 0xFF;
            int leading = header >>> 4;
            int trailing = header & 0xF;
            int bytes = 8 - leading - trailing;
            if (header == 0x80) {
                bytes = 0;
            } else if (bytes <= 0 || leading > 7) {
                throw new IllegalArgumentException(block + ": sample " + k + " of field " + f + " has a bad header "
                        + header);
            }
            long middle = 0;
            for (int b = 0; b < bytes; b++) {
                middle |= (in.get() & 0xFFL) << (b << 3);
            }
            previous ^= middle << (trailing << 3);
            values[k] = Double.longBitsToDouble(previous);
        }
        return values;
    }

    /** Raw little-endian doubles, as format 1 stored them. */
    static double[] readDoubles(ByteBuffer in, int n) {
        double[] values = new double[n];
        in.asDoubleBuffer().get(values);
        in.position(in.position() + 8 * n);
        return values;
    }

    private static long[] readStepwise(ByteBuffer in, int n, String block, SampleField f) {
        long[] values = new long[n];
        int runs = getVarint(in);
        int k = 0;
        for (int r = 0; r < runs; r++) {
            int length = runLength(in, k, n, block, f);
            Arrays.fill(values, k, k + length, unzigzag(getVarlong(in)));
            k += length;
        }
        checkCovered(k, n, block, f);
        return values;
    }

    private static String[] readStepwiseText(ByteBuffer in, int n, String block, SampleField f) {
        String[] dictionary = new String[getVarint(in)];
        for (int t = 0; t < dictionary.length; t++) {
            byte[] utf8 = new byte[getVarint(in)];
            in.get(utf8);
            dictionary[t] = new String(utf8, StandardCharsets.UTF_8);
        }
        String[] values = new String[n];
        int runs = getVarint(in);
        int k = 0;
        for (int r = 0; r < runs; r++) {
            int length = runLength(in, k, n, block, f);
            int position = getVarint(in);
            if (position >= dictionary.length) {
                throw new IllegalArgumentException(block + ": field " + f + " refers to text " + position + " of "
                        + dictionary.length);
            }
            Arrays.fill(values, k, k + length, dictionary[position]);
            k += length;
        }
        checkCovered(k, n, block, f);
        return values;
    }

    private static int runLength(ByteBuffer in, int k, int n, String block, SampleField f) {
        int length = getVarint(in);
        if (length <= 0 || length > n - k) {
            throw new IllegalArgumentException(block + ": a run of field " + f + " is out of range");
        }
        return length;
    }

    private static void checkCovered(int k, int n, String block, SampleField f) {
        if (k != n) {
            throw new IllegalArgumentException(block + ": the runs of field " + f + " cover " + k + " of its " + n
                    + " samples");
        }
    }
}
