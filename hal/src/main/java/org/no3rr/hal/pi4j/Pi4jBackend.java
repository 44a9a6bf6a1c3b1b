package org.no3rr.hal.pi4j;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.no3rr.hal.ChannelHardware;
import org.no3rr.hal.HalException;
import org.no3rr.hal.ads1115.ConversionPause;
import org.no3rr.hal.board.BoardFile;
import org.no3rr.hal.board.ChannelSpec;
import org.no3rr.hal.instrument.TwoPointCalibration;
import org.no3rr.hal.relay.GpioRelayBank;
import org.no3rr.hal.relay.RelayLine;
import org.no3rr.hal.watchdog.GpioHeartbeat;

/**
 * Opens a station's real hardware from a board file on a Pi4J context. On a Raspberry Pi the
 * context comes from {@code Pi4J.newAutoContext()} with pi4j-plugin-linuxfs (I2C) and
 * pi4j-plugin-gpiod (GPIO) on the class path; in tests from the mock plugin and fake chips.
 *
 * <p>Order matters for safety: relays are opened first and driven open, then every chip must pass
 * the self-test before any driver writes to one, then the DACs start at mid-scale (0 A, 0 V).
 */
public final class Pi4jBackend {

    private Pi4jBackend() {
    }

    /**
     * @param calibrations keyed "ch1.voltage", "ch1.current", "ch3.potential"; missing paths are uncalibrated
     * @throws HalException             when the self-test fails (naming every chip, bus and address) or a chip fails later
     * @throws IllegalArgumentException when a calibration key names no analog path of the board
     */
    public static Pi4jRig open(BoardFile board, Context context, Map<String, TwoPointCalibration> calibrations) {
        return open(board, context, calibrations, ConversionPause.parking());
    }

    /** As {@link #open(BoardFile, Context, Map)}, with the ADC's conversion wait injected (tests never sleep). */
    public static Pi4jRig open(BoardFile board, Context context, Map<String, TwoPointCalibration> calibrations,
                               ConversionPause pause) {
        Calibrations checked = new Calibrations(board, calibrations);
        Pi4jIo io = new Pi4jIo(context);
        GpioRelayBank relays = null;
        List<ChannelHardware> channels = new ArrayList<>();
        try {
            relays = new GpioRelayBank(relayLines(board, io));
            SelfTestReport report = SelfTest.run(board, io);
            report.throwIfFailed();
            ChannelAssembler assembler = new ChannelAssembler(io, relays, checked, pause);
            for (ChannelSpec spec : board.channels()) {
                channels.add(assembler.assemble(spec));
            }
            GpioHeartbeat heartbeat = board.watchdog()
                    .map(w -> new GpioHeartbeat(io.output("watchdog.heartbeat", w.bcmPin(), DigitalState.LOW),
                            w.toggleIntervalMillis()))
                    .orElse(null);
            return new Pi4jRig(channels, relays, heartbeat, report, io);
        } catch (RuntimeException e) {
            closeQuietly(channels, relays, io, e);
            throw e;
        }
    }

    /**
     * Only the self-test: opens each configured chip, reads it without writing, and gives the handles
     * back. For a "check the wiring" button while no run is active.
     */
    public static SelfTestReport selfTest(BoardFile board, Context context) {
        Pi4jIo io = new Pi4jIo(context);
        try {
            return SelfTest.run(board, io);
        } finally {
            io.release();
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

    private static void closeQuietly(List<ChannelHardware> channels, GpioRelayBank relays, Pi4jIo io, RuntimeException cause) {
        for (ChannelHardware channel : channels) {
            try {
                channel.close();
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
