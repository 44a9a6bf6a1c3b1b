package org.no3rr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.no3rr.hal.AnalogInput;
import org.no3rr.hal.CellKind;
import org.no3rr.hal.CellRelay;
import org.no3rr.hal.ChannelHardware;
import org.no3rr.hal.ChannelRatings;
import org.no3rr.hal.CurrentSource;
import org.no3rr.hal.HalException;
import org.no3rr.hal.PotentialControl;

/** The order in which commands reach the ports: outputs set before the relay closes, relay first on the way out. */
class HardwareExecutorTest {

    /** Every port call, in order; the working electrode rests at −0.35 V vs reference. */
    private final List<String> log = new ArrayList<>();

    @Test
    void applyCurrentFromOpenCircuitSetsZeroAmpsBeforeTheRelayClosesThenTheCurrent() {
        new HardwareExecutor(channel(true)).apply(new Command.ApplyCurrent(-0.005));

        assertThat(log).containsExactly("source.set(0.0)", "potential.release", "relay.connect", "source.set(-0.005)");
    }

    @Test
    void aNewCurrentOnAConnectedCellIsOnlyANewSetpoint() {
        HardwareExecutor executor = new HardwareExecutor(channel(false));
        executor.apply(new Command.ApplyCurrent(-0.005));
        log.clear();

        executor.apply(new Command.ApplyCurrent(0.01));

        assertThat(log).containsExactly("source.set(0.01)");
    }

    @Test
    void holdPotentialFromOpenCircuitHoldsTheRestPotentialBeforeTheRelayClosesThenTheSetpoint() {
        new HardwareExecutor(channel(true)).apply(new Command.HoldPotential(-0.5));

        assertThat(log).containsExactly("source.set(0.0)", "read WE", "potential.hold(-0.35)", "relay.connect",
                "potential.hold(-0.5)");
    }

    @Test
    void aSweepsNextPotentialOnAHeldCellIsOnlyANewSetpoint() {
        HardwareExecutor executor = new HardwareExecutor(channel(true));
        executor.apply(new Command.HoldPotential(-0.5));
        log.clear();

        executor.apply(new Command.HoldPotential(-0.51));

        assertThat(log).containsExactly("potential.hold(-0.51)");
    }

    @Test
    void fromACurrentToAHoldTheSourceGoesToZeroAndThePotentiostatTakesOverAtTheRestPotential() {
        HardwareExecutor executor = new HardwareExecutor(channel(true));
        executor.apply(new Command.ApplyCurrent(-0.005));
        log.clear();

        executor.apply(new Command.HoldPotential(-0.5));

        assertThat(log).containsExactly("source.set(0.0)", "read WE", "potential.hold(-0.35)", "potential.hold(-0.5)");
    }

    @Test
    void fromAHoldToACurrentTheSourceIsAtZeroWhenThePotentiostatLetsGo() {
        HardwareExecutor executor = new HardwareExecutor(channel(true));
        executor.apply(new Command.HoldPotential(-0.5));
        log.clear();

        executor.apply(new Command.ApplyCurrent(0.002));

        assertThat(log).containsExactly("source.set(0.0)", "potential.release", "source.set(0.002)");
    }

    @Test
    void openCircuitAndSafeStateOpenTheRelayFirst() {
        HardwareExecutor executor = new HardwareExecutor(channel(true));

        executor.apply(new Command.OpenCircuit());
        executor.apply(new Command.SafeState("protocol finished"));

        assertThat(log).containsExactly("relay.disconnect", "potential.release", "source.set(0.0)",
                "relay.disconnect", "potential.release", "source.set(0.0)");
    }

    @Test
    void holdingOnAChannelWithoutPotentialControlFailsBeforeTouchingAnything() {
        HardwareExecutor executor = new HardwareExecutor(channel(false));

        assertThatThrownBy(() -> executor.apply(new Command.HoldPotential(-0.5)))
                .isInstanceOf(HalException.class).hasMessageContaining("no potential control");
        assertThat(log).isEmpty();
    }

    @Test
    void aSetpointBeyondTheSourceIsRefusedByTheSource() {
        HardwareExecutor executor = new HardwareExecutor(channel(false));

        assertThatThrownBy(() -> executor.apply(new Command.ApplyCurrent(0.06)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside the source's range");
    }

    /** A recording channel rated ±50 mA; with potential control it has a WE input resting at −0.35 V. */
    private ChannelHardware channel(boolean threeElectrode) {
        double[] setpoint = {0.0};
        boolean[] connected = {false};
        boolean[] holding = {false};
        ChannelHardware.Builder b = ChannelHardware.builder("ch-test",
                        threeElectrode ? CellKind.H_CELL_ELECTROLYSIS : CellKind.ZN_NITRATE_BATTERY,
                        new ChannelRatings(0.05, -3.0, 3.0))
                .relay(new CellRelay() {
                    @Override
                    public void connect() {
                        connected[0] = true;
                        log.add("relay.connect");
                    }

                    @Override
                    public void disconnect() {
                        connected[0] = false;
                        log.add("relay.disconnect");
                    }

                    @Override
                    public boolean isConnected() {
                        return connected[0];
                    }
                })
                .currentSource(new CurrentSource() {
                    @Override
                    public void setCurrent(double amps) {
                        CurrentSource.checkSetpoint(amps, 0.05);
                        setpoint[0] = amps;
                        log.add("source.set(" + amps + ")");
                    }

                    @Override
                    public double setpointAmps() {
                        return setpoint[0];
                    }

                    @Override
                    public double maxCurrentAmps() {
                        return 0.05;
                    }
                })
                .cellVoltage(input("cell voltage", "V", () -> 1.2))
                .cellCurrent(input("cell current", "A", () -> setpoint[0]));
        if (threeElectrode) {
            b.potentialControl(new PotentialControl() {
                @Override
                public void hold(double volts) {
                    holding[0] = true;
                    log.add("potential.hold(" + volts + ")");
                }

                @Override
                public void release() {
                    holding[0] = false;
                    log.add("potential.release");
                }

                @Override
                public boolean isHolding() {
                    return holding[0];
                }
            }).workingElectrodePotential(input("working-electrode potential", "V", () -> {
                log.add("read WE");
                return -0.35;
            }));
        }
        return b.build();
    }

    private static AnalogInput input(String name, String unit, java.util.function.DoubleSupplier read) {
        return new AnalogInput() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String unit() {
                return unit;
            }

            @Override
            public double read() {
                return read.getAsDouble();
            }
        };
    }
}
