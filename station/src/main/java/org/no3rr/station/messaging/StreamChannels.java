package org.no3rr.station.messaging;

/** Names of the station's reactive-messaging channels. */
public final class StreamChannels {

    /** Runs' progress (samples, summaries, engine states), from the channel runners to the batched writer. */
    public static final String SAMPLES = "samples";

    private StreamChannels() {
    }
}
