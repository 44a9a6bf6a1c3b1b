package org.no3rr.hal.pi4j;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.no3rr.hal.ChannelHardware;
import org.no3rr.hal.HalException;
import org.no3rr.hal.board.BoardFile;
import org.no3rr.hal.i2c.I2cBus;
import org.no3rr.hal.instrument.TwoPointCalibration;
import org.no3rr.hal.mcp4725.Mcp4725Driver;
import org.no3rr.hal.mcp4725.Mcp4725Status;
import org.no3rr.hal.relay.GpioRelayBank;
import org.no3rr.hal.watchdog.GpioHeartbeat;

/**
 * A station's real hardware, opened from a board file by {@link Pi4jBackend#open}: its channels,
 * the watchdog heartbeat the station must keep toggling, and the self-test that passed on the way.
 * Calibrations can be replaced while it runs ({@link #calibrate}); a DAC's power-up code can be
 * commissioned ({@link #commissionDac}). {@link #close()} puts every channel in its safe state,
 * stops the heartbeat and gives the pins and buses back to the Pi4J context.
 */
public final class Pi4jRig implements AutoCloseable {

    private final BoardFile board;
    private final List<ChannelHardware> channels;
    private final Map<String, RigChannel> byId = new LinkedHashMap<>();
    private final GpioRelayBank relays;
    private final GpioHeartbeat heartbeat;
    private final SelfTestReport selfTest;
    private final Pi4jIo io;
    private final Calibrations calibrations;

    Pi4jRig(BoardFile board, List<RigChannel> channels, GpioRelayBank relays, GpioHeartbeat heartbeat,
            SelfTestReport selfTest, Pi4jIo io, Calibrations calibrations) {
        this.board = board;
        this.channels = channels.stream().map(RigChannel::hardware).toList();
        channels.forEach(c -> byId.put(c.hardware().id(), c));
        this.relays = relays;
        this.heartbeat = heartbeat;
        this.selfTest = selfTest;
        this.io = io;
        this.calibrations = calibrations;
    }

    public List<ChannelHardware> channels() {
        return channels;
    }

    public BoardFile board() {
        return board;
    }

    /** The calibration in force for {@code key} ("ch1.voltage", "ch3.potential-control", …). */
    public TwoPointCalibration calibration(String key) {
        return calibrations.get(key);
    }

    /**
     * Puts {@code line} in force for the path {@code key} from the next reading or setpoint, while
     * the channel runs or not.
     *
     * @throws IllegalArgumentException when the key names no path of the board, naming the allowed ones
     */
    public void calibrate(String key, TwoPointCalibration line) {
        calibrations.set(key, line);
    }

    /** Every path a calibration can be given for. */
    public Set<String> calibrationPaths() {
        return Calibrations.paths(board);
    }

    /**
     * A fresh read of a channel's DAC: its output code and the code its EEPROM powers it up at.
     *
     * @throws IllegalArgumentException when the channel has no DAC in that role
     */
    public Mcp4725Status dacStatus(String channelId, DacRole role) {
        return dac(channelId, role).readStatus();
    }

    /**
     * Writes the safe power-up code (mid-scale, normal mode) into a DAC's EEPROM, waits until the chip
     * reports the write done (RDY/BSY) and checks the EEPROM holds it; then the channel goes to its
     * safe state again and the DAC no longer interlocks its relay. Only while the channel is idle:
     * the DAC's output passes through mid-scale.
     *
     * @return the DAC's status after the write
     * @throws HalException when the write does not finish or the EEPROM does not hold the code
     */
    public Mcp4725Status commissionDac(String channelId, DacRole role) {
        Mcp4725Status status = dac(channelId, role).storePowerUpCode(Mcp4725Driver.MID_SCALE, io.pacer());
        ChannelHardware hardware = byId.get(channelId).hardware();
        hardware.toSafeState();
        hardware.interlock().release(Pi4jBackend.EEPROM_INTERLOCK + role.id());
        return status;
    }

    private Mcp4725Driver dac(String channelId, DacRole role) {
        RigChannel channel = byId.get(channelId);
        if (channel == null) {
            throw new IllegalArgumentException("no channel " + channelId + " on board " + board.name() + "; it has " + byId.keySet());
        }
        return channel.dac(role).orElseThrow(() -> new IllegalArgumentException("channel " + channelId + " has no "
                + role.id() + " DAC; it has " + channel.dacs().keySet().stream().map(DacRole::id).sorted().toList()));
    }

    /** I2C bus {@code number} as the rig's chips use it: its recoveries and queued safe-state writes. */
    public I2cBus bus(int number) {
        return io.bus(number);
    }

    /** The heartbeat, when the board file has {@code watchdog.pin}. */
    public Optional<GpioHeartbeat> heartbeat() {
        return Optional.ofNullable(heartbeat);
    }

    public SelfTestReport selfTest() {
        return selfTest;
    }

    /** Every relay open first (GPIO), then every channel to its safe state; tries all, reports all failures. */
    public void toSafeState() {
        List<RuntimeException> failures = new ArrayList<>();
        attempt(relays::toSafeState, failures);
        for (ChannelHardware channel : channels) {
            attempt(channel::toSafeState, failures);
        }
        throwIfAny("rig could not reach its safe state", failures);
    }

    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        for (ChannelHardware channel : channels) {
            attempt(() -> {
                try {
                    channel.close();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new HalException("channel " + channel.id() + " could not be closed", e);
                }
            }, failures);
        }
        attempt(relays::close, failures);
        if (heartbeat != null) {
            attempt(heartbeat::close, failures);
        }
        attempt(io::release, failures);
        throwIfAny("rig could not be closed cleanly", failures);
    }

    private static void attempt(Runnable action, List<RuntimeException> failures) {
        try {
            action.run();
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }

    static void throwIfAny(String message, List<RuntimeException> failures) {
        if (!failures.isEmpty()) {
            HalException failure = new HalException(message + ": " + failures.get(0).getMessage(), failures.get(0));
            failures.stream().skip(1).forEach(failure::addSuppressed);
            throw failure;
        }
    }
}
