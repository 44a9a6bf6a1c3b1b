package org.no3rr.hal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one channel drives and reads, whichever backend provides it.
 *
 * <p>{@link #toSafeState()} opens the cell relay first — a GPIO pin, never behind an I2C bus — and
 * only then zeroes the outputs, without waiting for a busy bus; it tries every output even when
 * one of them fails and reports the failures together. The relay handed out by {@link #relay()}
 * refuses to close while the channel's {@link Interlock} is engaged.
 */
public final class ChannelHardware implements AutoCloseable {

    private final String id;
    private final CellKind cellKind;
    private final ChannelRatings ratings;
    private final CellRelay relay;
    private final CurrentSource currentSource;
    private final PotentialControl potentialControl;
    private final AnalogInput cellVoltage;
    private final AnalogInput cellCurrent;
    private final AnalogInput workingElectrodePotential;
    private final AnalogInput temperature;
    private final AutoCloseable resources;
    private final Interlock interlock = new Interlock();

    private ChannelHardware(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id");
        this.cellKind = Objects.requireNonNull(b.cellKind, "cellKind");
        this.ratings = Objects.requireNonNull(b.ratings, "ratings");
        this.relay = new InterlockedRelay(Objects.requireNonNull(b.relay, "relay"));
        this.currentSource = Objects.requireNonNull(b.currentSource, "currentSource");
        this.potentialControl = b.potentialControl;
        this.cellVoltage = Objects.requireNonNull(b.cellVoltage, "cellVoltage");
        this.cellCurrent = Objects.requireNonNull(b.cellCurrent, "cellCurrent");
        this.workingElectrodePotential = b.workingElectrodePotential;
        this.temperature = b.temperature;
        this.resources = b.resources;
    }

    public static Builder builder(String id, CellKind cellKind, ChannelRatings ratings) {
        return new Builder(id, cellKind, ratings);
    }

    public String id() {
        return id;
    }

    public CellKind cellKind() {
        return cellKind;
    }

    public ChannelRatings ratings() {
        return ratings;
    }

    public CellRelay relay() {
        return relay;
    }

    public CurrentSource currentSource() {
        return currentSource;
    }

    public Optional<PotentialControl> potentialControl() {
        return Optional.ofNullable(potentialControl);
    }

    /** Why the cell relay may not close, if anything. */
    public Interlock interlock() {
        return interlock;
    }

    /** Whether the channel has a temperature input; without one every measurement's temperature is NaN. */
    public boolean hasTemperature() {
        return temperature != null;
    }

    /**
     * Reads every input once, at the time given by the caller's clock, then checks that the outputs
     * still hold their setpoints (a chip reset by a supply dip is set right, see
     * {@link CurrentSource#verifySetpoint()}).
     */
    public Measurement measure(long epochMillis) {
        Measurement m = new Measurement(epochMillis,
                cellVoltage.read(),
                cellCurrent.read(),
                workingElectrodePotential == null ? Double.NaN : workingElectrodePotential.read(),
                temperature == null ? Double.NaN : temperature.read());
        currentSource.verifySetpoint();
        if (potentialControl != null) {
            potentialControl.verifySetpoint();
        }
        return m;
    }

    /**
     * The working electrode's potential against the reference, read once: with the relay open, the
     * cell's open-circuit potential, where a potentiostat is set before it takes over the cell.
     *
     * @throws HalException when the channel has no reference-electrode input, or the read fails
     */
    public double workingElectrodePotential() {
        if (workingElectrodePotential == null) {
            throw new HalException("channel " + id + " has no working-electrode potential input: its open-circuit"
                    + " potential cannot be read, so its potentiostat cannot be set before the relay closes");
        }
        return workingElectrodePotential.read();
    }

    /**
     * Relay open first (GPIO: the cell is off whatever the buses do), then the potential control
     * released and the current to zero, neither waiting for a busy I2C bus. Each is attempted even
     * when an earlier one throws.
     *
     * @throws HalException naming every output that failed to reach its safe state
     */
    public void toSafeState() {
        List<SafeStateOutput> outputs = new ArrayList<>(3);
        outputs.add(relay);
        if (potentialControl != null) {
            outputs.add(potentialControl);
        }
        outputs.add(currentSource);
        HalException failure = null;
        for (SafeStateOutput output : outputs) {
            try {
                output.toSafeState();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = new HalException("channel " + id + " could not reach its safe state", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Puts the channel in its safe state, then releases the backend's resources (buses, pins). */
    @Override
    public void close() throws Exception {
        try {
            toSafeState();
        } finally {
            if (resources != null) {
                resources.close();
            }
        }
    }

    /** The backend's relay, refusing to close while the interlock is engaged. */
    private final class InterlockedRelay implements CellRelay {
        private final CellRelay relay;

        InterlockedRelay(CellRelay relay) {
            this.relay = relay;
        }

        @Override
        public void connect() {
            interlock.check(id);
            relay.connect();
        }

        @Override
        public void disconnect() {
            relay.disconnect();
        }

        @Override
        public boolean isConnected() {
            return relay.isConnected();
        }
    }

    public static final class Builder {
        private final String id;
        private final CellKind cellKind;
        private final ChannelRatings ratings;
        private CellRelay relay;
        private CurrentSource currentSource;
        private PotentialControl potentialControl;
        private AnalogInput cellVoltage;
        private AnalogInput cellCurrent;
        private AnalogInput workingElectrodePotential;
        private AnalogInput temperature;
        private AutoCloseable resources;

        private Builder(String id, CellKind cellKind, ChannelRatings ratings) {
            this.id = id;
            this.cellKind = cellKind;
            this.ratings = ratings;
        }

        public Builder relay(CellRelay relay) {
            this.relay = relay;
            return this;
        }

        public Builder currentSource(CurrentSource currentSource) {
            this.currentSource = currentSource;
            return this;
        }

        public Builder potentialControl(PotentialControl potentialControl) {
            this.potentialControl = potentialControl;
            return this;
        }

        public Builder cellVoltage(AnalogInput cellVoltage) {
            this.cellVoltage = cellVoltage;
            return this;
        }

        public Builder cellCurrent(AnalogInput cellCurrent) {
            this.cellCurrent = cellCurrent;
            return this;
        }

        public Builder workingElectrodePotential(AnalogInput input) {
            this.workingElectrodePotential = input;
            return this;
        }

        public Builder temperature(AnalogInput temperature) {
            this.temperature = temperature;
            return this;
        }

        /** Closed after the safe state when the channel is closed. */
        public Builder resources(AutoCloseable resources) {
            this.resources = resources;
            return this;
        }

        public ChannelHardware build() {
            return new ChannelHardware(this);
        }
    }
}
