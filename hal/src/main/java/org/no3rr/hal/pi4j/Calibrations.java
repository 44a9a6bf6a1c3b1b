package org.no3rr.hal.pi4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.no3rr.hal.board.BoardFile;
import org.no3rr.hal.board.ChannelSpec;
import org.no3rr.hal.instrument.TwoPointCalibration;

/**
 * The station's stored calibrations, keyed {@code "<channel>.<path>"} with path {@code voltage},
 * {@code current} or (H-cell) {@code potential}. A path without an entry is uncalibrated (identity);
 * a key that names no path of the board is rejected, because a typo would otherwise silently leave
 * a channel uncalibrated.
 */
final class Calibrations {

    private final Map<String, TwoPointCalibration> byPath;

    Calibrations(BoardFile board, Map<String, TwoPointCalibration> byPath) {
        Set<String> known = paths(board);
        List<String> unknown = new ArrayList<>();
        byPath.keySet().stream().filter(k -> !known.contains(k)).sorted().forEach(unknown::add);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("calibration keys " + unknown + " name no analog path of board "
                    + board.name() + "; allowed: " + known);
        }
        this.byPath = Map.copyOf(byPath);
    }

    TwoPointCalibration of(String channelId, String path) {
        return byPath.getOrDefault(channelId + "." + path, TwoPointCalibration.identity());
    }

    /** Every calibratable path of a board: "ch1.voltage", "ch1.current", "ch3.potential", … */
    static Set<String> paths(BoardFile board) {
        Set<String> paths = new TreeSet<>();
        for (ChannelSpec c : board.channels()) {
            paths.add(c.id() + ".voltage");
            paths.add(c.id() + ".current");
            c.potentiostat().ifPresent(p -> paths.add(c.id() + ".potential"));
        }
        return paths;
    }
}
