package org.no3rr.hal.pi4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.no3rr.hal.ChannelHardware;
import org.no3rr.hal.HalException;
import org.no3rr.hal.relay.GpioRelayBank;
import org.no3rr.hal.watchdog.GpioHeartbeat;

/**
 * A station's real hardware, opened from a board file by {@link Pi4jBackend#open}: its channels,
 * the watchdog heartbeat the station must keep toggling, and the self-test that passed on the way.
 * {@link #close()} puts every channel in its safe state, stops the heartbeat and gives the pins and
 * buses back to the Pi4J context.
 */
public final class Pi4jRig implements AutoCloseable {

    private final List<ChannelHardware> channels;
    private final GpioRelayBank relays;
    private final GpioHeartbeat heartbeat;
    private final SelfTestReport selfTest;
    private final Pi4jIo io;

    Pi4jRig(List<ChannelHardware> channels, GpioRelayBank relays, GpioHeartbeat heartbeat, SelfTestReport selfTest, Pi4jIo io) {
        this.channels = List.copyOf(channels);
        this.relays = relays;
        this.heartbeat = heartbeat;
        this.selfTest = selfTest;
        this.io = io;
    }

    public List<ChannelHardware> channels() {
        return channels;
    }

    /** The heartbeat, when the board file has {@code watchdog.pin}. */
    public Optional<GpioHeartbeat> heartbeat() {
        return Optional.ofNullable(heartbeat);
    }

    public SelfTestReport selfTest() {
        return selfTest;
    }

    /** Every channel to its safe state, then every relay open; tries all, reports all failures. */
    public void toSafeState() {
        List<RuntimeException> failures = new ArrayList<>();
        for (ChannelHardware channel : channels) {
            attempt(channel::toSafeState, failures);
        }
        attempt(relays::toSafeState, failures);
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
