package org.no3rr.hal.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.no3rr.hal.sim.battery.BatteryParameters;
import org.no3rr.hal.sim.hcell.HCellParameters;

/** docs/simulator.md documents every configuration key, so a new parameter cannot go unexplained. */
class SimulatorDocumentationTest {

    private static final Path DOC = Path.of(System.getProperty("user.dir")).resolveSibling("docs").resolve("simulator.md");

    @Test
    void everyParameterKeyIsInTheDocumentation() throws IOException {
        assumeTrue(Files.exists(DOC), "run from the hal module of the repository");
        String doc = Files.readString(DOC);

        Stream.of(BatteryParameters.TABLE, HCellParameters.TABLE, SimulatedChannelParameters.TABLE)
                .flatMap(table -> table.entries().stream())
                .forEach(entry -> assertThat(doc).as(entry.key()).contains("`" + entry.key() + "`"));
    }
}
