package org.no3rr.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.no3rr.cell.CellMetadata;
import org.no3rr.hal.ChannelRatings;
import org.no3rr.protocol.json.ProtocolJson;

/**
 * PyBaMM's experiment sentences, copied verbatim from its docs, examples and tests (the resource
 * {@code pybamm-experiments.tsv} says where each was found), are read as written: accepted without
 * a channel, written back and read again to the same model, and carried through the JSON form to
 * the same model. On a 50 mA Zn–nitrate battery channel (0 V to 2.6 V) they are refused only for
 * its ratings — PyBaMM's cells are 5 Ah lithium-ion cells charged to 4.2 V.
 */
class PybammCorpusTest {

    /** PyBaMM's default cell (Chen2020) has a nominal capacity of 5 A·h; C-rates are read against it. */
    private static final CellMetadata PYBAMM_CELL = CellMetadata.ofArea(1.0).withNominalCapacityAh(5.0);
    private static final ChannelRatings BATTERY_CHANNEL = new ChannelRatings(0.050, 0.0, 2.6);

    record Sentence(String text, String source) {
        @Override
        public String toString() {
            return text + "  (" + source + ")";
        }
    }

    static List<Sentence> corpus() throws IOException {
        List<Sentence> sentences = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                PybammCorpusTest.class.getResourceAsStream("pybamm-experiments.tsv")), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    String[] columns = line.split("\t");
                    sentences.add(new Sentence(columns[0], columns[1]));
                }
            }
        }
        return sentences;
    }

    @Test
    void theCorpusHasAtLeastFortyDistinctSentencesEachWithItsSource() throws IOException {
        List<Sentence> corpus = corpus();

        assertThat(corpus).hasSizeGreaterThanOrEqualTo(40);
        assertThat(corpus).extracting(Sentence::text).doesNotHaveDuplicates();
        assertThat(corpus).allSatisfy(s -> assertThat(s.source()).matches("[\\w./-]+\\.(py|md|ipynb):\\d+"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isAcceptedWithoutAChannelAndRoundTripsThroughTextAndJson(Sentence sentence) {
        Protocol parsed = ProtocolParser.parse(sentence.text());

        String canonical = ProtocolWriter.write(parsed);
        Protocol reread = ProtocolParser.parse(canonical);
        assertThat(ProtocolWriter.write(reread)).isEqualTo(canonical);
        assertThat(ProtocolJson.tree(reread)).isEqualTo(ProtocolJson.tree(parsed));

        Protocol fromJson = ProtocolJson.read(ProtocolJson.write(parsed));
        assertThat(fromJson).isEqualTo(reread);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void onA50MilliampBatteryChannelItIsRefusedOnlyForTheChannelsRatings(Sentence sentence) {
        List<ProtocolError> problems = ProtocolParser.parse(sentence.text()).checkAgainst(BATTERY_CHANNEL, PYBAMM_CELL);

        assertThat(problems).allSatisfy(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.message()).containsAnyOf("the channel's rating of ±50 mA",
                    "the channel's voltage window 0 V to 2.6 V");
        });
    }

    @Test
    void onlyRestsAndTheOneVoltHoldsFitA50MilliampBatteryChannel() throws IOException {
        List<String> fitting = corpus().stream().map(Sentence::text)
                .filter(s -> ProtocolParser.parse(s).checkAgainst(BATTERY_CHANNEL, PYBAMM_CELL).isEmpty()).toList();

        assertThat(fitting).containsExactlyInAnyOrder("Rest for 10 minutes", "Hold at 1V for 20 seconds",
                "Rest for 1 hour", "Hold at 1 V for 20 seconds", "Rest for 1 hours", "Rest for 3600 seconds",
                "Rest for 5 minutes", "Rest for 24 hours (1 hour period)");
    }

    @Test
    void eachSentenceMeansWhatPybammMeansInTheStationsUnitsAndSigns() {
        Protocol cRate = ProtocolParser.parse("Discharge at C/20 for 0.5 hours");
        Step.ConstantCurrent discharge = (Step.ConstantCurrent) cRate.steps().get(0);
        assertThat(discharge.current()).isEqualTo(Current.cRate(1.0 / 20));
        assertThat(discharge.amps(PYBAMM_CELL)).isEqualTo(-0.25);
        assertThat(discharge.ends()).containsExactly(new StepEnd.AfterTime(1_800_000));

        Step.VoltageHold hold = (Step.VoltageHold) ProtocolParser.parse("Hold at 4.1 V until 50mA").steps().get(0);
        assertThat(hold.volts()).isEqualTo(4.1);
        assertThat(hold.ends()).containsExactly(new StepEnd.AtCurrent(Current.amps(0.05), true));

        Step.VoltageHold taper = (Step.VoltageHold) ProtocolParser.parse("Hold at 4.2 V until 0.05 C").steps().get(0);
        assertThat(taper.ends()).containsExactly(new StepEnd.AtCurrent(Current.cRate(0.05), true));

        Step.ConstantPower power = (Step.ConstantPower) ProtocolParser.parse("Charge at 200mW for 45 minutes")
                .steps().get(0);
        assertThat(power.watts(PYBAMM_CELL)).isEqualTo(0.2);

        Step.ConstantResistance load = (Step.ConstantResistance) ProtocolParser
                .parse("Discharge at 4 Ohm for 10 minutes").steps().get(0);
        assertThat(load.ohms()).isEqualTo(4.0);
        assertThat(load.kind()).isEqualTo(StepKind.DISCHARGE);

        Step.Rest rest = (Step.Rest) ProtocolParser.parse("Rest for 24 hours (1 hour period)").steps().get(0);
        assertThat(rest.ends()).containsExactly(new StepEnd.AfterTime(86_400_000));
        assertThat(rest.recording()).map(r -> r.everyMillis().getAsLong()).contains(3_600_000L);

        Step.VoltageHold charge = (Step.VoltageHold) ProtocolParser.parse("Charge at 4 V until 5 mA").steps().get(0);
        assertThat(charge.volts()).isEqualTo(4.0);
        assertThat(ProtocolWriter.line(charge)).isEqualTo("Hold at 4 V until 5 mA");
    }
}
