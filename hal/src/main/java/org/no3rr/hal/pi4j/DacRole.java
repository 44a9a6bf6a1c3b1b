package org.no3rr.hal.pi4j;

import java.util.Arrays;
import java.util.Optional;

/** What a channel's MCP4725 drives: the current source, or (H-cell) the potentiostat's setpoint. */
public enum DacRole {
    CURRENT_SOURCE("current-source", "dac.address"),
    POTENTIAL_CONTROL("potential-control", "potential.dac.address");

    private final String id;
    private final String boardEntry;

    DacRole(String id, String boardEntry) {
        this.id = id;
        this.boardEntry = boardEntry;
    }

    /** The name in URLs and calibration keys: {@code current-source}, {@code potential-control}. */
    public String id() {
        return id;
    }

    /** The board-file entry of a channel's DAC in this role, e.g. {@code channel.ch3.potential.dac.address}. */
    public String boardEntry(String channelId) {
        return "channel." + channelId + "." + boardEntry;
    }

    public static Optional<DacRole> find(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }
}
