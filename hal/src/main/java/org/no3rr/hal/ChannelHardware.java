package org.no3rr.hal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one channel drives and reads, whichever backend provides it.
 *
 * <p>{@link #toSafeState()} tries every output even when one of them fails, and reports the
 * failures together, so that a broken relay never keeps the current source on.
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

    private ChannelHardware(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id");
        this.cellKind = Objects.requireNonNull(b.cellKind, "cellKind");
        this.ratings = Objects.requireNonNull(b.ratings, "ratings");
        this.relay = Objects.requireNonNull(b.relay, "relay");
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

    /** Reads every input once, at the time given by the caller's clock. */
    public Measurement measure(long epochMillis) {
        return new Measurement(epochMillis,
                cellVoltage.read(),
                cellCurrent.read(),
                workingElectrodePotential == null ? Double.NaN : workingElectrodePotential.read(),
                temperature == null ? Double.NaN : temperature.read());
    }

    /**
     * Current to zero, potential control released, relay open — in that order, each attempted even
     * when an earlier one throws.
     *
     * @throws HalException naming every output that failed to reach its safe state
     */
    public void toSafeState() {
        List<SafeStateOutput> outputs = new ArrayList<>(3);
        outputs.add(currentSource);
        if (potentialControl != null) {
            outputs.add(potentialControl);
        }
        outputs.add(relay);
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
