package org.no3rr.station.hardware;

import com.pi4j.context.Context;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.jboss.logging.Logger;
import org.no3rr.hal.ChannelHardware;
import org.no3rr.hal.HalException;
import org.no3rr.hal.board.ChannelSpec;
import org.no3rr.hal.clock.WallClock;
import org.no3rr.hal.instrument.TwoPointCalibration;
import org.no3rr.hal.pi4j.Pi4jBackend;
import org.no3rr.hal.pi4j.Pi4jRig;
import org.no3rr.station.calibration.AnalogPath;
import org.no3rr.station.config.StationConfig;

/**
 * The real rig: the channels of a board file, driven through Pi4J by the hal's chip drivers, on
 * the wall clock. Opening it opens every relay, runs the hal's self-test (every configured chip
 * must answer at its address) and only then configures the chips; a self-test failure stops the
 * station's start-up with a message naming each chip, bus and address — a station that starts
 * with a channel missing is easy to overlook, a station that does not start is not.
 *
 * <p>Calibrations are fixed when the rig opens: the hal's instruments are immutable, so a new
 * calibration applies from the next start. The backend remembers what it opened with, so the
 * calibration procedure can recover the nominal (uncalibrated) reading of a path.
 *
 * <p>Safe state at exit: {@code ChannelManager}'s shutdown hook puts each of these channels in its
 * safe state (they are the rig's own {@link ChannelHardware} objects); the GPIO outputs are
 * configured with their open level as Pi4J's shutdown state; and once the JVM stops toggling the
 * heartbeat the hardware watchdog opens every relay.
 */
public final class Pi4jStationBackend implements HardwareBackend {

    public static final String NAME = "pi4j";

    private static final Logger LOG = Logger.getLogger(Pi4jStationBackend.class);

    private final BoardSource board;
    private final Context context;
    private final Pi4jRig rig;
    private final Map<String, TwoPointCalibration> calibrations;
    private final List<StationChannel> channels = new ArrayList<>();
    private final HeartbeatTicker heartbeat;

    private Pi4jStationBackend(BoardSource board, Context context, Pi4jRig rig, Map<String, TwoPointCalibration> calibrations) {
        this.board = board;
        this.context = context;
        this.rig = rig;
        this.calibrations = Map.copyOf(calibrations);
        WallClock clock = new WallClock();
        for (ChannelHardware hardware : rig.channels()) {
            ChannelSpec spec = board.board().channel(hardware.id());
            channels.add(new StationChannel(hardware.id(), hardware, clock, kindName(spec), snapshot(spec)));
        }
        this.heartbeat = rig.heartbeat().map(HeartbeatTicker::new).orElse(null);
        LOG.infof("Board '%s' (%s): self-test passed for %d chips, %d channels, watchdog heartbeat %s",
                board.board().name(), board.path(), rig.selfTest().checks().size(), channels.size(),
                heartbeat == null ? "not configured" : "every " + rig.heartbeat().get().toggleIntervalMillis() + " ms");
    }

    /**
     * Loads the board file, opens the rig on a new context and starts the heartbeat.
     *
     * @param stored calibrations by hal key ({@code "ch1.voltage"}); keys of paths the board does not
     *               have (a channel removed from the board file) are left out with a warning
     * @throws IllegalStateException when {@code station.hal.board-file} is missing, unreadable or invalid
     * @throws HalException          when the rig fails to open, e.g. its self-test
     */
    public static Pi4jStationBackend start(StationConfig.Hal config, Pi4jContextFactory contexts,
                                           Map<String, TwoPointCalibration> stored) {
        Path path = config.boardFile().orElseThrow(() -> new IllegalStateException(
                "station.hal.board-file is required with station.hal.backend=" + NAME
                        + ": the path of the rig's board file, e.g. /etc/no3rr/board.properties (keys in docs/hardware.md)"));
        return open(BoardSource.load(path), contexts.create(), stored);
    }

    static Pi4jStationBackend open(BoardSource board, Context context, Map<String, TwoPointCalibration> stored) {
        Map<String, TwoPointCalibration> usable = usable(board, stored);
        Pi4jRig rig;
        try {
            rig = Pi4jBackend.open(board.board(), context, usable);
        } catch (RuntimeException e) {
            attempt(context::shutdown, e);
            throw new HalException("station.hal.backend=" + NAME + ": the rig of board file " + board.path()
                    + " could not be opened; check the wiring and the addresses in the board file. " + e.getMessage(), e);
        }
        try {
            return new Pi4jStationBackend(board, context, rig, usable);
        } catch (RuntimeException e) {
            attempt(rig::close, e);
            attempt(context::shutdown, e);
            throw e;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<StationChannel> channels() {
        return List.copyOf(channels);
    }

    /** The calibration a path's readings carry since start (identity when none was stored). */
    public TwoPointCalibration activeCalibration(String channelId, AnalogPath path) {
        return calibrations.getOrDefault(path.key(channelId), TwoPointCalibration.identity());
    }

    /** Heartbeat edges since start; empty when the board file has no {@code watchdog.pin}. */
    public OptionalLong heartbeatEdges() {
        return heartbeat == null ? OptionalLong.empty() : OptionalLong.of(heartbeat.edges());
    }

    /** Stops the heartbeat, closes the rig (safe state, pins and buses given back), then the context. */
    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        if (heartbeat != null) {
            attempt(heartbeat::close, failures);
        }
        attempt(rig::close, failures);
        attempt(context::shutdown, failures);
        for (RuntimeException failure : failures) {
            LOG.errorf(failure, "Closing the Pi4J backend: %s", failure.getMessage());
        }
    }

    private Map<String, Object> snapshot(ChannelSpec spec) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("backend", NAME);
        snapshot.put("channel", spec.id());
        snapshot.put("model", kindName(spec));
        snapshot.put("board", board.board().name());
        snapshot.put("boardFile", board.path().toString());
        snapshot.put("boardFileSha256", board.sha256());
        snapshot.put("boardEntries", board.entriesOf(spec.id()));
        Map<String, Object> calibrated = new TreeMap<>();
        for (AnalogPath path : AnalogPath.of(spec.kind())) {
            TwoPointCalibration c = activeCalibration(spec.id(), path);
            calibrated.put(path.id(), Map.of("gain", c.gain(), "offset", c.offset()));
        }
        snapshot.put("calibration", calibrated);
        return Map.copyOf(snapshot);
    }

    /** The board-file name of a channel's kind, the same words as the simulator's models. */
    private static String kindName(ChannelSpec spec) {
        return switch (spec.kind()) {
            case ZN_NITRATE_BATTERY -> SimulatedBackend.BATTERY_MODEL;
            case H_CELL_ELECTROLYSIS -> SimulatedBackend.H_CELL_MODEL;
        };
    }

    private static Map<String, TwoPointCalibration> usable(BoardSource board, Map<String, TwoPointCalibration> stored) {
        Map<String, TwoPointCalibration> usable = new HashMap<>();
        for (ChannelSpec spec : board.board().channels()) {
            for (AnalogPath path : AnalogPath.of(spec.kind())) {
                TwoPointCalibration c = stored.get(path.key(spec.id()));
                if (c != null) {
                    usable.put(path.key(spec.id()), c);
                }
            }
        }
        stored.keySet().stream().filter(k -> !usable.containsKey(k)).sorted().forEach(k ->
                LOG.warnf("Stored calibration %s names no analog path of board '%s'; it is kept but not used",
                        k, board.board().name()));
        return usable;
    }

    private static void attempt(Runnable action, RuntimeException cause) {
        try {
            action.run();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private static void attempt(Runnable action, List<RuntimeException> failures) {
        try {
            action.run();
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }
}
