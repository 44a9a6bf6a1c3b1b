package org.no3rr.protocol;

import org.no3rr.cell.CellMetadata;

/**
 * What ends a step (as opposed to a {@link SafetyLimits safety limit}, which ends the run). A step
 * may have several; the first one met wins. Each step kind says which kinds of end it accepts.
 */
public sealed interface StepEnd {

    /** What an end measures. */
    enum Kind {
        TIME("time"), VOLTAGE("voltage"), CURRENT("current"), CAPACITY("capacity"), ENERGY("energy");

        private final String noun;

        Kind(String noun) {
            this.noun = noun;
        }

        public String noun() {
            return noun;
        }

        /** "a voltage", "an energy". */
        public String withArticle() {
            return (noun.startsWith("e") ? "an " : "a ") + noun;
        }
    }

    Kind kind();

    /** The step ends when it has run this long. */
    record AfterTime(long millis) implements StepEnd {
        public AfterTime {
            if (millis < 1 || millis > Quantity.LONGEST_MILLIS) {
                throw new LineProblem("a time must be from 1 ms to 10000 h, found " + millis + " ms",
                        CurrentStepReader.REST_EXAMPLE);
            }
        }

        @Override
        public Kind kind() {
            return Kind.TIME;
        }
    }

    /**
     * The step ends at a cell-voltage cut-off.
     *
     * @param volts   the cut-off in V
     * @param falling true when the step ends as the voltage falls to the cut-off ({@code < 2.5 V}, a
     *                discharge's default), false when it rises to it ({@code > 4.2 V}, a charge's)
     */
    record AtVoltage(double volts, boolean falling) implements StepEnd {
        @Override
        public Kind kind() {
            return Kind.VOLTAGE;
        }
    }

    /**
     * The step ends when the magnitude of its current crosses a threshold: the end of a
     * constant-voltage hold, {@code until 50 mA} or {@code until C/20}.
     *
     * @param current the threshold, a positive magnitude (absolute, per area or a C-rate)
     * @param falling true when the step ends as |I| falls to it (the default, as in PyBaMM), false
     *                when |I| rises to it ({@code until > 50 mA})
     */
    record AtCurrent(Current current, boolean falling) implements StepEnd {
        public AtCurrent {
            if (!(current.value() > 0)) {
                throw new LineProblem("a current end is a positive magnitude, found " + current.describe(),
                        VoltageStepReader.HOLD_EXAMPLE);
            }
        }

        /** The threshold in A for this cell (a magnitude). */
        public double amps(CellMetadata cell) {
            return current.toAmps(cell);
        }

        @Override
        public Kind kind() {
            return Kind.CURRENT;
        }
    }

    /** The step ends when the magnitude of the charge it passed reaches this, in C (1 mAh = 3.6 C). */
    record AtCapacity(double coulombs) implements StepEnd {
        public AtCapacity {
            if (!(coulombs > 0)) {
                throw new LineProblem("a capacity end must be positive, found " + Numbers.format(coulombs / 3.6)
                        + " mAh", CurrentStepReader.DISCHARGE_EXAMPLE);
            }
        }

        @Override
        public Kind kind() {
            return Kind.CAPACITY;
        }
    }

    /** The step ends when the energy it moved, ∫ V·|I| dt, reaches this, in J (1 mWh = 3.6 J). */
    record AtEnergy(double joules) implements StepEnd {
        public AtEnergy {
            if (!(joules > 0)) {
                throw new LineProblem("an energy end must be positive, found " + Numbers.format(joules / 3.6)
                        + " mWh", CurrentStepReader.DISCHARGE_EXAMPLE);
            }
        }

        @Override
        public Kind kind() {
            return Kind.ENERGY;
        }
    }

    /**
     * The end a quantity stands for.
     *
     * @param falling        for a voltage or current end, the direction written ({@code <} true,
     *                       {@code >} false), or null for the step's default
     * @param fallingDefault the step's default for a voltage end (true for a discharge)
     * @throws LineProblem when the quantity is no kind of end, or out of range
     */
    static StepEnd of(Quantity q, Boolean falling, boolean fallingDefault, String example) {
        return switch (q.kind()) {
            case TIME -> new AfterTime(q.millis(example));
            case VOLTAGE -> new AtVoltage(q.value(), falling == null ? fallingDefault : falling);
            case CURRENT, CURRENT_DENSITY, C_RATE -> new AtCurrent(Current.of(q), falling == null || falling);
            case CAPACITY -> new AtCapacity(q.value());
            case ENERGY -> new AtEnergy(q.value());
            default -> throw new LineProblem("a step cannot end at " + q.kind().described().replaceFirst(" such.*", "")
                    + ", found " + Numbers.format(q.value()) + " " + q.unitText(), example);
        };
    }
}
