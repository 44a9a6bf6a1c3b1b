package org.no3rr.engine;

import java.util.ArrayList;
import java.util.List;
import org.no3rr.hal.AnalogInput;
import org.no3rr.hal.CellKind;
import org.no3rr.hal.CellRelay;
import org.no3rr.hal.ChannelHardware;
import org.no3rr.hal.ChannelRatings;
import org.no3rr.hal.CurrentSource;
import org.no3rr.hal.PotentialControl;
import org.no3rr.hal.clock.Clock;

/**
 * A test cell whose open-circuit voltage is linear in the charge it holds, V = V0 + k·Q (+ R·I
 * while connected), integrated exactly from the clock. Every port call is logged, so executor tests
 * can assert the order of hardware operations.
 */
final class LinearCell {

    final List<String> log = new ArrayList<>();
    private final Clock clock;
    private final double ocvAtZeroCharge;
    private final double voltsPerCoulomb;
    private final double ohms;
    private final double maxAmps;
    private double chargeCoulombs;
    private long lastMillis;
    private double setpointAmps;
    private boolean connected;
    private boolean holding;

    LinearCell(Clock clock, double ocvAtZeroCharge, double voltsPerCoulomb, double ohms, double maxAmps) {
        this.clock = clock;
        this.ocvAtZeroCharge = ocvAtZeroCharge;
        this.voltsPerCoulomb = voltsPerCoulomb;
        this.ohms = ohms;
        this.maxAmps = maxAmps;
        this.lastMillis = clock.millis();
    }

    ChannelHardware channel(boolean withPotentialControl) {
        ChannelHardware.Builder b = ChannelHardware.builder("ch-test", CellKind.ZN_NITRATE_BATTERY,
                        new ChannelRatings(maxAmps, 0.0, 3.0))
                .relay(new Relay())
                .currentSource(new Source())
                .cellVoltage(input("cell voltage", "V", this::voltage))
                .cellCurrent(input("cell current", "A", this::current));
        if (withPotentialControl) {
            b.potentialControl(new Potentiostat());
        }
        return b.build();
    }

    double chargeCoulombs() {
        advance();
        return chargeCoulombs;
    }

    private double voltage() {
        advance();
        return ocvAtZeroCharge + voltsPerCoulomb * chargeCoulombs + (connected ? ohms * setpointAmps : 0);
    }

    private double current() {
        advance();
        return connected ? setpointAmps : 0;
    }

    private void advance() {
        long now = clock.millis();
        if (connected) {
            chargeCoulombs += setpointAmps * (now - lastMillis) / 1000.0;
        }
        lastMillis = now;
    }

    /** The current source port. */
    private final class Source implements CurrentSource {
        @Override
        public void setCurrent(double amps) {
            CurrentSource.checkSetpoint(amps, maxAmps);
            advance();
            setpointAmps = amps;
            log.add("source.set(" + amps + ")");
        }

        @Override
        public double setpointAmps() {
            return setpointAmps;
        }

        @Override
        public double maxCurrentAmps() {
            return maxAmps;
        }
    }

    /** The relay port. */
    private final class Relay implements CellRelay {
        @Override
        public void connect() {
            advance();
            connected = true;
            log.add("relay.connect");
        }

        @Override
        public void disconnect() {
            advance();
            connected = false;
            log.add("relay.disconnect");
        }

        @Override
        public boolean isConnected() {
            return connected;
        }
    }

    /** The potential control port; it only logs (the linear cell has no electrode kinetics). */
    private final class Potentiostat implements PotentialControl {
        @Override
        public void hold(double volts) {
            holding = true;
            log.add("potential.hold(" + volts + ")");
        }

        @Override
        public void release() {
            holding = false;
            log.add("potential.release");
        }

        @Override
        public boolean isHolding() {
            return holding;
        }
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
