package org.no3rr.engine;

import java.util.List;

/**
 * What the engine decided after one reading.
 *
 * @param state               the engine's state after this reading; serialisable for resuming
 * @param commands            hardware commands to apply now, in order
 * @param events              what happened, for the run's history
 * @param sample              the reading labelled with its step and cycle if it is to be recorded, else null
 * @param nextReadingAtMillis when the executor should take the next reading (a step's time end
 *                            falls exactly on a reading); only meaningful while the state is
 *                            RUNNING — otherwise one reading interval after this decision
 */
public record Decision(EngineState state, List<Command> commands, List<EngineEvent> events,
                       RecordedSample sample, long nextReadingAtMillis) {

    public Decision {
        commands = List.copyOf(commands);
        events = List.copyOf(events);
    }

    public boolean recorded() {
        return sample != null;
    }
}
