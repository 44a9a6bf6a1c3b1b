package org.no3rr.hal.sim;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import org.no3rr.hal.HalException;

/**
 * Breaks a simulated channel on purpose, so that the station's error handling and safety logic can
 * be tested without breaking real hardware. Every change takes effect at the channel's present
 * simulated time; what happened before it is simulated with the old behaviour.
 */
public final class FaultInjector {

    private final String channelId;
    private final Consumer<Runnable> atPresentTime;
    private final Set<SimulatedInput> failOnce = EnumSet.noneOf(SimulatedInput.class);
    private final Set<SimulatedInput> failAlways = EnumSet.noneOf(SimulatedInput.class);
    private Boolean stuckRelayClosed;
    private double deliveredFraction = 1.0;

    /**
     * @param atPresentTime runs a change under the channel's lock after catching the cell up to the clock
     */
    FaultInjector(String channelId, Consumer<Runnable> atPresentTime) {
        this.channelId = channelId;
        this.atPresentTime = atPresentTime;
    }

    /** The next read of {@code input} throws {@link HalException}; later reads work again. */
    public void failNextRead(SimulatedInput input) {
        atPresentTime.accept(() -> failOnce.add(input));
    }

    /** Every read of {@code input} throws {@link HalException} until {@link #restoreReads}. */
    public void failEveryRead(SimulatedInput input) {
        atPresentTime.accept(() -> failAlways.add(input));
    }

    public void restoreReads(SimulatedInput input) {
        atPresentTime.accept(() -> {
            failOnce.remove(input);
            failAlways.remove(input);
        });
    }

    /**
     * The relay's contacts stay {@code closed} (welded) or open (burnt coil) whatever it is told;
     * {@link org.no3rr.hal.CellRelay#isConnected()} still reports the last command, as a real relay
     * driver would — only the readings reveal the truth.
     */
    public void stickRelay(boolean closed) {
        atPresentTime.accept(() -> stuckRelayClosed = closed);
    }

    /** The relay follows its commands again. */
    public void freeRelay() {
        atPresentTime.accept(() -> stuckRelayClosed = null);
    }

    /**
     * The current source accepts setpoints but delivers only {@code fraction} of them
     * (0 = nothing, e.g. a blown output stage).
     *
     * @throws IllegalArgumentException when {@code fraction} is not between 0 and 1
     */
    public void currentSourceDelivers(double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("a faulty current source delivers a fraction 0 to 1 of its setpoint,"
                    + " was " + fraction);
        }
        atPresentTime.accept(() -> deliveredFraction = fraction);
    }

    /** The current source delivers its setpoint again. */
    public void currentSourceFollowsSetpoint() {
        atPresentTime.accept(() -> deliveredFraction = 1.0);
    }

    /** Removes every injected fault. */
    public void clearAll() {
        atPresentTime.accept(() -> {
            failOnce.clear();
            failAlways.clear();
            stuckRelayClosed = null;
            deliveredFraction = 1.0;
        });
    }

    /** Called under the channel's lock before each read. */
    void checkRead(SimulatedInput input) {
        if (failAlways.contains(input)) {
            throw new HalException("channel " + channelId + ": reading " + input.displayName()
                    + " failed (simulated fault: every read fails)");
        }
        if (failOnce.remove(input)) {
            throw new HalException("channel " + channelId + ": reading " + input.displayName()
                    + " failed (simulated fault: this read only)");
        }
    }

    /** Whether the contacts are closed, given what the relay was told. */
    boolean relayClosed(boolean commandedClosed) {
        return stuckRelayClosed == null ? commandedClosed : stuckRelayClosed;
    }

    /** The current the source really delivers for {@code setpointAmps}. */
    double deliveredCurrent(double setpointAmps) {
        return deliveredFraction * setpointAmps;
    }
}
