package org.no3rr.station.store;

import org.no3rr.engine.EngineEvent;

/**
 * An engine event as the run's history stores it: what happened, in words, and when. It travels to
 * the database with the decision that raised it ({@link RunProgress}), so the history never runs
 * ahead of the samples: after a power cut a step's end is there exactly when the sample that ended it is.
 */
public record DecisionEvent(long epochMillis, String kind, String message) {

    public static DecisionEvent of(EngineEvent event) {
        return new DecisionEvent(event.epochMillis(), kindOf(event), describe(event));
    }

    /** The event's kind in the run's history ({@link RunEvent}'s constants). */
    static String kindOf(EngineEvent event) {
        if (event instanceof EngineEvent.RunEnded ended) {
            return switch (ended.state()) {
                case STOPPED -> RunEvent.STOPPED;
                case FAULTED -> RunEvent.FAULT;
                default -> RunEvent.FINISHED;
            };
        }
        if (event instanceof EngineEvent.StepStarted) {
            return RunEvent.STEP_STARTED;
        }
        if (event instanceof EngineEvent.StepEnded) {
            return RunEvent.STEP_ENDED;
        }
        if (event instanceof EngineEvent.PromptRaised) {
            return RunEvent.PROMPT;
        }
        if (event instanceof EngineEvent.PromptAnswered) {
            return RunEvent.ANSWER;
        }
        return event instanceof EngineEvent.Paused ? RunEvent.PAUSED : RunEvent.RESUMED;
    }

    /** The event in words, as the run's history shows it. */
    static String describe(EngineEvent event) {
        if (event instanceof EngineEvent.StepStarted s) {
            return "step " + s.stepNumber() + " (protocol line " + s.stepLine() + "), cycle " + s.cycle() + ": "
                    + s.text();
        }
        if (event instanceof EngineEvent.StepEnded s) {
            return "step " + s.stepNumber() + " ended: " + s.reason();
        }
        if (event instanceof EngineEvent.PromptRaised p) {
            return p.prompt();
        }
        if (event instanceof EngineEvent.PromptAnswered a) {
            return a.answer();
        }
        if (event instanceof EngineEvent.Paused p) {
            return p.reason();
        }
        if (event instanceof EngineEvent.Resumed r) {
            return r.reason() + "; the time since the last reading is not step time and carries no charge";
        }
        return ((EngineEvent.RunEnded) event).reason();
    }
}
