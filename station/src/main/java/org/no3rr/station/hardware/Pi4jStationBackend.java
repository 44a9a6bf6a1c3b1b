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
import org.no3rr.hal.board.TemperatureSpec;
import org.no3rr.hal.clock.WallClock;
import org.no3rr.hal.instrument.TwoPointCalibration;
import org.no3rr.hal.mcp4725.Mcp4725Status;
import org.no3rr.hal.pi4j.ChipCheck;
import org.no3rr.hal.pi4j.DacRole;
import org.no3rr.hal.pi4j.Pi4jBackend;
import org.no3rr.hal.pi4j.Pi4jRig;
import org.no3rr.station.calibration.AnalogPath;
import org.no3rr.station.config.StationConfig;

/**
 * The real rig: the channels of a board file, driven through Pi4J by the hal's chip drivers, on
 * the wall clock. Opening it opens every relay, runs the hal's self-test (every configured chip
 * must answer as its part) and only then configures the chips; a self-test failure stops the
 * station's start-up with a message naming each chip, bus and address — a station that starts
 * with a channel missing is easy to overlook, a station that does not start is not.
 *
 * <p>Calibrations are those stored for the board file's {@code board.id}, and a new one applies at
 * once ({@link #applyCalibration}): the hal's instruments read a live line at every reading or
 * setpoint. The heartbeat toggles only while every running control loop is on time.
 *
 * <p>Safe state at exit: {@code ChannelManager}'s shutdown hook puts each of these channels in its
 * safe state (they are the rig's own {@link ChannelHardware} objects); the GPIO outputs are
 * configured with their open level as Pi4J's shutdown state; and once the JVM stops toggling the
 * heartbeat the hardware watchdog opens every relay.
 */
public final class Pi4jStationBackend implements HardwareBackend {

    public static final String NAME = "pi4j";

    private static final Logger LOG = Logger.getLogger(Pi4jStationBackend.class);

    /** Where the stored calibrations of a board come from. */
    @FunctionalInterface
    public interface StoredCalibrations {
        /** The lines in force on board {@code boardId}, keyed {@code "ch1.voltage"}. */
        Map<String, TwoPointCalibration> forBoard(String boardId);
    }

    private final BoardSource board;
    private final Context context;
    private final Pi4jRig rig;
    private final List<StationChannel> channels = new ArrayList<>();
    private final HeartbeatTicker heartbeat;

    private Pi4jStationBackend(BoardSource board, Context context, Pi4jRig rig, ControlLoopWatch watch) {
        this.board = board;
        this.context = context;
        this.rig = rig;
        WallClock clock = new WallClock();
        for (ChannelHardware hardware : rig.channels()) {
            ChannelSpec spec = board.board().channel(hardware.id());
            channels.add(new StationChannel(hardware.id(), hardware, clock, kindName(spec), () -> snapshot(spec), watch));
            if (spec.temperature().isEmpty()) {
                LOG.infof("Channel %s has no temperature sensor (channel.%s.temperature.sensor=none): its samples"
                        + " record no temperature", spec.id(), spec.id());
            }
        }
        this.heartbeat = rig.heartbeat().map(hb -> new HeartbeatTicker(hb, watch::onTime)).orElse(null);
        rig.selfTest().checks().stream().filter(ChipCheck::needsCommissioning).forEach(c -> LOG.warnf(
                "%s: the channel's relay stays open until it is commissioned (POST /api/channels/{id}/dacs/{role}/eeprom)",
                c.describe()));
        LOG.infof("Board '%s' (id %s, %s): self-test passed for %d chips, %d channels, watchdog heartbeat %s",
                board.board().name(), board.board().id(), board.path(), rig.selfTest().checks().size(), channels.size(),
                heartbeat == null ? "not configured" : "every " + rig.heartbeat().get().toggleIntervalMillis() + " ms");
    }

    /**
     * Loads the board file, opens the rig on a new context with the calibrations stored for its
     * board id, and starts the heartbeat.
     *
     * @throws IllegalStateException when {@code station.hal.board-file} is missing, unreadable or invalid
     * @throws HalException          when the rig fails to open, e.g. its self-test
     */
    public static Pi4jStationBackend start(StationConfig.Hal config, Pi4jContextFactory contexts, StoredCalibrations stored,
                                           ControlLoopWatch watch) {
        Path path = config.boardFile().orElseThrow(() -> new IllegalStateException(
                "station.hal.board-file is required with station.hal.backend=" + NAME
                        + ": the path of the rig's board file, e.g. /etc/no3rr/board.properties (keys in docs/hardware.md)"));
        BoardSource board = BoardSource.load(path);
        return open(board, contexts.create(), stored.forBoard(board.board().id()), watch);
    }

    static Pi4jStationBackend open(BoardSource board, Context context, Map<String, TwoPointCalibration> stored,
                                   ControlLoopWatch watch) {
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
            return new Pi4jStationBackend(board, context, rig, watch);
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

    /** The board file's {@code board.id}: the boards the calibrations belong to. */
    public String boardId() {
        return board.board().id();
    }

    /** The calibration a path carries now (identity when none was stored for this board). */
    public TwoPointCalibration activeCalibration(String channelId, AnalogPath path) {
        return rig.calibration(path.key(channelId));
    }

    /** Puts {@code line} in force for a path from its next reading or setpoint, while the channel runs or not. */
    public void applyCalibration(String channelId, AnalogPath path, TwoPointCalibration line) {
        rig.calibrate(path.key(channelId), line);
    }

    /** A fresh read of a channel's DAC in {@code role}. */
    public Mcp4725Status dacStatus(String channelId, DacRole role) {
        return rig.dacStatus(channelId, role);
    }

    /** Writes the safe power-up code into the DAC's EEPROM and waits for it (see {@link Pi4jRig#commissionDac}). */
    public Mcp4725Status commissionDac(String channelId, DacRole role) {
        return rig.commissionDac(channelId, role);
    }

    /** The board-file entry of a channel's DAC, e.g. "MCP4725 on bus 1 at 0x60 (channel.ch1.dac.address)". */
    public String describeDac(String channelId, DacRole role) {
        ChannelSpec spec = board.board().channel(channelId);
        var address = role == DacRole.CURRENT_SOURCE ? spec.currentDac().address()
                : spec.potentiostat().orElseThrow().setpointDac().address();
        return "MCP4725 on " + address + " (" + role.boardEntry(channelId) + ")";
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

    /** What a run started now records of its channel: the board, its entries and the calibrations in force. */
    private Map<String, Object> snapshot(ChannelSpec spec) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("backend", NAME);
        snapshot.put("channel", spec.id());
        snapshot.put("model", kindName(spec));
        snapshot.put("board", board.board().name());
        snapshot.put("boardId", board.board().id());
        snapshot.put("boardFile", board.path().toString());
        snapshot.put("boardFileSha256", board.sha256());
        snapshot.put("boardEntries", board.entriesOf(spec.id()));
        snapshot.put("temperature", spec.temperature().map(Pi4jStationBackend::describe).orElse("none"));
        Map<String, Object> calibrated = new TreeMap<>();
        for (AnalogPath path : AnalogPath.of(spec.kind())) {
            TwoPointCalibration c = activeCalibration(spec.id(), path);
            calibrated.put(path.id(), Map.of("gain", c.gain(), "offset", c.offset()));
        }
        snapshot.put("calibration", calibrated);
        return Map.copyOf(snapshot);
    }

    private static String describe(TemperatureSpec t) {
        String sensor = t instanceof TemperatureSpec.Thermistor ? "thermistor" : "linear sensor";
        return sensor + " on ADS1115 " + t.adc() + ", " + t.input().mux();
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
                LOG.warnf("Stored calibration %s names no path of board '%s'; it is kept but not used",
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
