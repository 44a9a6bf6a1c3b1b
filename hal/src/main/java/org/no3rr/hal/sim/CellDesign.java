package org.no3rr.hal.sim;

import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * How a simulated channel builds its cell: the configured parameters, how a run's setup changes
 * them, and the model built from them. Two setups that give the same parameters describe the same
 * cell, so a run that changes nothing continues the cell already mounted.
 *
 * @param <M> the cell model
 * @param <P> its parameter record (compared with {@code equals})
 */
final class CellDesign<M extends CellModel, P> {

    private final P configured;
    private final BiFunction<P, SimulatedCellSetup, P> forCell;
    private final Function<P, M> build;
    private final Function<M, P> parametersOf;

    CellDesign(P configured, BiFunction<P, SimulatedCellSetup, P> forCell, Function<P, M> build,
               Function<M, P> parametersOf) {
        this.configured = configured;
        this.forCell = forCell;
        this.build = build;
        this.parametersOf = parametersOf;
    }

    /** A fresh cell for {@code setup}; {@link SimulatedCellSetup#NONE} gives the configured cell. */
    M build(SimulatedCellSetup setup) {
        return build.apply(parametersFor(setup));
    }

    /** Whether {@code model} has exactly the parameters {@code setup} asks for. */
    boolean describes(M model, SimulatedCellSetup setup) {
        return parametersOf.apply(model).equals(parametersFor(setup));
    }

    private P parametersFor(SimulatedCellSetup setup) {
        return setup.equals(SimulatedCellSetup.NONE) ? configured : forCell.apply(configured, setup);
    }
}
