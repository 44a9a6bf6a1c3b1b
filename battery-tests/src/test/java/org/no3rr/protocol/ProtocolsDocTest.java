package org.no3rr.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.no3rr.protocol.json.ProtocolJson;

/** Every example in docs/protocols.md reads as the doc says, so the grammar doc cannot drift from the parser. */
class ProtocolsDocTest {

    private static final Path DOC = Path.of("..", "docs", "protocols.md");

    private static List<String> blocks(String language) throws IOException {
        Matcher m = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(DOC));
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    @Test
    void theTextAndJsonExamplesRead() throws IOException {
        assertThat(blocks("text")).singleElement().satisfies(text -> assertThat(ProtocolParser.parse(text).steps())
                .extracting(Step::kind).containsExactly(StepKind.REST, StepKind.REPEAT));
        String json = blocks("json").get(1);
        assertThat(ProtocolJson.read(json).allSteps()).extracting(Step::kind).containsExactly(StepKind.REST,
                StepKind.DISCHARGE, StepKind.CHARGE, StepKind.VOLTAGE_HOLD, StepKind.DISCHARGE, StepKind.DISCHARGE,
                StepKind.HOLD, StepKind.POLARIZATION, StepKind.SWEEP, StepKind.CYCLIC_VOLTAMMETRY, StepKind.REPEAT,
                StepKind.ASK);
    }

    @Test
    void everyStepExampleInTheTablesReads() throws IOException {
        Matcher m = Pattern.compile("^\\| [^|]+ \\| `((?:Rest|Discharge|Charge|Hold|Polarize|Sweep|Cycle|Ask)[^`]*)`",
                Pattern.MULTILINE).matcher(Files.readString(DOC));
        int examples = 0;
        while (m.find()) {
            String line = m.group(1);
            assertThat(ProtocolParser.parse(line).steps()).as(line).hasSize(1);
            examples++;
        }
        assertThat(examples).isEqualTo(16);
    }
}
