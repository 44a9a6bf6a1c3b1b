package org.no3rr.station.store;

import java.util.Arrays;

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
    private double[] voltage;
    private double[] current;
    private double[] workingElectrodePotential;
    private double[] temperature;
    private int[] cycle;
    private int[] stepNumber;
    private int[] stepIndex;
    private String[] stepType;

    /** An empty block whose first sample will be numbered {@code firstSeq}. */
    public SampleBlock(long firstSeq, int capacity) {
        this.firstSeq = firstSeq;
        int size = Math.max(capacity, 1);
        epochMillis = new long[size];
        voltage = new double[size];
        current = new double[size];
        workingElectrodePotential = new double[size];
        temperature = new double[size];
        cycle = new int[size];
        stepNumber = new int[size];
        stepIndex = new int[size];
        stepType = new String[size];
    }

    /** A block over columns already filled, as {@link SampleBlockCodec} decodes them; the arrays are taken, not copied. */
    SampleBlock(long firstSeq, int count, long[] epochMillis, double[] voltage, double[] current,
                double[] workingElectrodePotential, double[] temperature, int[] cycle, int[] stepNumber,
                int[] stepIndex, String[] stepType) {
        this.firstSeq = firstSeq;
        this.count = count;
        this.epochMillis = epochMillis;
        this.voltage = voltage;
        this.current = current;
        this.workingElectrodePotential = workingElectrodePotential;
        this.temperature = temperature;
        this.cycle = cycle;
        this.stepNumber = stepNumber;
        this.stepIndex = stepIndex;
        this.stepType = stepType;
    }

    /**
     * Appends the next sample.
     *
     * @throws IllegalArgumentException if its number does not follow the block's last one, or it has no step type
     */
    public void append(long seq, long millis, double v, double i, double we, double t, int cycleNumber, int step,
                       int index, String type) {
        if (seq != firstSeq + count) {
            throw new IllegalArgumentException("sample " + seq + " does not follow sample " + lastSeq()
                    + " in a block starting at " + firstSeq);
        }
        if (type == null) {
            throw new IllegalArgumentException("sample " + seq + " has no step type");
        }
        if (count == epochMillis.length) {
            grow();
        }
        epochMillis[count] = millis;
        voltage[count] = v;
        current[count] = i;
        workingElectrodePotential[count] = we;
        temperature[count] = t;
        cycle[count] = cycleNumber;
        stepNumber[count] = step;
        stepIndex[count] = index;
        stepType[count] = type;
        count++;
    }

    /** Appends a sample on its way to the database. */
    public void append(SampleRow row) {
        append(row.seq(), row.epochMillis(), row.voltage(), row.current(), row.workingElectrodePotential(),
                row.temperature(), row.cycle(), row.stepNumber(), row.stepIndex(), row.stepType());
    }

    private void grow() {
        int size = Math.max(16, epochMillis.length * 2);
        epochMillis = Arrays.copyOf(epochMillis, size);
        voltage = Arrays.copyOf(voltage, size);
        current = Arrays.copyOf(current, size);
        workingElectrodePotential = Arrays.copyOf(workingElectrodePotential, size);
        temperature = Arrays.copyOf(temperature, size);
        cycle = Arrays.copyOf(cycle, size);
        stepNumber = Arrays.copyOf(stepNumber, size);
        stepIndex = Arrays.copyOf(stepIndex, size);
        stepType = Arrays.copyOf(stepType, size);
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

    public int stepIndex(int k) {
        return stepIndex[k];
    }

    public String stepType(int k) {
        return stepType[k];
    }

    /** Sample {@code k} as the readers of the store see it. */
    public StoredSample sample(int k) {
        return new StoredSample(firstSeq + k, epochMillis[k], voltage[k], current[k], workingElectrodePotential[k],
                temperature[k], cycle[k], stepNumber[k], stepIndex[k], stepType[k]);
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
