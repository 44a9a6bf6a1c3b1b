package org.no3rr.station.calibration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.no3rr.engine.Command;
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
 * The guided two-point calibration of a channel's paths on the Pi4J backend. For a reading the
 * operator applies a known value (or lets the station drive a known current) and the station
 * records its nominal reading next to it; for an output the station drives a nominal command into a
 * dummy load or cell and records what is measured. Twice; then the line through the two points is
 * stored for this board ({@code board.id}) and is in force from the next reading or setpoint.
 *
 * <p>One procedure step at a time (the methods are synchronized): a step reads the hardware for
 * a few tens of milliseconds, or a settling time when it drives. Refused while the channel runs a
 * run, whose readings and setpoints it would disturb.
 */
@ApplicationScoped
public class AnalogCalibrationService {

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
        return new ChannelCalibration(channelId, pi4j.name(), pi4j.boardId(), paths);
    }

    /**
     * Records one point of a path.
     *
     * @param trueValue     a reading: what the reference meter shows (required); an output: what an
     *                      external meter shows, or null to take the channel's own calibrated reading
     * @param driveCurrentA the current path only: a current to drive (relay closed) while reading, or null
     * @param commanded     an output only: the nominal current or potential to drive (required)
     */
    public synchronized PathCalibration recordPoint(String channelId, String pathId, Double trueValue, Double driveCurrentA,
                                                    Double commanded) {
        Pi4jStationBackend pi4j = pi4j();
        StationChannel channel = channel(channelId);
        AnalogPath path = path(channel, pathId);
        requireIdle(channelId);
        List<CalibrationPoint> points = pending.computeIfAbsent(path.key(channelId), k -> new ArrayList<>());
        if (points.size() == 2) {
            throw new ConflictException(path.key(channelId) + " has its two points already; POST .../apply to use them, "
                    + "or DELETE .../points to start again");
        }
        CalibrationPoint point = path.isOutput()
                ? outputPoint(pi4j, channel, path, trueValue, driveCurrentA, commanded)
                : readingPoint(pi4j, channel, path, trueValue, driveCurrentA, commanded);
        requireIdle(channelId);
        points.add(point);
        return view(pi4j, channelId, path);
    }

    private CalibrationPoint readingPoint(Pi4jStationBackend pi4j, StationChannel channel, AnalogPath path, Double trueValue,
                                          Double driveCurrentA, Double commanded) {
        requireFinite("trueValue", trueValue, "trueValue is required, a finite number in " + path.unit()
                + ": what the reference meter shows, e.g. {\"trueValue\": 1.000}");
        if (commanded != null) {
            throw new InvalidRequestException("commanded", "commanded applies to the outputs current-source and"
                    + " potential-control; to calibrate the reading " + path.id() + ", leave it out");
        }
        if (driveCurrentA != null && path != AnalogPath.CURRENT) {
            throw new InvalidRequestException("driveCurrentA", "driveCurrentA applies to the current path only; to calibrate "
                    + path.id() + ", connect the reference source to the channel's inputs and leave driveCurrentA out");
        }
        Measurement m = driveCurrentA == null ? CalibrationDrive.read(channel)
                : CalibrationDrive.driving(channel, new Command.ApplyCurrent(driveCurrentA), "driveCurrentA",
                        path.key(channel.id()));
        TwoPointCalibration active = pi4j.activeCalibration(channel.id(), path);
        double nominal = active.nominalFor(path.valueIn(m));
        return new CalibrationPoint(nominal, trueValue, now(channel), driveCurrentA);
    }

    private CalibrationPoint outputPoint(Pi4jStationBackend pi4j, StationChannel channel, AnalogPath path, Double trueValue,
                                         Double driveCurrentA, Double commanded) {
        requireFinite("commanded", commanded, "commanded is required, a finite number in " + path.unit() + ": the nominal "
                + (path == AnalogPath.CURRENT_SOURCE ? "current to drive into a dummy load, e.g. {\"commanded\": -0.04}"
                        : "potential to hold on a dummy cell, e.g. {\"commanded\": -0.8}"));
        if (driveCurrentA != null) {
            throw new InvalidRequestException("driveCurrentA", "driveCurrentA applies to the current reading; for the "
                    + path.id() + " output give commanded");
        }
        if (trueValue != null && !Double.isFinite(trueValue)) {
            throw new InvalidRequestException("trueValue", "trueValue, if given, must be a finite number in " + path.unit()
                    + ": what an external meter shows; it was " + trueValue);
        }
        // The output applies its line to what it is asked for; asking for line(commanded) commands commanded.
        double asked = pi4j.activeCalibration(channel.id(), path).apply(commanded);
        Command command = path == AnalogPath.CURRENT_SOURCE ? new Command.ApplyCurrent(asked) : new Command.HoldPotential(asked);
        Measurement m = CalibrationDrive.driving(channel, command, "commanded", path.key(channel.id()));
        double measured = trueValue != null ? trueValue : path.valueIn(m);
        return new CalibrationPoint(commanded, measured, now(channel), null);
    }

    /** Computes the line through the two recorded points, stores it for this board and puts it in force. */
    public synchronized PathCalibration apply(String channelId, String pathId) {
        Pi4jStationBackend pi4j = pi4j();
        StationChannel channel = channel(channelId);
        AnalogPath path = path(channel, pathId);
        requireIdle(channelId);
        List<CalibrationPoint> points = pending.getOrDefault(path.key(channelId), List.of());
        if (points.size() != 2) {
            throw new ConflictException(path.key(channelId) + " has " + points.size() + " of 2 points; POST .../points "
                    + (path.isOutput() ? "{\"commanded\": …}" : "{\"trueValue\": …}") + " at "
                    + (points.isEmpty() ? "two levels" : "a second level") + " far apart, e.g. 10 % and 90 % of the range");
        }
        CalibrationPoint a = points.get(0);
        CalibrationPoint b = points.get(1);
        TwoPointCalibration line;
        try {
            line = TwoPointCalibration.fromPoints(a.nominal(), a.trueValue(), b.nominal(), b.trueValue());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("points", e.getMessage() + "; DELETE .../points and record them again");
        }
        put(pi4j, channel, path, line, points);
        pending.remove(path.key(channelId));
        return view(pi4j, channelId, path);
    }

    /** Stores and puts in force the identity line (no correction), and drops any recorded points. */
    public synchronized PathCalibration reset(String channelId, String pathId) {
        Pi4jStationBackend pi4j = pi4j();
        StationChannel channel = channel(channelId);
        AnalogPath path = path(channel, pathId);
        requireIdle(channelId);
        put(pi4j, channel, path, TwoPointCalibration.identity(), List.of());
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

    private void put(Pi4jStationBackend pi4j, StationChannel channel, AnalogPath path, TwoPointCalibration line,
                     List<CalibrationPoint> points) {
        store.add(new StoredCalibration(channel.id(), path, line.gain(), line.offset(), points, now(channel), pi4j.boardId()));
        pi4j.applyCalibration(channel.id(), path, line);
    }

    private PathCalibration view(Pi4jStationBackend pi4j, String channelId, AnalogPath path) {
        TwoPointCalibration active = pi4j.activeCalibration(channelId, path);
        PathCalibration.Stored stored = store.latest(pi4j.boardId(), channelId, path)
                .map(s -> new PathCalibration.Stored(s.gain(), s.offset(), s.points(), s.createdAt(), s.boardId()))
                .orElse(null);
        String elsewhere = stored != null ? null : store.latestOnAnyBoard(channelId, path)
                .map(s -> s.boardId() == null ? "before boards were identified" : "on board " + s.boardId()).orElse(null);
        List<CalibrationPoint> points = List.copyOf(pending.getOrDefault(path.key(channelId), List.of()));
        return new PathCalibration(channelId, path.id(), path.unit(), path.isOutput(),
                new PathCalibration.Line(active.gain(), active.offset()), stored, elsewhere != null, points,
                next(pi4j, path, points.size(), elsewhere));
    }

    private static String next(Pi4jStationBackend pi4j, AnalogPath path, int points, String elsewhere) {
        return switch (points) {
            case 0 -> (elsewhere == null ? "" : "the stored calibration of " + path.id() + " was measured " + elsewhere
                    + ", this is board " + pi4j.boardId() + ", so it is not used: calibrate again. ") + first(path);
            case 1 -> "a second point far from the first: " + first(path);
            default -> "POST .../apply to compute, store and use the calibration, or DELETE .../points to start again";
        };
    }

    private static String first(AnalogPath path) {
        return switch (path) {
            case CURRENT_SOURCE -> "connect a dummy load (e.g. 10 Ω) and POST .../points {\"commanded\": …}: the station"
                    + " drives that nominal current and records what the channel measures (add \"trueValue\" for an"
                    + " external ammeter's reading)";
            case POTENTIAL_CONTROL -> "connect a dummy cell and POST .../points {\"commanded\": …}: the station holds that"
                    + " nominal potential and records the working-electrode potential it measures (add \"trueValue\" for"
                    + " an external voltmeter's reading)";
            default -> "apply a known " + path.id() + " and POST .../points {\"trueValue\": …} with what the reference meter"
                    + " shows";
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
        return channels.channel(channelId).orElseThrow(() -> new NotFoundException(channels.noSuchChannel(channelId)));
    }

    private static AnalogPath path(StationChannel channel, String pathId) {
        return AnalogPath.find(pathId, channel.hardware().cellKind()).orElseThrow(() -> new InvalidRequestException("path",
                "path '" + pathId + "' is not a calibrated path of channel " + channel.id() + " (" + channel.model()
                        + "); allowed: " + AnalogPath.of(channel.hardware().cellKind()).stream().map(AnalogPath::id)
                        .collect(Collectors.joining(", "))));
    }

    private void requireIdle(String channelId) {
        channels.activeRunner(channelId).map(ChannelRunner::runId).ifPresent(run -> {
            throw new ConflictException("channel " + channelId + " is busy with run " + run
                    + "; calibrate it when no run is active");
        });
    }

    private static void requireFinite(String field, Double value, String what) {
        if (value == null || !Double.isFinite(value)) {
            throw new InvalidRequestException(field, what + "; it was " + value);
        }
    }

    private static Instant now(StationChannel channel) {
        return Instant.ofEpochMilli(channel.clock().millis());
    }
}
