package org.no3rr.station.channel;

/** A person's request to a running channel, handled by its runner between two readings. */
public sealed interface RunControl {

    record Stop(String reason) implements RunControl {
    }

    record Pause() implements RunControl {
    }

    record Resume() implements RunControl {
    }

    record Answer(String text) implements RunControl {
    }

    /** The station stops: leave the channel safe and the run resumable, without ending it. */
    record Shutdown() implements RunControl {
    }
}
