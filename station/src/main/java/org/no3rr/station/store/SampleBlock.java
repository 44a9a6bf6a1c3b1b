package org.no3rr.station.store;

import java.util.Arrays;
import org.no3rr.protocol.StepKind;

/**
 * Consecutive samples of one run held column by column, one column per {@link SampleField}, as one
 * row of {@code sample_block} stores them ({@link SampleBlockCodec}). Columns let the samples
 * endpoint run LTTB over time and voltage without building a {@link StoredSample} per sample.
 *
 * <p>Samples of a block are numbered without gaps: sample {@code k} has sequence number
 * {@code firstSeq + k}. Absent optional inputs are NaN. A block only grows, so a
 * {@link #snapshot()} taken while it grows keeps reading the samples it had.
 */
public final class SampleBlock {

    /**
     * Most samples the store puts in one block: about 30 kB, so a window costs few rows and the
     * per-block overhead (a row, three index entries) is a fraction of a byte per sample.
     */
    public static final int MAX_SAMPLES = 1024;

    private final long firstSeq;
    private int count;
    private long[][] longs;
    private double[][] doubles;
    private String[][] texts;

    /** An empty block whose first sample will be numbered {@code firstSeq}. */
    public SampleBlock(long firstSeq, int capacity) {
        this.firstSeq = firstSeq;
        int size = Math.max(capacity, 1);
        longs = new long[SampleField.LONG_COLUMNS][size];
        doubles = new double[SampleField.DOUBLE_COLUMNS][size];
        texts = new String[SampleField.TEXT_COLUMNS][size];
    }

    /** A block over columns already filled, as the codec decodes them; the arrays are taken, not copied. */
    SampleBlock(long firstSeq, int count, long[][] longs, double[][] doubles, String[][] texts) {
        this.firstSeq = firstSeq;
        this.count = count;
        this.longs = longs;
        this.doubles = doubles;
        this.texts = texts;
    }

    /**
     * Appends a sample on its way to the database.
     *
     * @throws IllegalArgumentException if its number does not follow the block's last one, or it has no step kind
     */
    public void append(SampleRow row) {
        if (row.seq() != firstSeq + count) {
            throw new IllegalArgumentException("sample " + row.seq() + " does not follow sample " + lastSeq()
                    + " in a block starting at " + firstSeq);
        }
        if (row.stepKind() == null) {
            throw new IllegalArgumentException("sample " + row.seq() + " has no step kind");
        }
        if (count == longs[0].length) {
            grow();
        }
        for (SampleField field : SampleField.ALL) {
            switch (field.packing()) {
                case TIMELINE, STEPWISE -> longs[field.slot()][count] = field.longOf(row);
                case DOUBLE -> doubles[field.slot()][count] = field.doubleOf(row);
                case STEPWISE_TEXT -> texts[field.slot()][count] = field.textOf(row);
            }
        }
        count++;
    }

    /** Appends the next sample given value by value (the migrations' form). */
    public void append(long seq, long millis, long stepMillis, double v, double i, double we, double t,
                       int cycleNumber, int step, int line, StepKind kind) {
        append(new SampleRow(0, seq, millis, stepMillis, v, i, we, t, cycleNumber, step, line, kind));
    }

    private void grow() {
        int size = Math.max(16, longs[0].length * 2);
        for (int c = 0; c < longs.length; c++) {
            longs[c] = Arrays.copyOf(longs[c], size);
        }
        for (int c = 0; c < doubles.length; c++) {
            doubles[c] = Arrays.copyOf(doubles[c], size);
        }
        for (int c = 0; c < texts.length; c++) {
            texts[c] = Arrays.copyOf(texts[c], size);
        }
    }

    /**
     * The samples appended so far, as a block that stays as it is while this one grows. Cheap: it
     * shares the columns, whose first {@code count()} entries never change.
     */
    public SampleBlock snapshot() {
        return new SampleBlock(firstSeq, count, longs.clone(), doubles.clone(), texts.clone());
    }

    /** Samples {@code from..to−1} as a new block of their own (copied). */
    SampleBlock slice(int from, int to) {
        SampleBlock part = new SampleBlock(firstSeq + from, to - from);
        part.appendAll(this, from, to);
        return part;
    }

    /**
     * Appends samples {@code from..to−1} of another block, which must continue this one.
     *
     * @throws IllegalArgumentException if they do not
     */
    void appendAll(SampleBlock other, int from, int to) {
        if (to <= from) {
            return;
        }
        if (other.firstSeq + from != firstSeq + count) {
            throw new IllegalArgumentException("sample " + (other.firstSeq + from) + " does not follow sample "
                    + lastSeq() + " in a block starting at " + firstSeq);
        }
        while (count + (to - from) > longs[0].length) {
            grow();
        }
        for (int c = 0; c < longs.length; c++) {
            System.arraycopy(other.longs[c], from, longs[c], count, to - from);
        }
        for (int c = 0; c < doubles.length; c++) {
            System.arraycopy(other.doubles[c], from, doubles[c], count, to - from);
        }
        for (int c = 0; c < texts.length; c++) {
            System.arraycopy(other.texts[c], from, texts[c], count, to - from);
        }
        count += to - from;
    }

    public long firstSeq() {
        return firstSeq;
    }

    /** The number of the last sample; {@code firstSeq − 1} for an empty block. */
    public long lastSeq() {
        return firstSeq + count - 1;
    }

    public int count() {
        return count;
    }

    /** The value of a long field (a time or a step-wise number) for sample {@code k}. */
    public long longValue(SampleField field, int k) {
        return longs[field.slot()][k];
    }

    public double doubleValue(SampleField field, int k) {
        return doubles[field.slot()][k];
    }

    public String textValue(SampleField field, int k) {
        return texts[field.slot()][k];
    }

    long[] longColumn(SampleField field) {
        return longs[field.slot()];
    }

    double[] doubleColumn(SampleField field) {
        return doubles[field.slot()];
    }

    String[] textColumn(SampleField field) {
        return texts[field.slot()];
    }

    public long epochMillis(int k) {
        return longValue(SampleField.TIME, k);
    }

    public long stepTimeMillis(int k) {
        return longValue(SampleField.STEP_TIME, k);
    }

    public double voltage(int k) {
        return doubleValue(SampleField.VOLTAGE, k);
    }

    public double current(int k) {
        return doubleValue(SampleField.CURRENT, k);
    }

    public double workingElectrodePotential(int k) {
        return doubleValue(SampleField.WE_POTENTIAL, k);
    }

    public double temperature(int k) {
        return doubleValue(SampleField.TEMPERATURE, k);
    }

    public int cycle(int k) {
        return (int) longValue(SampleField.CYCLE, k);
    }

    public int stepNumber(int k) {
        return (int) longValue(SampleField.STEP_NUMBER, k);
    }

    public int stepLine(int k) {
        return (int) longValue(SampleField.STEP_LINE, k);
    }

    public StepKind stepKind(int k) {
        return StepKind.fromWireName(textValue(SampleField.STEP_KIND, k));
    }

    /** Sample {@code k} as the readers of the store see it. */
    public StoredSample sample(int k) {
        return new StoredSample(firstSeq + k, epochMillis(k), stepTimeMillis(k), voltage(k), current(k),
                workingElectrodePotential(k), temperature(k), cycle(k), stepNumber(k), stepLine(k), stepKind(k));
    }

    /** The smallest and largest step number in the block, for the index columns; undefined when empty. */
    public int minStepNumber() {
        int min = Integer.MAX_VALUE;
        for (int k = 0; k < count; k++) {
            min = Math.min(min, stepNumber(k));
        }
        return min;
    }

    public int maxStepNumber() {
        int max = Integer.MIN_VALUE;
        for (int k = 0; k < count; k++) {
            max = Math.max(max, stepNumber(k));
        }
        return max;
    }

    /** The first sample stamped at or after {@code millis}, or {@code count()} if none is. */
    int firstAtOrAfter(long millis) {
        int k = 0;
        while (k < count && epochMillis(k) < millis) {
            k++;
        }
        return k;
    }

    /** The last sample stamped at or before {@code millis}, or −1 if none is. */
    int lastAtOrBefore(long millis) {
        int k = count - 1;
        while (k >= 0 && epochMillis(k) > millis) {
            k--;
        }
        return k;
    }

    /** The first sample of the step, or −1 if the block has none of it. */
    int firstOfStep(int step) {
        for (int k = 0; k < count; k++) {
            if (stepNumber(k) == step) {
                return k;
            }
        }
        return -1;
    }
}
