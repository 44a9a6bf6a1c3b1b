package org.no3rr.station.store;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * Every per-sample value the store keeps: which {@link SampleRow} accessor it comes from and how
 * {@link SampleBlockCodec} packs it. The one place to add a column: a new field here is kept in
 * blocks, in the journal and in the database with no other change to the store, and blocks written
 * before it existed read its default. Its {@link #id} is written into every block, so it never changes.
 */
public final class SampleField {

    /** How a column is packed; chosen for how its values change from one sample to the next. */
    public enum Packing {
        /** A long that grows steadily (a time): the change of its difference, usually 0, one byte. */
        TIMELINE,
        /** A double, raw IEEE bits; left out of a block in which it is NaN for every sample. */
        DOUBLE,
        /** A whole number that changes a few times a block at most: runs of equal values. */
        STEPWISE,
        /** A short text that changes a few times a block at most: a dictionary and runs. */
        STEPWISE_TEXT
    }

    private static int longSlots;
    private static int doubleSlots;
    private static int textSlots;

    public static final SampleField TIME = timeline(1, "epochMillis", SampleRow::epochMillis);
    public static final SampleField VOLTAGE = doubles(2, "voltage", SampleRow::voltage);
    public static final SampleField CURRENT = doubles(3, "current", SampleRow::current);
    public static final SampleField WE_POTENTIAL = doubles(4, "workingElectrodePotential",
            SampleRow::workingElectrodePotential);
    public static final SampleField TEMPERATURE = doubles(5, "temperature", SampleRow::temperature);
    public static final SampleField CYCLE = stepwise(6, "cycle", SampleRow::cycle);
    public static final SampleField STEP_NUMBER = stepwise(7, "stepNumber", SampleRow::stepNumber);
    public static final SampleField STEP_LINE = stepwise(8, "stepLine", SampleRow::stepLine);
    public static final SampleField STEP_KIND = stepwiseText(9, "stepKind", row -> row.stepKind().wireName());
    /** The engine's step time: grows with the clock within a step, so it packs like a time. */
    public static final SampleField STEP_TIME = timeline(10, "stepTimeMillis", SampleRow::stepTimeMillis);

    /** In the order blocks write them. */
    public static final List<SampleField> ALL = List.of(TIME, STEP_TIME, VOLTAGE, CURRENT, WE_POTENTIAL, TEMPERATURE,
            CYCLE, STEP_NUMBER, STEP_LINE, STEP_KIND);

    static final int LONG_COLUMNS = longSlots;
    static final int DOUBLE_COLUMNS = doubleSlots;
    static final int TEXT_COLUMNS = textSlots;

    private final int id;
    private final String name;
    private final Packing packing;
    private final int slot;
    private final ToLongFunction<SampleRow> longValue;
    private final ToDoubleFunction<SampleRow> doubleValue;
    private final Function<SampleRow, String> textValue;

    private SampleField(int id, String name, Packing packing, int slot, ToLongFunction<SampleRow> longValue,
                        ToDoubleFunction<SampleRow> doubleValue, Function<SampleRow, String> textValue) {
        this.id = id;
        this.name = name;
        this.packing = packing;
        this.slot = slot;
        this.longValue = longValue;
        this.doubleValue = doubleValue;
        this.textValue = textValue;
    }

    private static SampleField timeline(int id, String name, ToLongFunction<SampleRow> value) {
        return new SampleField(id, name, Packing.TIMELINE, longSlots++, value, null, null);
    }

    private static SampleField stepwise(int id, String name, ToLongFunction<SampleRow> value) {
        return new SampleField(id, name, Packing.STEPWISE, longSlots++, value, null, null);
    }

    private static SampleField doubles(int id, String name, ToDoubleFunction<SampleRow> value) {
        return new SampleField(id, name, Packing.DOUBLE, doubleSlots++, null, value, null);
    }

    private static SampleField stepwiseText(int id, String name, Function<SampleRow, String> value) {
        return new SampleField(id, name, Packing.STEPWISE_TEXT, textSlots++, null, null, value);
    }

    /** The field written with {@code id}, or null for a field this version does not know. */
    static SampleField byId(int id) {
        for (SampleField field : ALL) {
            if (field.id == id) {
                return field;
            }
        }
        return null;
    }

    public int id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Packing packing() {
        return packing;
    }

    /** The column of this field among the block's columns of its kind (long, double or text). */
    int slot() {
        return slot;
    }

    boolean isLong() {
        return packing == Packing.TIMELINE || packing == Packing.STEPWISE;
    }

    long longOf(SampleRow row) {
        return longValue.applyAsLong(row);
    }

    double doubleOf(SampleRow row) {
        return doubleValue.applyAsDouble(row);
    }

    String textOf(SampleRow row) {
        return textValue.apply(row);
    }

    @Override
    public String toString() {
        return name;
    }
}
