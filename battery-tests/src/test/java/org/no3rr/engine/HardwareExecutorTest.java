package org.no3rr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.no3rr.hal.HalException;
import org.no3rr.hal.clock.VirtualClock;

class HardwareExecutorTest {

    private final LinearCell cell = new LinearCell(VirtualClock.atMaxSpeed(0), 1.4, 0.001, 1.0, 0.05);

    @Test
    void applyCurrentReleasesThePotentialThenConnectsThenSetsTheCurrent() {
        new HardwareExecutor(cell.channel(true)).apply(new Command.ApplyCurrent(-0.005));

        assertThat(cell.log).containsExactly("potential.release", "relay.connect", "source.set(-0.005)");
    }

    @Test
    void holdPotentialZeroesTheSourceThenConnectsThenHolds() {
        new HardwareExecutor(cell.channel(true)).apply(new Command.HoldPotential(-0.5));

        assertThat(cell.log).containsExactly("source.set(0.0)", "relay.connect", "potential.hold(-0.5)");
    }

    @Test
    void openCircuitAndSafeStateGoToTheChannelsSafeState() {
        HardwareExecutor executor = new HardwareExecutor(cell.channel(true));

        executor.apply(new Command.OpenCircuit());
        executor.apply(new Command.SafeState("protocol finished"));

        assertThat(cell.log).containsExactly("source.set(0.0)", "potential.release", "relay.disconnect",
                "source.set(0.0)", "potential.release", "relay.disconnect");
    }

    @Test
    void holdingOnAChannelWithoutPotentialControlFailsBeforeTouchingAnything() {
        HardwareExecutor executor = new HardwareExecutor(cell.channel(false));

        assertThatThrownBy(() -> executor.apply(new Command.HoldPotential(-0.5)))
                .isInstanceOf(HalException.class).hasMessageContaining("no potential control");
        assertThat(cell.log).isEmpty();
    }

    @Test
    void aSetpointBeyondTheSourceIsRefusedByTheSource() {
        HardwareExecutor executor = new HardwareExecutor(cell.channel(false));

        assertThatThrownBy(() -> executor.apply(new Command.ApplyCurrent(0.06)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside the source's range");
    }
}
