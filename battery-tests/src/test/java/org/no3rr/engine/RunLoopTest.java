package org.no3rr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.no3rr.cell.CellMetadata;
import org.no3rr.hal.clock.VirtualClock;
import org.no3rr.protocol.ProtocolParser;

/** Engine, executor and a fake linear cell together, on a virtual clock at maximum speed. */
class RunLoopTest {

    private static final long T0 = 1_700_000_000_000L;

    private static List<RecordedSample> samples(List<Decision> decisions) {
        return decisions.stream().filter(Decision::recorded).map(Decision::sample).toList();
    }

    @Test
    void dischargeRunsToItsCutOffAndItsLastSampleIsAtTheCutOff() throws InterruptedException {
        VirtualClock clock = VirtualClock.atMaxSpeed(T0);
        // 1.4 V at rest, 10 mV IR drop at 5 mA through 2 Ω, then 0.6 V per 18.5 C: the cut-off comes
        // when 0.59 V are lost, after 18.19 C = 3638.3 s at 5 mA, well before 2 h
        LinearCell cell = new LinearCell(clock, 1.4, 0.6 / 18.5, 2.0, 0.1);
        Engine engine = new Engine(ProtocolParser.parse("Discharge at 5 mA/cm2 until 0.8 V or 2 h"),
                CellMetadata.ofArea(1.0), 1000);
        List<Decision> decisions = new ArrayList<>();

        Decision last = RunLoop.runToEnd(engine, cell.channel(false), clock, decisions::add);

        assertThat(last.state().status()).isEqualTo(RunStatus.DONE);
        List<RecordedSample> samples = samples(decisions);
        RecordedSample lastSample = samples.get(samples.size() - 1);
        assertThat(lastSample.measurement().voltage()).isLessThanOrEqualTo(0.8);
        assertThat(samples.get(samples.size() - 2).measurement().voltage()).isGreaterThan(0.8);
        assertThat(samples).allSatisfy(s -> assertThat(s.measurement().current()).isEqualTo(-0.005));
        assertThat(samples).extracting(s -> s.measurement().epochMillis()).isSorted().doesNotHaveDuplicates();
        assertThat(samples).hasSize(3639);
        assertThat(last.state().totalChargeCoulombs()).isCloseTo(-0.005 * 3639, within(1e-9));
        assertThat(cell.log).endsWith("relay.disconnect", "source.set(0.0)");
    }

    @Test
    void dischargeOfABigCellEndsAfterTwoHoursExactly() throws InterruptedException {
        VirtualClock clock = VirtualClock.atMaxSpeed(T0);
        LinearCell cell = new LinearCell(clock, 1.4, 0.001, 2.0, 0.1);
        Engine engine = new Engine(ProtocolParser.parse("Discharge at 5 mA/cm2 until 0.8 V or 2 h"),
                CellMetadata.ofArea(1.0), 7000);
        List<Decision> decisions = new ArrayList<>();

        RunLoop.runToEnd(engine, cell.channel(false), clock, decisions::add);

        List<RecordedSample> samples = samples(decisions);
        assertThat(samples.get(samples.size() - 1).measurement().epochMillis()).isEqualTo(T0 + 7_200_000);
        assertThat(decisions.get(decisions.size() - 1).events()).first()
                .isEqualTo(new EngineEvent.StepEnded(T0 + 7_200_000, 1, "2 h elapsed"));
        assertThat(cell.chargeCoulombs()).isCloseTo(-36.0, within(1e-9));
    }

    @Test
    void theLoopStopsAtAQuestionWithTheChannelSafe() throws InterruptedException {
        VirtualClock clock = VirtualClock.atMaxSpeed(T0);
        LinearCell cell = new LinearCell(clock, 1.4, 0.001, 2.0, 0.1);
        Engine engine = new Engine(ProtocolParser.parse("Charge at 1 mA for 3 s\nAsk \"Refresh\"\nRest for 1 s"),
                CellMetadata.ofArea(1.0), 1000);

        Decision last = RunLoop.runToEnd(engine, cell.channel(false), clock, d -> { });

        assertThat(last.state().status()).isEqualTo(RunStatus.WAITING_FOR_ANSWER);
        assertThat(cell.log).containsExactly("source.set(0.0)", "relay.connect", "source.set(0.001)",
                "relay.disconnect", "source.set(0.0)");
    }
}
