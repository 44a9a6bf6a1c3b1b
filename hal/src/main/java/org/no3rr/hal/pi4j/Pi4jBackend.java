package org.no3rr.hal.pi4j;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.no3rr.hal.HalException;
import org.no3rr.hal.board.BoardFile;
import org.no3rr.hal.board.ChannelSpec;
import org.no3rr.hal.i2c.BusPolicy;
import org.no3rr.hal.i2c.Pacer;
import org.no3rr.hal.instrument.TwoPointCalibration;
import org.no3rr.hal.relay.GpioRelayBank;
import org.no3rr.hal.relay.RelayLine;
import org.no3rr.hal.watchdog.GpioHeartbeat;

/**
 * Opens a station's real hardware from a board file on a Pi4J context. On a Raspberry Pi the
 * context comes from {@code Pi4J.newAutoContext()} with pi4j-plugin-linuxfs (I2C) and
 * pi4j-plugin-gpiod (GPIO) on the class path; in tests from the mock plugin and fake chips.
 *
 * <p>Order matters for safety: every chip must pass the self-test before anything is configured —
 * it changes no output, and until the station toggles the heartbeat the hardware watchdog keeps the
 * relay coils unpowered — then every relay pin is claimed and driven open, and only then are the
 * chips configured, the DACs at mid-scale (0 A, 0 V). A channel whose DAC's EEPROM would power it
 * up off zero keeps its relay interlocked until the DAC is commissioned ({@link Pi4jRig#commissionDac}).
 */
public final class Pi4jBackend {

    /** The interlock key of an uncommissioned DAC: {@code dac-eeprom:current-source}. */
    public static final String EEPROM_INTERLOCK = "dac-eeprom:";

    private Pi4jBackend() {
    }

    /**
     * @param calibrations keyed "ch1.voltage", "ch1.current-source", "ch3.potential", …; missing paths are uncalibrated
     * @throws HalException             when the self-test fails (naming every chip, bus and address) or a chip fails later
     * @throws IllegalArgumentException when a calibration key names no path of the board
     */
    public static Pi4jRig open(BoardFile board, Context context, Map<String, TwoPointCalibration> calibrations) {
        return open(board, context, calibrations, Pacer.system());
    }

    /** As {@link #open(BoardFile, Context, Map)}, with the waits injected (tests never sleep). */
    public static Pi4jRig open(BoardFile board, Context context, Map<String, TwoPointCalibration> calibrations,
                               Pacer pacer) {
        Calibrations checked = new Calibrations(board, calibrations);
        Pi4jIo io = io(board, context, pacer);
        GpioRelayBank relays = null;
        List<RigChannel> channels = new ArrayList<>();
        try {
            SelfTestReport report = SelfTest.run(board, io);
            report.throwIfFailed();
            relays = new GpioRelayBank(relayLines(board, io));
            ChannelAssembler assembler = new ChannelAssembler(io, relays, checked);
            for (ChannelSpec spec : board.channels()) {
                channels.add(assembler.assemble(spec));
            }
            interlockUncommissionedDacs(report, channels);
            GpioHeartbeat heartbeat = board.watchdog()
                    .map(w -> new GpioHeartbeat(io.output("watchdog.heartbeat", w.bcmPin(), DigitalState.LOW),
                            w.toggleIntervalMillis()))
                    .orElse(null);
            return new Pi4jRig(board, channels, relays, heartbeat, report, io, checked);
        } catch (RuntimeException e) {
            closeQuietly(channels, relays, io, e);
            throw e;
        }
    }

    /**
     * Only the self-test: asks each configured chip to answer as its part, changing no output. For a
     * "check the wiring" button while no run is active.
     */
    public static SelfTestReport selfTest(BoardFile board, Context context) {
        return selfTest(board, context, Pacer.system());
    }

    public static SelfTestReport selfTest(BoardFile board, Context context, Pacer pacer) {
        Pi4jIo io = io(board, context, pacer);
        try {
            return SelfTest.run(board, io);
        } finally {
            io.release();
        }
    }

    private static Pi4jIo io(BoardFile board, Context context, Pacer pacer) {
        return new Pi4jIo(context, pacer, BusPolicy.defaults(), board::freeAddress);
    }

    private static void interlockUncommissionedDacs(SelfTestReport report, List<RigChannel> channels) {
        for (RigChannel channel : channels) {
            String id = channel.hardware().id();
            for (DacRole role : channel.dacs().keySet()) {
                report.checks().stream()
                        .filter(c -> c.needsCommissioning() && c.entry().equals(role.boardEntry(id)))
                        .forEach(c -> channel.hardware().interlock().engage(EEPROM_INTERLOCK + role.id(),
                                c.part() + " on " + c.address() + " (" + c.entry() + "): " + c.notice()));
            }
        }
    }
    private static List<RelayLine> relayLines(BoardFile board, Pi4jIo io) {
        List<RelayLine> lines = new ArrayList<>();
        for (ChannelSpec c : board.channels()) {
            lines.add(line(io, ChannelAssembler.cellRelay(c), c.relay().bcmPin(), c.relay().activeLow()));
            c.potentiostat().ifPresent(p -> lines.add(
                    line(io, ChannelAssembler.modeRelay(c), p.modeRelay().bcmPin(), p.modeRelay().activeLow())));
        }
        return lines;
    }

    private static RelayLine line(Pi4jIo io, String name, int pin, boolean activeLow) {
        return new RelayLine(name, io.output("relay." + name, pin, RelayLine.deEnergisedLevel(activeLow)), activeLow);
    }

    private static void closeQuietly(List<RigChannel> channels, GpioRelayBank relays, Pi4jIo io, RuntimeException cause) {
        for (RigChannel channel : channels) {
            try {
                channel.hardware().close();
            } catch (Exception e) {
                cause.addSuppressed(e);
            }
        }
        try {
            if (relays != null) {
                relays.close();
            }
            io.release();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
