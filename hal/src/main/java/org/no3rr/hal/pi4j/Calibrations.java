package org.no3rr.hal.pi4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.no3rr.hal.board.BoardFile;
import org.no3rr.hal.board.ChannelSpec;
import org.no3rr.hal.instrument.LiveCalibration;
import org.no3rr.hal.instrument.TwoPointCalibration;

/**
 * The calibrations in force on a rig, keyed {@code "<channel>.<path>"}: the readings {@code voltage},
 * {@code current} and (H-cell) {@code potential}, and the outputs {@code current-source} and
 * (H-cell) {@code potential-control}. A path without an entry is uncalibrated (identity). Each path
 * has one {@link LiveCalibration} shared with its instrument, so {@link #set} applies from the next
 * reading or setpoint. A key that names no path of the board is rejected, because a typo would
 * otherwise silently leave a channel uncalibrated.
 */
final class Calibrations {

    static final String VOLTAGE = "voltage";
    static final String CURRENT = "current";
    static final String POTENTIAL = "potential";
    static final String CURRENT_SOURCE = "current-source";
    static final String POTENTIAL_CONTROL = "potential-control";

    private final String board;
    private final Map<String, LiveCalibration> byPath = new TreeMap<>();

    Calibrations(BoardFile board, Map<String, TwoPointCalibration> initial) {
        this.board = board.name();
        for (String path : paths(board)) {
            byPath.put(path, new LiveCalibration(initial.getOrDefault(path, TwoPointCalibration.identity())));
        }
        List<String> unknown = new ArrayList<>();
        initial.keySet().stream().filter(k -> !byPath.containsKey(k)).sorted().forEach(unknown::add);
        if (!unknown.isEmpty()) {
            throw unknownKeys(unknown);
        }
    }

    /** The live calibration of a path, shared with the instrument that applies it. */
    LiveCalibration slot(String channelId, String path) {
        LiveCalibration slot = byPath.get(channelId + "." + path);
        if (slot == null) {
            throw unknownKeys(List.of(channelId + "." + path));
        }
        return slot;
    }

    /** Puts {@code line} in force for the path {@code key}, from the next reading or setpoint. */
    void set(String key, TwoPointCalibration line) {
        LiveCalibration slot = byPath.get(key);
        if (slot == null) {
            throw unknownKeys(List.of(key));
        }
        slot.set(line);
    }

    TwoPointCalibration get(String key) {
        LiveCalibration slot = byPath.get(key);
        if (slot == null) {
            throw unknownKeys(List.of(key));
        }
        return slot.get();
    }

    private IllegalArgumentException unknownKeys(List<String> keys) {
        return new IllegalArgumentException("calibration keys " + keys + " name no path of board " + board
                + "; allowed: " + byPath.keySet());
    }

    /** Every calibratable path of a board: "ch1.current", "ch1.current-source", "ch1.voltage", "ch3.potential", … */
    static Set<String> paths(BoardFile board) {
        Set<String> paths = new TreeSet<>();
        for (ChannelSpec c : board.channels()) {
            paths.add(c.id() + "." + VOLTAGE);
            paths.add(c.id() + "." + CURRENT);
            paths.add(c.id() + "." + CURRENT_SOURCE);
            c.potentiostat().ifPresent(p -> {
                paths.add(c.id() + "." + POTENTIAL);
                paths.add(c.id() + "." + POTENTIAL_CONTROL);
            });
        }
        return paths;
    }
}
