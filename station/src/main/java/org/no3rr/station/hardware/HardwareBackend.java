package org.no3rr.station.hardware;

import java.util.List;

/** Provides the station's channels from one kind of hardware (the simulator, or Pi4J boards). */
public interface HardwareBackend extends AutoCloseable {

    /** Name used in configuration ({@code station.hal.backend}) and in run snapshots. */
    String name();

    /** The channels, in the order of {@code GET /api/channels}. */
    List<StationChannel> channels();

    @Override
    void close();
}
