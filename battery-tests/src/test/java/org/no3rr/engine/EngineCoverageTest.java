package org.no3rr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.no3rr.cell.CellMetadata;
import org.no3rr.protocol.Protocol;
import org.no3rr.protocol.ProtocolError;
import org.no3rr.protocol.ProtocolParser;

/** Steps the language reads before the engine has programs for them are named, and never run. */
class EngineCoverageTest {

    private static final CellMetadata CELL = CellMetadata.ofArea(1.0).withNominalCapacityAh(0.005);

    @Test
    void namesEveryStepTheEngineCannotRunYetByLine() {
        Protocol p = ProtocolParser.parse(String.join("\n",
                "Discharge at 1C until 0.8 V",
                "Repeat 2 times:",
                "  Charge at 1C until 2.4 V then hold until C/20",
                "  Hold at 2.4 V for 10 min",
                "Discharge at 2 mW for 1 h",
                "Discharge at 100 Ohm for 1 h",
                "Discharge at 1 mA until 1 mWh",
                "Rest for 1 min"));

        assertThat(EngineCoverage.notYetRunnable(p)).extracting(ProtocolError::line).containsExactly(3, 4, 5, 6, 7);
        assertThat(EngineCoverage.notYetRunnable(p).get(0).message()).isEqualTo("line 3: a constant-current "
                + "constant-voltage step ('Charge at 1C until 2.4 V then hold until C/20') is not yet runnable on this "
                + "station; it validates, but the engine has no program for it yet");
    }

    @Test
    void anEngineRefusesSuchAProtocolAndRunsACRateDischarge() {
        assertThatThrownBy(() -> new Engine(ProtocolParser.parse("Rest for 1 min\nHold at 2.4 V until 1 mA"), CELL, Engines.BATTERY,
                org.no3rr.hal.CellKind.ZN_NITRATE_BATTERY, 1000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("line 2: a cell-voltage hold ('Hold at 2.4 V until 1 mA') is not yet runnable");

        Engine engine = new Engine(ProtocolParser.parse("Discharge at 2C for 1 min"), CELL, Engines.BATTERY,
                org.no3rr.hal.CellKind.ZN_NITRATE_BATTERY, 1000);
        assertThat(engine.start(0).commands()).containsExactly(new Command.ApplyCurrent(-0.010));
    }
}
