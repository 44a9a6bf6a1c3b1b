package org.no3rr.engine;

/** A request to a running run from outside: a person, or the station shutting down. */
public sealed interface RunControl {

    /** Pause: the channel goes safe and the step clock stands still. */
    record Pause() implements RunControl {
    }

    /** Resume a paused run. */
    record Resume() implements RunControl {
    }

    /** End the run now as STOPPED. */
    record Stop(String reason) implements RunControl {
    }

    /** The answer to the pending {@code Ask}. */
    record Answer(String text) implements RunControl {
    }

    /** The station is shutting down: leave the run as it is, to resume at the next start. */
    record Shutdown() implements RunControl {
    }
}
