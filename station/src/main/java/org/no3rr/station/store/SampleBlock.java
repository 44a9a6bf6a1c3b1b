package org.no3rr.station.store;

import java.util.Arrays;
import org.no3rr.protocol.StepKind;

/**
 * Consecutive samples of one run held column by column, as one row of {@code sample_block} stores
 * them ({@link SampleBlockCodec}). Columns let the samples endpoint run LTTB over time and voltage
 * without building a {@link StoredSample} per sample, and let a block grow by appending the next
 * batch's samples without re-reading them one by one.
 *
 * <p>Samples of a block are numbered without gaps: sample {@code k} has sequence number
 * {@code firstSeq + k}. Absent optional inputs are NaN.
 */
public final class SampleBlock {

    /**
     * Most samples the store puts in one block: about 33 kB with a temperature and no WE potential,
     * so a window costs few rows and a writer batch of 1,000 samples of one run fills one block.
     */
    public static final int MAX_SAMPLES = 1024;

    private final long firstSeq;
    private int count;
    private long[] epochMillis;
    private long[] stepTimeMillis;
    private double[] voltage;
    private double[] current;
    private double[] workingElectrodePotential;
    private double[] temperature;
    private int[] cycle;
    private int[] stepNumber;
    private int[] stepLine;
    private StepKind[] stepKind;

    /** An empty block whose first sample will be numbered {@code firstSeq}. */
    public SampleBlock(long firstSeq, int capacity) {
        this.firstSeq = firstSeq;
        int size = Math.max(capacity, 1);
        epochMillis = new long[size];
        stepTimeMillis = new long[size];
        voltage = new double[size];
        current = new double[size];
        workingElectrodePotential = new double[size];
        temperature = new double[size];
        cycle = new int[size];
        stepNumber = new int[size];
        stepLine = new int[size];
        stepKind = new StepKind[size];
    }

    /** A block over columns already filled, as {@link SampleBlockCodec} decodes them; the arrays are taken, not copied. */
    SampleBlock(long firstSeq, int count, long[] epochMillis, long[] stepTimeMillis, double[] voltage,
                double[] current, double[] workingElectrodePotential, double[] temperature, int[] cycle,
                int[] stepNumber, int[] stepLine, StepKind[] stepKind) {
        this.firstSeq = firstSeq;
        this.count = count;
        this.epochMillis = epochMillis;
        this.stepTimeMillis = stepTimeMillis;
        this.voltage = voltage;
        this.current = current;
        this.workingElectrodePotential = workingElectrodePotential;
        this.temperature = temperature;
        this.cycle = cycle;
        this.stepNumber = stepNumber;
        this.stepLine = stepLine;
        this.stepKind = stepKind;
    }

    /**
     * Appends the next sample.
     *
     * @throws IllegalArgumentException if its number does not follow the block's last one, or it has no step kind
     */
    public void append(long seq, long millis, long stepMillis, double v, double i, double we, double t,
                       int cycleNumber, int step, int line, StepKind kind) {
        if (seq != firstSeq + count) {
            throw new IllegalArgumentException("sample " + seq + " does not follow sample " + lastSeq()
                    + " in a block starting at " + firstSeq);
        }
        if (kind == null) {
            throw new IllegalArgumentException("sample " + seq + " has no step kind");
        }
        if (count == epochMillis.length) {
            grow();
        }
        epochMillis[count] = millis;
        stepTimeMillis[count] = stepMillis;
        voltage[count] = v;
        current[count] = i;
        workingElectrodePotential[count] = we;
        temperature[count] = t;
        cycle[count] = cycleNumber;
        stepNumber[count] = step;
        stepLine[count] = line;
        stepKind[count] = kind;
        count++;
    }

    /** Appends a sample on its way to the database. */
    public void append(SampleRow row) {
        append(row.seq(), row.epochMillis(), row.stepTimeMillis(), row.voltage(), row.current(),
                row.workingElectrodePotential(), row.temperature(), row.cycle(), row.stepNumber(), row.stepLine(),
                row.stepKind());
    }

    private void grow() {
        int size = Math.max(16, epochMillis.length * 2);
        epochMillis = Arrays.copyOf(epochMillis, size);
        stepTimeMillis = Arrays.copyOf(stepTimeMillis, size);
        voltage = Arrays.copyOf(voltage, size);
        current = Arrays.copyOf(current, size);
        workingElectrodePotential = Arrays.copyOf(workingElectrodePotential, size);
        temperature = Arrays.copyOf(temperature, size);
        cycle = Arrays.copyOf(cycle, size);
        stepNumber = Arrays.copyOf(stepNumber, size);
        stepLine = Arrays.copyOf(stepLine, size);
        stepKind = Arrays.copyOf(stepKind, size);
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

    public long epochMillis(int k) {
        return epochMillis[k];
    }

    public long stepTimeMillis(int k) {
        return stepTimeMillis[k];
    }

    public double voltage(int k) {
        return voltage[k];
    }

    public double current(int k) {
        return current[k];
    }

    public double workingElectrodePotential(int k) {
        return workingElectrodePotential[k];
    }

    public double temperature(int k) {
        return temperature[k];
    }

    public int cycle(int k) {
        return cycle[k];
    }

    public int stepNumber(int k) {
        return stepNumber[k];
    }

    public int stepLine(int k) {
        return stepLine[k];
    }

    public StepKind stepKind(int k) {
        return stepKind[k];
    }

    /** Sample {@code k} as the readers of the store see it. */
    public StoredSample sample(int k) {
        return new StoredSample(firstSeq + k, epochMillis[k], stepTimeMillis[k], voltage[k], current[k],
                workingElectrodePotential[k], temperature[k], cycle[k], stepNumber[k], stepLine[k], stepKind[k]);
    }

    /** The smallest and largest step number in the block, for the index columns; undefined when empty. */
    public int minStepNumber() {
        int min = Integer.MAX_VALUE;
        for (int k = 0; k < count; k++) {
            min = Math.min(min, stepNumber[k]);
        }
        return min;
    }

    public int maxStepNumber() {
        int max = Integer.MIN_VALUE;
        for (int k = 0; k < count; k++) {
            max = Math.max(max, stepNumber[k]);
        }
        return max;
    }

    /** The first sample stamped at or after {@code millis}, or {@code count()} if none is. */
    int firstAtOrAfter(long millis) {
        int k = 0;
        while (k < count && epochMillis[k] < millis) {
            k++;
        }
        return k;
    }

    /** The last sample stamped at or before {@code millis}, or −1 if none is. */
    int lastAtOrBefore(long millis) {
        int k = count - 1;
        while (k >= 0 && epochMillis[k] > millis) {
            k--;
        }
        return k;
    }

    /** The first sample of the step, or −1 if the block has none of it. */
    int firstOfStep(int step) {
        for (int k = 0; k < count; k++) {
            if (stepNumber[k] == step) {
                return k;
            }
        }
        return -1;
    }
}
