package org.no3rr.station.calibration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.no3rr.hal.ChannelHardware;
import org.no3rr.hal.Measurement;
import org.no3rr.hal.instrument.TwoPointCalibration;
import org.no3rr.station.channel.ChannelManager;
import org.no3rr.station.channel.ChannelRunner;
import org.no3rr.station.hardware.HardwareBackend;
import org.no3rr.station.hardware.Pi4jStationBackend;
import org.no3rr.station.hardware.StationChannel;
import org.no3rr.station.service.ConflictException;
import org.no3rr.station.service.InvalidRequestException;
import org.no3rr.station.service.NotFoundException;

/**
 * The guided two-point calibration of a channel's analog paths on the Pi4J backend: the operator
 * applies a known value (or lets the station drive a known current), the station records its
 * nominal reading next to it, twice; then the line through the two points is stored. The hal's
 * instruments are immutable, so a stored line is used from the next start; until then the
 * readings keep the line the rig was opened with, and {@link PathCalibration#restartNeeded()} says so.
 *
 * <p>One procedure step at a time (the methods are synchronized): a step reads the hardware for
 * a few tens of milliseconds, or a settling time when it drives a current. Refused while the
 * channel runs a run, whose readings and setpoints it would disturb.
 */
@ApplicationScoped
public class AnalogCalibrationService {

    /**
     * How long a driven current settles before it is read: the Howland pump's RC filter (about
     * 10 ms) and one ADS1115 conversion (7.8 ms at 128 SPS) with a wide margin.
     */
    static final long SETTLE_MILLIS = 300;

    @Inject
    HardwareBackend backend;

    @Inject
    ChannelManager channels;

    @Inject
    AnalogCalibrationStore store;

    private final Map<String, List<CalibrationPoint>> pending = new HashMap<>();

    public synchronized ChannelCalibration calibration(String channelId) {
        Pi4jStationBackend pi4j = pi4j();
        StationChannel channel = channel(channelId);
        List<PathCalibration> paths = AnalogPath.of(channel.hardware().cellKind()).stream()
                .map(path -> view(pi4j, channelId, path)).toList();
        return new ChannelCalibration(channelId, pi4j.name(), paths);
    }

    /**
     * Reads the path once and records its nominal value next to {@code trueValue}.
     *
     * @param driveCurrentA for the current path: the current to drive (relay closed) while reading,
     *                      through the operator's reference ammeter; null to read without driving
     */
    public synchronized PathCalibration recordPoint(String channelId, String pathId, Double trueValue, Double driveCurrentA) {
        Pi4jStationBackend pi4j = pi4j();
        StationChannel channel = channel(channelId);
        AnalogPath path = path(channel, pathId);
        requireIdle(channelId);
        if (trueValue == null || !Double.isFinite(trueValue)) {
            throw new InvalidRequestException("trueValue", "trueValue is required, a finite number in " + path.unit()
                    + ": what the reference meter shows, e.g. {\"trueValue\": 1.000}; it was " + trueValue);
        }
        if (driveCurrentA != null && path != AnalogPath.CURRENT) {
            throw new InvalidRequestException("driveCurrentA", "driveCurrentA applies to the current path only; to calibrate "
                    + path.id() + ", connect the reference source to the channel's inputs and leave driveCurrentA out");
        }
        List<CalibrationPoint> points = pending.computeIfAbsent(path.key(channelId), k -> new ArrayList<>());
        if (points.size() == 2) {
            throw new ConflictException(path.key(channelId) + " has its two points already; POST .../apply to use them, "
                    + "or DELETE .../points to start again");
        }
        double reading = read(channel, path, driveCurrentA);
        requireIdle(channelId);
        TwoPointCalibration active = pi4j.activeCalibration(channelId, path);
        double nominal = (reading - active.offset()) / active.gain();
        points.add(new CalibrationPoint(nominal, trueValue, Instant.ofEpochMilli(channel.clock().millis()), driveCurrentA));
        return view(pi4j, channelId, path);
    }

    /** Computes the line through the two recorded points and stores it; it applies from the next start. */
    public synchronized PathCalibration apply(String channelId, String pathId) {
        Pi4jStationBackend pi4j = pi4j();
        StationChannel channel = channel(channelId);
        AnalogPath path = path(channel, pathId);
        requireIdle(channelId);
        List<CalibrationPoint> points = pending.getOrDefault(path.key(channelId), List.of());
        if (points.size() != 2) {
            throw new ConflictException(path.key(channelId) + " has " + points.size() + " of 2 points; POST .../points "
                    + "{\"trueValue\": …} at " + (points.isEmpty() ? "two levels" : "a second level") + " far apart, e.g. 10 % and 90 % of the range");
        }
        CalibrationPoint a = points.get(0);
        CalibrationPoint b = points.get(1);
        TwoPointCalibration line;
        try {
            line = TwoPointCalibration.fromPoints(a.nominal(), a.trueValue(), b.nominal(), b.trueValue());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("points", e.getMessage() + "; DELETE .../points and record them again");
        }
        store.add(new StoredCalibration(channelId, path, line.gain(), line.offset(), points, now(channel)));
        pending.remove(path.key(channelId));
        return view(pi4j, channelId, path);
    }

    /** Stores the identity line (no correction), from the next start, and drops any recorded points. */
    public synchronized PathCalibration reset(String channelId, String pathId) {
        Pi4jStationBackend pi4j = pi4j();
        StationChannel channel = channel(channelId);
        AnalogPath path = path(channel, pathId);
        requireIdle(channelId);
        TwoPointCalibration identity = TwoPointCalibration.identity();
        store.add(new StoredCalibration(channelId, path, identity.gain(), identity.offset(), List.of(), now(channel)));
        pending.remove(path.key(channelId));
        return view(pi4j, channelId, path);
    }

    /** Drops the points of a procedure in progress, to start it again. */
    public synchronized PathCalibration discardPoints(String channelId, String pathId) {
        Pi4jStationBackend pi4j = pi4j();
        AnalogPath path = path(channel(channelId), pathId);
        pending.remove(path.key(channelId));
        return view(pi4j, channelId, path);
    }

    /** One reading of the path, driving the current first if asked; the channel is left in its safe state. */
    private static double read(StationChannel channel, AnalogPath path, Double driveCurrentA) {
        ChannelHardware hardware = channel.hardware();
        if (driveCurrentA == null) {
            return path.valueIn(hardware.measure(channel.clock().millis()));
        }
        try {
            hardware.relay().connect();
            try {
                hardware.currentSource().setCurrent(driveCurrentA);
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("driveCurrentA", e.getMessage());
            }
            channel.clock().waitUntil(channel.clock().millis() + SETTLE_MILLIS);
            Measurement m = hardware.measure(channel.clock().millis());
            return path.valueIn(m);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConflictException("the reading of " + path.key(channel.id()) + " was interrupted; record the point again");
        } finally {
            hardware.toSafeState();
        }
    }

    private PathCalibration view(Pi4jStationBackend pi4j, String channelId, AnalogPath path) {
        TwoPointCalibration active = pi4j.activeCalibration(channelId, path);
        PathCalibration.Stored stored = store.latest(channelId, path)
                .map(s -> new PathCalibration.Stored(s.gain(), s.offset(), s.points(), s.createdAt())).orElse(null);
        boolean restartNeeded = stored != null && (stored.gain() != active.gain() || stored.offset() != active.offset());
        List<CalibrationPoint> points = List.copyOf(pending.getOrDefault(path.key(channelId), List.of()));
        return new PathCalibration(channelId, path.id(), path.unit(), new PathCalibration.Line(active.gain(), active.offset()),
                stored, restartNeeded, points, next(path, points.size(), restartNeeded));
    }

    private static String next(AnalogPath path, int points, boolean restartNeeded) {
        return switch (points) {
            case 0 -> restartNeeded
                    ? "restart the station to apply the stored calibration: calibrations are fixed when the rig opens"
                    : "apply a known " + path.id() + " and POST .../points {\"trueValue\": …} with what the reference meter shows";
            case 1 -> "apply a second known " + path.id() + " far from the first and POST .../points again";
            default -> "POST .../apply to compute and store the calibration, or DELETE .../points to start again";
        };
    }

    private Pi4jStationBackend pi4j() {
        if (backend instanceof Pi4jStationBackend pi4j) {
            return pi4j;
        }
        throw new ConflictException("calibration applies to the pi4j backend (station.hal.backend=pi4j); this station "
                + "runs the '" + backend.name() + "' backend, whose instruments need no calibration");
    }

    private StationChannel channel(String channelId) {
        return channels.channel(channelId).orElseThrow(() -> new NotFoundException("channel '" + channelId
                + "' does not exist; channels are " + channels.channels().stream().map(StationChannel::id).toList()));
    }

    private static AnalogPath path(StationChannel channel, String pathId) {
        return AnalogPath.find(pathId, channel.hardware().cellKind()).orElseThrow(() -> new InvalidRequestException("path",
                "path '" + pathId + "' is not an analog path of channel " + channel.id() + " (" + channel.model()
                        + "); allowed: " + AnalogPath.of(channel.hardware().cellKind()).stream().map(AnalogPath::id)
                        .collect(Collectors.joining(", "))));
    }

    private void requireIdle(String channelId) {
        channels.activeRunner(channelId).map(ChannelRunner::runId).ifPresent(run -> {
            throw new ConflictException("channel " + channelId + " is busy with run " + run
                    + "; calibrate it when no run is active");
        });
    }

    private static Instant now(StationChannel channel) {
        return Instant.ofEpochMilli(channel.clock().millis());
    }
}
