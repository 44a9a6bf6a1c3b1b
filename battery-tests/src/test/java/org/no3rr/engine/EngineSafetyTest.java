package org.no3rr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.no3rr.engine.Engines.T0;
import static org.no3rr.engine.Engines.at;
import static org.no3rr.engine.Engines.battery;
import static org.no3rr.engine.Engines.last;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.no3rr.hal.Measurement;
import org.no3rr.protocol.StepKind;

/**
 * The channel's ratings, compliance and the protocol's limits are checked on every reading before any
 * step end; a breach faults the run within that reading, its sample the last one stored.
 */
class EngineSafetyTest {

    /** Hold at −0.8 V vs RHE (pH 7) = −1.4114 V vs Ag/AgCl; the cell sits at the 500 mA limit 0.5 V off. */
    @Test
    void aPotentiostatAtItsCurrentLimitFaultsAtTheFirstSuchReadingWithoutAnyLimitsLine() {
        Engine engine = Engines.hCell("Hold at -0.8 V vs RHE for 2 min", 1000);
        Decision start = engine.start(T0);
        double setpoint = ((Command.HoldPotential) start.commands().get(0)).voltsVsReference();

        Decision d = engine.next(start.state(), new Measurement(T0, -8.26, -0.5, setpoint + 0.5, 25.0));

        String reason = "current -500.0000 mA reached the channel's rating of ±500.0000 mA: "
                + "the potentiostat is at its current limit and cannot hold its setpoint";
        assertThat(d.state().state()).isEqualTo(RunState.FAULTED);
        assertThat(d.commands()).containsExactly(new Command.SafeState(reason));
        assertThat(d.sample()).as("the one sample beyond the rating").isNotNull();
        assertThat(d.closedSteps()).singleElement().satisfies(s -> assertThat(s.endReason()).isEqualTo(reason));
    }

    @Test
    void aCurrentSourceThatCannotReachItsSetpointFaultsAfterTheComplianceCount() {
        Engine engine = battery("Discharge at 50 mA for 1 h", 1.0, 1000);
        Engines.Cell weak = (s, t, sp) -> at(t, 1.0, -0.045);

        List<Decision> ds = Engines.runWith(engine, engine.start(T0), weak, 10);

        assertThat(ds).hasSize(4);
        assertThat(ds.get(1).state().complianceMisses()).isEqualTo(1);
        assertThat(ds.get(2).state().state()).isEqualTo(RunState.RUNNING);
        assertThat(last(ds).state().endReason()).isEqualTo("out of compliance for 3 consecutive readings: "
                + "current -45.0000 mA stayed more than 2.0000 mA from its setpoint -50.0000 mA");
        assertThat(last(ds).state().state()).isEqualTo(RunState.FAULTED);
    }

    @Test
    void aReadingBackWithinToleranceResetsTheComplianceCount() {
        Engine engine = battery("Discharge at 50 mA for 10 s", 1.0, 1000);
        double[] amps = {-0.045, -0.045, -0.0495, -0.045, -0.045, -0.05, -0.05, -0.05, -0.05, -0.05, -0.05};

        Decision end = last(Engines.runWith(engine, engine.start(T0),
                (s, t, sp) -> at(t, 1.0, amps[(int) ((t - T0) / 1000)]), 20));

        assertThat(end.state().state()).isEqualTo(RunState.DONE);
    }

    @Test
    void currentFlowingWithTheRelayOpenIsAComplianceFault() {
        Engine engine = battery("Rest for 1 min", 1.0, 1000);

        Decision end = last(Engines.runWith(engine, engine.start(T0), (s, t, sp) -> at(t, 1.2, 0.004), 10));

        assertThat(end.state().endReason()).isEqualTo("out of compliance for 3 consecutive readings: "
                + "current 4.0000 mA flows with the cell disconnected (more than 2.0000 mA): check the relay");
    }

    @Test
    void theChannelsVoltageWindowAppliesWithoutALimitsLine() {
        Engine engine = battery("Charge at 10 mA for 1 h", 1.0, 1000);

        Decision d = engine.next(engine.start(T0).state(), at(T0, 3.05, 0.01));

        assertThat(d.state().endReason()).isEqualTo(
                "cell voltage 3.0500 V is outside the channel's rated window 0.0000 V to 3.0000 V");
    }

    @Test
    void theTighterOfRatingAndLimitsWins() {
        Engine narrower = battery("Limits: 0.0 V to 2.6 V\nCharge at 10 mA for 1 h", 1.0, 1000);
        Engine wider = battery("Limits: -5 V to 5 V, -500 mA to 500 mA\nCharge at 10 mA for 1 h", 1.0, 1000);

        Decision byLimits = narrower.next(narrower.start(T0).state(), at(T0, 2.7, 0.01));
        Decision byRating = wider.next(wider.start(T0).state(), at(T0, 3.1, 0.01));
        Decision byCurrentRating = wider.next(wider.start(T0).state(), at(T0, 2.0, 0.103));

        assertThat(byLimits.state().endReason()).isEqualTo(
                "cell voltage 2.7000 V is outside the protocol's Limits 0.0000 V to 2.6000 V");
        assertThat(byRating.state().endReason()).isEqualTo(
                "cell voltage 3.1000 V is outside the channel's rated window 0.0000 V to 3.0000 V");
        assertThat(byCurrentRating.state().endReason()).isEqualTo(
                "current 103.0000 mA is beyond the channel's rating of ±100.0000 mA (tolerance 2.0000 mA)");
    }

    @Test
    void aBreachWinsOverAStepEndMetByTheSameReading() {
        Engine engine = battery("Limits: 0.0 V to 2.6 V\nCharge at 10 mA until 2.5 V\nRest for 1 min", 1.0, 1000);
        Decision first = engine.next(engine.start(T0).state(), at(T0, 2.0, 0.01));

        Decision breach = engine.next(first.state(), at(T0 + 1000, 2.7, 0.01));

        assertThat(breach.state().state()).isEqualTo(RunState.FAULTED);
        assertThat(breach.sample()).isEqualTo(new RecordedSample(at(T0 + 1000, 2.7, 0.01), 1000, 1, 1, 2,
                StepKind.CHARGE));
        assertThat(breach.closedSteps().get(0).totals().chargeCoulombs()).isEqualTo(0.01);
        assertThat(engine.next(breach.state(), at(T0 + 2000, 2.0, 0.0)).state()).isEqualTo(breach.state());
    }

    @Test
    void aReadingThatIsNotANumberFaultsAndIsNotStored() {
        Engine engine = battery("Discharge at 1 mA until 0.8 V", 1.0, 1000);

        Decision d = engine.next(engine.start(T0).state(), at(T0, Double.NaN, -0.001));

        String reason = "the cell voltage reading is NaN, not a number: check the voltage input";
        assertThat(d.commands()).containsExactly(new Command.SafeState(reason));
        assertThat(d.sample()).isNull();
        assertThat(d.closedSteps()).singleElement().satisfies(s -> assertThat(s.totals().sampleCount()).isZero());
        assertThat(EngineState.decode(d.state().encode())).isEqualTo(d.state());
    }
}
