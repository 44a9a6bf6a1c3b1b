package org.no3rr.station.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.no3rr.protocol.StepKind;

/**
 * The bytes of {@code sample_block.samples}: a {@link SampleBlock} packed column by column, so
 * that H2 hands over a thousand samples as one value (it returns rows at a few hundred thousand a
 * second, whatever is in them) and the doubles come back with one bulk copy each.
 *
 * <p>Layout, little-endian, version {@value #FORMAT}:
 * <pre>
 * byte    format version
 * varint  n, the number of samples
 * if n &gt; 0:
 *   long      time of the first sample, epoch ms
 *   zigzag varint × (n − 1)   time differences to the sample before
 *   double × n   voltage, raw IEEE bits (so −0.0 and every NaN come back as written)
 *   double × n   current, raw bits
 *   byte         which optional columns follow: bit 0 WE potential, bit 1 temperature
 *   double × n   WE potential, if its bit is set
 *   double × n   temperature, if its bit is set
 *   varint       number of step kinds, then each as varint length + UTF-8 wire name
 *   varint       number of segments; a segment is a stretch of samples with one cycle,
 *                step number, step line and step kind: varint length, zigzag varint
 *                cycle, step number and step line, varint step-kind position, varlong
 *                step time of its first sample (ms)
 *   zigzag varint × (n − segments)   for every sample that does not start a segment: its
 *                clock time difference minus its step time difference (0 while the step clock
 *                runs with the clock; the length of a pause across a gap)
 * </pre>
 * An optional column that is NaN for every sample of the block (a channel without that input) is
 * left out and decodes as {@link Double#NaN}. Cycle and step change a few times a block at most,
 * so the segments take a few bytes where ints per sample would take 12 per sample, and step time
 * costs one byte a sample.
 *
 * <p>Format 1 (before step time) is still read: a sample's step time is then its time since the
 * first sample of its step in the block — what the engine of that version counted — which
 * migration V8 makes exact across blocks when it rewrites the blocks in this format.
 */
public final class SampleBlockCodec {

    /** The layout written; a reader refuses unknown ones rather than misread them. */
    static final byte FORMAT = 2;

    /** The layout before step time, still read. */
    static final byte FORMAT_WITHOUT_STEP_TIME = 1;

    private static final int HAS_WE_POTENTIAL = 1;
    private static final int HAS_TEMPERATURE = 2;

    private SampleBlockCodec() {
    }

    public static byte[] encode(SampleBlock block) {
        int n = block.count();
        List<String> types = new ArrayList<>();
        Map<String, Integer> typeIndex = new HashMap<>();
        int segments = 0;
        int typeBytes = 0;
        for (int k = 0; k < n; k++) {
            if (k == 0 || startsSegment(block, k)) {
                segments++;
            }
            String type = block.stepKind(k).wireName();
            if (typeIndex.putIfAbsent(type, types.size()) == null) {
                types.add(type);
                typeBytes += 5 + type.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        boolean withPotential = anyPresent(block, true);
        boolean withTemperature = anyPresent(block, false);
        int doubles = n * (2 + (withPotential ? 1 : 0) + (withTemperature ? 1 : 0));
        int bound = 1 + 5 + 8 + 20 * n + 8 * doubles + 1 + 5 + typeBytes + 5 + 35 * segments;
        ByteBuffer out = ByteBuffer.allocate(bound).order(ByteOrder.LITTLE_ENDIAN);
        out.put(FORMAT);
        putVarint(out, n);
        if (n == 0) {
            return Arrays.copyOf(out.array(), out.position());
        }
        out.putLong(block.epochMillis(0));
        for (int k = 1; k < n; k++) {
            putVarlong(out, zigzag(block.epochMillis(k) - block.epochMillis(k - 1)));
        }
        for (int k = 0; k < n; k++) {
            out.putLong(Double.doubleToRawLongBits(block.voltage(k)));
        }
        for (int k = 0; k < n; k++) {
            out.putLong(Double.doubleToRawLongBits(block.current(k)));
        }
        out.put((byte) ((withPotential ? HAS_WE_POTENTIAL : 0) | (withTemperature ? HAS_TEMPERATURE : 0)));
        if (withPotential) {
            for (int k = 0; k < n; k++) {
                out.putLong(Double.doubleToRawLongBits(block.workingElectrodePotential(k)));
            }
        }
        if (withTemperature) {
            for (int k = 0; k < n; k++) {
                out.putLong(Double.doubleToRawLongBits(block.temperature(k)));
            }
        }
        putVarint(out, types.size());
        for (String type : types) {
            byte[] utf8 = type.getBytes(StandardCharsets.UTF_8);
            putVarint(out, utf8.length);
            out.put(utf8);
        }
        putVarint(out, segments);
        int start = 0;
        for (int k = 1; k <= n; k++) {
            if (k == n || startsSegment(block, k)) {
                putVarint(out, k - start);
                putVarint(out, zigzag(block.cycle(start)));
                putVarint(out, zigzag(block.stepNumber(start)));
                putVarint(out, zigzag(block.stepLine(start)));
                putVarint(out, typeIndex.get(block.stepKind(start).wireName()));
                putVarlong(out, block.stepTimeMillis(start));
                start = k;
            }
        }
        for (int k = 1; k < n; k++) {
            if (!startsSegment(block, k)) {
                long clock = block.epochMillis(k) - block.epochMillis(k - 1);
                long step = block.stepTimeMillis(k) - block.stepTimeMillis(k - 1);
                putVarlong(out, zigzag(clock - step));
            }
        }
        return Arrays.copyOf(out.array(), out.position());
    }

    /**
     * @param firstSeq the number of the block's first sample, kept in its row rather than its bytes
     * @throws IllegalArgumentException if the bytes are not a block this codec wrote
     */
    public static SampleBlock decode(long firstSeq, byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        try {
            byte format = in.get();
            if (format != FORMAT && format != FORMAT_WITHOUT_STEP_TIME) {
                throw new IllegalArgumentException("sample block starting at " + firstSeq + " has format " + format
                        + "; this version reads formats " + FORMAT_WITHOUT_STEP_TIME + " and " + FORMAT);
            }
            int n = getVarint(in);
            Columns columns = new Columns(n);
            if (n > 0) {
                columns.read(in, format == FORMAT);
            }
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("sample block starting at " + firstSeq + " has "
                        + in.remaining() + " bytes after its last column");
            }
            return columns.toBlock(firstSeq);
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("sample block starting at " + firstSeq + " ends early ("
                    + bytes.length + " bytes)", e);
        }
    }

    private static boolean startsSegment(SampleBlock block, int k) {
        return block.cycle(k) != block.cycle(k - 1) || block.stepNumber(k) != block.stepNumber(k - 1)
                || block.stepLine(k) != block.stepLine(k - 1) || block.stepKind(k) != block.stepKind(k - 1);
    }

    private static boolean anyPresent(SampleBlock block, boolean potential) {
        for (int k = 0; k < block.count(); k++) {
            double value = potential ? block.workingElectrodePotential(k) : block.temperature(k);
            if (!Double.isNaN(value)) {
                return true;
            }
        }
        return false;
    }

    /** The columns as read, before they are handed to a block in one go. */
    private static final class Columns {
        private final int n;
        private final long[] millis;
        private final long[] stepMillis;
        private final double[] voltage;
        private final double[] current;
        private final double[] potential;
        private final double[] temperature;
        private final int[] cycle;
        private final int[] step;
        private final int[] line;
        private final StepKind[] kind;

        private Columns(int n) {
            this.n = n;
            millis = new long[n];
            stepMillis = new long[n];
            voltage = new double[n];
            current = new double[n];
            potential = new double[n];
            temperature = new double[n];
            cycle = new int[n];
            step = new int[n];
            line = new int[n];
            kind = new StepKind[n];
        }

        private void read(ByteBuffer in, boolean withStepTime) {
            millis[0] = in.getLong();
            for (int k = 1; k < n; k++) {
                millis[k] = millis[k - 1] + unzigzag(getVarlong(in));
            }
            getDoubles(in, voltage);
            getDoubles(in, current);
            int present = in.get();
            if ((present & HAS_WE_POTENTIAL) != 0) {
                getDoubles(in, potential);
            } else {
                Arrays.fill(potential, Double.NaN);
            }
            if ((present & HAS_TEMPERATURE) != 0) {
                getDoubles(in, temperature);
            } else {
                Arrays.fill(temperature, Double.NaN);
            }
            StepKind[] kinds = new StepKind[getVarint(in)];
            for (int t = 0; t < kinds.length; t++) {
                byte[] utf8 = new byte[getVarint(in)];
                in.get(utf8);
                String name = new String(utf8, StandardCharsets.UTF_8);
                kinds[t] = withStepTime ? StepKind.fromWireName(name) : LegacyStepTypes.kindOf(name);
            }
            int segments = getVarint(in);
            boolean[] starts = new boolean[n];
            int k = 0;
            for (int s = 0; s < segments; s++) {
                int length = getVarint(in);
                int c = unzigzag(getVarint(in));
                int sn = unzigzag(getVarint(in));
                int sl = unzigzag(getVarint(in));
                int kindAt = getVarint(in);
                if (length <= 0 || k + length > n || kindAt >= kinds.length) {
                    throw new IllegalArgumentException("segment " + s + " of a sample block is out of range");
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
                throw new IllegalArgumentException("the segments of a sample block cover " + k + " of its " + n
                        + " samples");
            }
            for (int j = 1; j < n; j++) {
                if (!starts[j]) {
                    long gap = withStepTime ? unzigzag(getVarlong(in)) : 0;
                    stepMillis[j] = stepMillis[j - 1] + (millis[j] - millis[j - 1]) - gap;
                }
            }
        }

        private SampleBlock toBlock(long firstSeq) {
            return new SampleBlock(firstSeq, n, millis, stepMillis, voltage, current, potential, temperature, cycle,
                    step, line, kind);
        }
    }

    private static void getDoubles(ByteBuffer in, double[] into) {
        in.asDoubleBuffer().get(into);
        in.position(in.position() + 8 * into.length);
    }

    private static long zigzag(long value) {
        return (value << 1) ^ (value >> 63);
    }

    private static int zigzag(int value) {
        return (value << 1) ^ (value >> 31);
    }

    private static long unzigzag(long value) {
        return (value >>> 1) ^ -(value & 1);
    }

    private static int unzigzag(int value) {
        return (value >>> 1) ^ -(value & 1);
    }

    private static void putVarint(ByteBuffer out, int value) {
        putVarlong(out, value & 0xFFFF_FFFFL);
    }

    private static void putVarlong(ByteBuffer out, long value) {
        while ((value & ~0x7FL) != 0) {
            out.put((byte) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.put((byte) value);
    }

    private static int getVarint(ByteBuffer in) {
        long value = getVarlong(in);
        if ((value >>> 32) != 0) {
            throw new IllegalArgumentException("a sample block holds a 32-bit number too large: " + value);
        }
        return (int) value;
    }

    private static long getVarlong(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = in.get();
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("a sample block holds a number longer than 10 bytes");
    }
}
