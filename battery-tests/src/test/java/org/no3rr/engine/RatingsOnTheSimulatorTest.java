package org.no3rr.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.no3rr.hal.CellKind;
import org.no3rr.hal.ChannelRatings;
import org.no3rr.hal.clock.VirtualClock;
import org.no3rr.hal.sim.SimulatedChannel;
import org.no3rr.hal.sim.Simulator;
import org.no3rr.hal.sim.hcell.HCellModel;
import org.no3rr.hal.sim.hcell.HCellParameters;
import org.no3rr.protocol.ProtocolParser;

/**
 * The channel's ratings hold while running, with no {@code Limits:} line: the hold that once sat in
 * current compliance for two minutes, with the cell at −8.26 V, and ended "DONE".
 */
class RatingsOnTheSimulatorTest {

    private static final long T0 = 1_700_000_000_000L;

    @Test
    void aHoldBeyondWhatTheChannelCanDriveFaultsAtOnceNamingTheRating() throws InterruptedException {
        VirtualClock clock = VirtualClock.atMaxSpeed(T0);
        SimulatedChannel<HCellModel> channel = Simulator.hCell("ch3", HCellParameters.defaults(), clock, 3);
        ChannelRatings ratings = channel.ratings();
        assertThat(ratings.maxCurrentAmps()).isEqualTo(0.5);
        Engine engine = new Engine(ProtocolParser.parse("Hold at -0.8 V vs RHE for 2 min"), Engines.H_CELL_METADATA,
                ratings, CellKind.H_CELL_ELECTROLYSIS, 1000);
        Rehearsal run = Rehearsal.answeringAfter(clock, 0);

        run.run(engine, channel.hardware());

        assertThat(run.state().state()).isEqualTo(RunState.FAULTED);
        assertThat(run.state().endReason()).startsWith("current -500.0")
                .contains("reached the channel's rating of ±500.0000 mA").contains("cannot hold its setpoint");
        List<RecordedSample> samples = run.samples();
        long outside = samples.stream().filter(s -> Math.abs(s.measurement().current()) > ratings.maxCurrentAmps()
                || s.measurement().voltage() < ratings.minVoltage() || s.measurement().voltage() > ratings.maxVoltage())
                .count();
        // the first reading finds the potentiostat at its limit: it is the only sample, and it is kept
        assertThat(samples).hasSize(1);
        assertThat(outside).isEqualTo(1);
        assertThat(run.steps()).singleElement().satisfies(step -> assertThat(step.endReason())
                .isEqualTo(run.state().endReason()));
    }
}
