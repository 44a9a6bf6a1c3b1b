package org.no3rr.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** What the page is given instead of reading protocol text: rows, planned times, cycles, a title. */
class ProtocolOutlineTest {

    @Test
    void theCyclingTemplatePlansFiveHundredCyclesOfAtMostTwentyTwoMinutes() {
        ProtocolOutline outline = ProtocolOutline.of(ProtocolParser.parse(
                ProtocolTemplates.byId("rechargeable-cycling").orElseThrow().text()));

        assertThat(outline.title()).isEqualTo("Rest for 10 min");
        assertThat(outline.totalCycles()).isEqualTo(500L);
        // 10 min + 500 × (10 + 1 + 10 + 1) min; the halves may end early on their cut-offs.
        assertThat(outline.plannedMillis()).isEqualTo(600_000L + 500L * 1_320_000L);
        assertThat(outline.plannedExact()).isFalse();
        assertThat(outline.steps()).extracting(StepOutline::depth).containsExactly(0, 0, 1, 1, 1, 1);
        assertThat(outline.steps().get(1).times()).isEqualTo(500);
        assertThat(outline.steps().get(1).plannedMillis()).isEqualTo(500L * 1_320_000L);
    }

    @Test
    void aRunWithoutARepeatIsOneUncountedCycleAndItsTitleIsItsFirstStep() {
        ProtocolOutline outline = ProtocolOutline.of(ProtocolParser.parse(
                "Hold at -0.1 V vs RHE for 1 h\nAsk \"Take a sample\"\nSweep from 0.2 V to -0.6 V vs RHE at 10 mV/s"));

        assertThat(outline.title()).isEqualTo("Hold at -0.1 V vs RHE for 1 h");
        assertThat(outline.totalCycles()).isNull();
        assertThat(outline.plannedMillis()).isEqualTo(3_600_000L + 80_000L);
        assertThat(outline.plannedExact()).isTrue();
    }

    @Test
    void aFirstRepeatIsTitledWithItsFirstStep() {
        ProtocolOutline outline = ProtocolOutline.of(ProtocolParser.parse(
                "Repeat 3 times:\n  Charge at 1C until 4.2 V then hold until C/20\n  Rest for 1 h"));

        assertThat(outline.title()).isEqualTo("Repeat 3 times: Charge at 1C until 4.2 V then hold until C/20 …");
        assertThat(outline.plannedMillis()).isNull();
        assertThat(outline.steps().get(1).kind()).isEqualTo(StepKind.CHARGE);
    }

    @Test
    void aStepKindIsWrittenByItsWireNameInJson() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        StepOutline row = ProtocolParser.parse("Hold at 2.4 V until 1 mA or 30 min").outline().get(0);

        assertThat(mapper.writeValueAsString(row)).isEqualTo("{\"line\":1,\"depth\":0,\"kind\":\"voltage_hold\","
                + "\"text\":\"Hold at 2.4 V until 1 mA or 30 min\",\"canonical\":\"Hold at 2.4 V until 1 mA or 30 min\","
                + "\"plannedMillis\":1800000,\"plannedExact\":false,\"times\":null}");
        assertThat(mapper.readValue("\"cyclic_voltammetry\"", StepKind.class)).isEqualTo(StepKind.CYCLIC_VOLTAMMETRY);
    }

    @Test
    void eachKindBelongsToAHalfOfACycle() {
        assertThat(StepKind.CHARGE.half()).isEqualTo(StepKind.Half.CHARGE);
        assertThat(StepKind.DISCHARGE.half()).isEqualTo(StepKind.Half.DISCHARGE);
        assertThat(StepKind.POLARIZATION.half()).isEqualTo(StepKind.Half.DISCHARGE);
        assertThat(StepKind.VOLTAGE_HOLD.half()).isEqualTo(StepKind.Half.PRECEDING);
        assertThat(StepKind.HOLD.half()).isEqualTo(StepKind.Half.NONE);
        assertThat(StepKind.REST.half()).isEqualTo(StepKind.Half.NONE);
    }
}
