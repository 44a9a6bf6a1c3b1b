package org.no3rr.hal.sim;

import java.util.SplittableRandom;
import org.no3rr.hal.CellKind;
import org.no3rr.hal.ChannelHardware;
import org.no3rr.hal.ChannelRatings;
import org.no3rr.hal.CurrentSource;
import org.no3rr.hal.clock.Clock;

/**
 * One simulated channel: a {@link CellModel}, the outputs that drive it, the ADC that reads it, and
 * the faults that can break it, all on one {@link Clock}.
 *
 * <p>Time is lazy: nothing runs in the background. Before every read and every command the cell is
 * caught up to {@link Clock#millis()} in steps of at most {@value #MAX_STEP_MILLIS} ms with the drive
 * that held since the last command, so a week at maximum clock speed costs only the steps, and a
 * read at 1 s intervals costs one step. Thread-safe: every entry point holds this channel's lock.
 *
 * @param <M> the cell model, whose truth ({@link #model()}) tests and demos compare with the readings
 */
public final class SimulatedChannel<M extends CellModel> {

    /** Longest integration step; the slowest state changes (nitrate, wear) move far less than 0.1 % in it. */
    public static final long MAX_STEP_MILLIS = 1000;

    private final String id;
    private final CellDesign<M, ?> design;
    private final Clock clock;
    private final ChannelRatings ratings;
    private final FaultInjector faults;
    private final AdcReadout[] readouts = new AdcReadout[SimulatedInput.values().length];
    private final ChannelHardware hardware;

    private M model;
    private SimulatedCellSetup setup = SimulatedCellSetup.NONE;
    private long simulatedMillis;
    private boolean relayCommandedClosed;
    private double setpointAmps;
    private Drive heldPotential;
    private Drive drive = Drive.OPEN_CIRCUIT;
    private CellResponse response;

    SimulatedChannel(String id, CellDesign<M, ?> design, SimulatedChannelParameters channel, Clock clock, long seed) {
        this.id = id;
        this.design = design;
        this.model = design.build(SimulatedCellSetup.NONE);
        this.clock = clock;
        SimulatedChannelParameters checked = SimulatedChannelParameters.TABLE.validate(channel);
        this.ratings = checked.ratings();
        this.faults = new FaultInjector(id, this::atPresentTime);
        SplittableRandom seeds = new SplittableRandom(seed);
        readouts[SimulatedInput.CELL_VOLTAGE.ordinal()] = new AdcReadout(checked.voltageFullScaleVolts(),
                checked.voltageLsbVolts(), checked.voltageNoiseVolts(), seeds.split());
        readouts[SimulatedInput.CELL_CURRENT.ordinal()] = new AdcReadout(checked.currentFullScaleAmps(),
                checked.currentLsbAmps(), checked.currentNoiseAmps(), seeds.split());
        readouts[SimulatedInput.WORKING_ELECTRODE_POTENTIAL.ordinal()] = new AdcReadout(
                checked.potentialFullScaleVolts(), checked.potentialLsbVolts(), checked.potentialNoiseVolts(),
                seeds.split());
        readouts[SimulatedInput.TEMPERATURE.ordinal()] = new AdcReadout(
                SimulatedChannelParameters.TEMPERATURE_FULL_SCALE_CELSIUS, checked.temperatureLsbCelsius(),
                checked.temperatureNoiseCelsius(), seeds.split());
        this.simulatedMillis = clock.millis();
        this.hardware = buildHardware();
    }

    private ChannelHardware buildHardware() {
        boolean threeElectrode = model.kind() == CellKind.H_CELL_ELECTROLYSIS;
        ChannelHardware.Builder builder = ChannelHardware.builder(id, model.kind(), ratings)
                .relay(new SimulatedRelay(this))
                .currentSource(new SimulatedCurrentSource(this))
                .cellVoltage(new SimulatedAnalogInput(this, SimulatedInput.CELL_VOLTAGE))
                .cellCurrent(new SimulatedAnalogInput(this, SimulatedInput.CELL_CURRENT))
                .temperature(new SimulatedAnalogInput(this, SimulatedInput.TEMPERATURE));
        if (threeElectrode) {
            builder.potentialControl(new SimulatedPotentialControl(this))
                    .workingElectrodePotential(new SimulatedAnalogInput(this, SimulatedInput.WORKING_ELECTRODE_POTENTIAL));
        }
        return builder.build();
    }

    public String id() {
        return id;
    }

    /** The ports the station drives; a battery has no potential control and no WE-potential input. */
    public ChannelHardware hardware() {
        return hardware;
    }

    public ChannelRatings ratings() {
        return ratings;
    }

    public FaultInjector faults() {
        return faults;
    }

    /**
     * The cell's truth, caught up to the clock at the moment of this call. Read it from the thread
     * that drives the channel (or while nothing else does): the model itself is not synchronised.
     * {@link #configureCell} and {@link #restore} may mount another model: ask again after them.
     */
    public synchronized M model() {
        catchUp();
        return model;
    }

    /** The noise-free electrical state now, as the readings would show it without the ADC. */
    public synchronized CellResponse trueResponse() {
        catchUp();
        return currentResponse();
    }

    /** The drive the cell really sees now, after the relay, faults and potentiostat compliance. */
    public synchronized Drive effectiveDrive() {
        catchUp();
        return compliant(drive);
    }

    /**
     * Gives the channel the cell a run declares, at the present simulated time. If the setup changes
     * the cell's parameters, a fresh cell built for them is mounted — as a researcher mounts a new
     * cell — and the old one is gone; if it changes nothing, the mounted cell goes on as it is, so
     * several runs can rehearse on one cell. Undeclared values keep the configured ones, not those
     * of an earlier run.
     *
     * @return whether a fresh cell was mounted
     * @throws IllegalArgumentException if the setup puts a parameter out of the simulator's range, naming it
     */
    public synchronized boolean configureCell(SimulatedCellSetup cell) {
        catchUp();
        boolean fresh = !design.describes(model, cell);
        if (fresh) {
            model = design.build(cell);
            response = null;
        }
        setup = cell;
        return fresh;
    }

    /**
     * Mounts a fresh cell of the mounted one's kind and parameters, at the present simulated time — as a
     * researcher puts a new cell of the same make on the bench: full charge, fresh catholyte, no products,
     * no wear. The next run's setup then finds it as it would any mounted cell.
     */
    public synchronized void mountFreshCell() {
        catchUp();
        model = design.build(setup);
        response = null;
    }

    /** The cell now, caught up to the clock: which cell it is and its state, to keep across a restart. */
    public synchronized CellSnapshot snapshot() {
        catchUp();
        return new CellSnapshot(model.kind(), simulatedMillis, setup, model.state());
    }

    /**
     * Mounts the cell of {@code snapshot} in the state it had, at its simulated time; the clock is
     * caught up to that time, so it never runs behind the cell. Time between the snapshot and the
     * clock passes at the present drive (open circuit after a start in the safe state).
     *
     * @throws IllegalArgumentException if the snapshot is of another kind of cell or its state does
     *                                  not fit the cell; the channel is then unchanged
     */
    public synchronized void restore(CellSnapshot snapshot) {
        if (snapshot.kind() != model.kind()) {
            throw new IllegalArgumentException("channel " + id + " simulates a " + model.kind()
                    + " but the snapshot is of a " + snapshot.kind());
        }
        M restored = design.build(snapshot.setup());
        restored.restoreState(snapshot.state());
        catchUp();
        model = restored;
        setup = snapshot.setup();
        simulatedMillis = snapshot.simulatedMillis();
        response = null;
        clock.catchUp(snapshot.simulatedMillis());
    }

    /**
     * Passes {@code amps} through the cell for {@code seconds} without moving simulated time: the
     * charge a restored cell missed between its snapshot and the last reading a run stored. Open
     * circuit changes neither model, so this may come after the cell has rested through that time.
     */
    public synchronized void replayCurrent(double amps, double seconds) {
        if (!Double.isFinite(amps) || !(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("replay needs a finite current and a duration ≥ 0, was " + amps + " A for "
                    + seconds + " s");
        }
        catchUp();
        Drive passed = Drive.current(amps);
        double maxStepSeconds = MAX_STEP_MILLIS / 1000.0;
        for (double left = seconds; left > 0; left -= maxStepSeconds) {
            model.integrate(Math.min(maxStepSeconds, left), passed);
        }
        response = null;
    }

    synchronized void commandRelay(boolean closed) {
        atPresentTime(() -> relayCommandedClosed = closed);
    }

    synchronized boolean relayCommandedClosed() {
        return relayCommandedClosed;
    }

    synchronized void commandCurrent(double amps) {
        CurrentSource.checkSetpoint(amps, ratings.maxCurrentAmps());
        atPresentTime(() -> setpointAmps = amps);
    }

    synchronized double setpointAmps() {
        return setpointAmps;
    }

    synchronized void commandHold(double voltsVsReference) {
        if (!Double.isFinite(voltsVsReference) || voltsVsReference < ratings.minVoltage()
                || voltsVsReference > ratings.maxVoltage()) {
            throw new IllegalArgumentException("potential setpoint " + voltsVsReference
                    + " V vs reference is outside the control's window " + ratings.minVoltage() + " V to "
                    + ratings.maxVoltage() + " V");
        }
        atPresentTime(() -> heldPotential = Drive.potential(voltsVsReference));
    }

    synchronized void commandRelease() {
        atPresentTime(() -> heldPotential = null);
    }

    synchronized boolean holding() {
        return heldPotential != null;
    }

    synchronized double read(SimulatedInput input) {
        faults.checkRead(input);
        catchUp();
        double truth = switch (input) {
            case CELL_VOLTAGE -> currentResponse().cellVoltage();
            case CELL_CURRENT -> currentResponse().current();
            case WORKING_ELECTRODE_POTENTIAL -> currentResponse().workingElectrodePotential();
            case TEMPERATURE -> model.temperatureCelsius();
        };
        return readouts[input.ordinal()].convert(truth);
    }

    /** Simulates up to now with the old behaviour, applies {@code change}, and re-derives the drive. */
    private synchronized void atPresentTime(Runnable change) {
        catchUp();
        change.run();
        drive = physicalDrive();
        response = null;
    }

    private void catchUp() {
        long now = clock.millis();
        if (now <= simulatedMillis) {
            return;
        }
        while (simulatedMillis < now) {
            long step = Math.min(MAX_STEP_MILLIS, now - simulatedMillis);
            model.integrate(step / 1000.0, compliant(drive));
            simulatedMillis += step;
        }
        response = null;
    }

    private CellResponse currentResponse() {
        if (response == null) {
            response = model.respond(compliant(drive));
        }
        return response;
    }

    /**
     * What reaches the cell: nothing through open contacts; a held potential takes precedence over
     * the current source (the potentiostat owns the cell while it holds); otherwise the current the
     * source really delivers.
     */
    private Drive physicalDrive() {
        if (!faults.relayClosed(relayCommandedClosed)) {
            return Drive.OPEN_CIRCUIT;
        }
        if (heldPotential != null) {
            return heldPotential;
        }
        double delivered = faults.deliveredCurrent(setpointAmps);
        return delivered == 0 ? Drive.OPEN_CIRCUIT : Drive.current(delivered);
    }

    /**
     * A potentiostat cannot push more than its rated current: beyond it, it delivers the rated
     * current and the WE potential reading shows that the set potential was not reached.
     */
    private Drive compliant(Drive wanted) {
        if (wanted.mode() != Drive.Mode.POTENTIAL) {
            return wanted;
        }
        double amps = model.respond(wanted).current();
        if (Math.abs(amps) <= ratings.maxCurrentAmps()) {
            return wanted;
        }
        return Drive.current(Math.copySign(ratings.maxCurrentAmps(), amps));
    }
}
