package org.no3rr.hal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * What every backend's {@link ChannelHardware} must do, whether simulated or on a Raspberry Pi.
 * A backend's test extends this and supplies a fresh channel with its cell connected.
 */
public abstract class ChannelHardwareContract {

    /** A fresh channel in its power-up state. */
    protected abstract ChannelHardware newHardware();

    @Test
    void aCurrentSetpointBeyondTheRatingIsRejectedWithTheRangeInTheMessage() {
        ChannelHardware hw = newHardware();
        double max = hw.ratings().maxCurrentAmps();

        assertThatThrownBy(() -> hw.currentSource().setCurrent(-1.2 * max))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Double.toString(-1.2 * max))
                .hasMessageContaining(-max + " A to " + max + " A");
        assertThatThrownBy(() -> hw.currentSource().setCurrent(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(hw.currentSource().setpointAmps()).as("a rejected setpoint is not applied").isZero();
    }

    @Test
    void theSourceAcceptsItsFullRatingInBothDirections() {
        ChannelHardware hw = newHardware();
        double max = hw.ratings().maxCurrentAmps();

        hw.currentSource().setCurrent(max);
        assertThat(hw.currentSource().setpointAmps()).isEqualTo(max);
        hw.currentSource().setCurrent(-max);
        assertThat(hw.currentSource().setpointAmps()).isEqualTo(-max);
        assertThat(hw.currentSource().maxCurrentAmps()).isEqualTo(max);
        hw.toSafeState();
    }

    @Test
    void safeStateIsIdempotentAndLeavesNoCurrentFlowing() {
        ChannelHardware hw = newHardware();
        hw.relay().connect();
        hw.currentSource().setCurrent(-0.1 * hw.ratings().maxCurrentAmps());

        hw.toSafeState();
        hw.toSafeState();

        assertThat(hw.relay().isConnected()).isFalse();
        assertThat(hw.currentSource().setpointAmps()).isZero();
        hw.potentialControl().ifPresent(pc -> assertThat(pc.isHolding()).isFalse());
        assertThat(Math.abs(hw.measure(0).current())).isLessThan(1e-4 * hw.ratings().maxCurrentAmps() + 50e-6);
    }

    @Test
    void theRelayReportsWhatItWasLastTold() {
        ChannelHardware hw = newHardware();
        assertThat(hw.relay().isConnected()).isFalse();
        hw.relay().connect();
        assertThat(hw.relay().isConnected()).isTrue();
        hw.relay().disconnect();
        assertThat(hw.relay().isConnected()).isFalse();
    }

    @Test
    void aPotentialOutsideTheWindowIsRejectedWithTheWindowInTheMessage() {
        ChannelHardware hw = newHardware();
        hw.potentialControl().ifPresent(pc -> {
            double beyond = hw.ratings().maxVoltage() + 0.5;
            assertThatThrownBy(() -> pc.hold(beyond))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(Double.toString(beyond))
                    .hasMessageContaining(hw.ratings().minVoltage() + " V to " + hw.ratings().maxVoltage() + " V");
            assertThat(pc.isHolding()).isFalse();
            pc.hold(hw.ratings().minVoltage());
            assertThat(pc.isHolding()).isTrue();
            pc.release();
            assertThat(pc.isHolding()).isFalse();
        });
    }

    @Test
    void aMeasurementCarriesTheInputsTheCellKindNeeds() {
        ChannelHardware hw = newHardware();
        Measurement m = hw.measure(123L);

        assertThat(m.epochMillis()).isEqualTo(123L);
        assertThat(m.voltage()).isFinite();
        assertThat(m.current()).isFinite();
        boolean threeElectrode = hw.cellKind() == CellKind.H_CELL_ELECTROLYSIS;
        assertThat(m.hasWorkingElectrodePotential()).isEqualTo(threeElectrode);
        assertThat(hw.potentialControl().isPresent()).isEqualTo(threeElectrode);
    }
}
