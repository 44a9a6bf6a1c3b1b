package org.no3rr.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.Collections;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Lines built to make the line patterns backtrack are still refused at once. */
class AdversarialLineTest {

    static Stream<String> adversarialLines() {
        return Stream.of(
                "Polarize from" + " 1 to 2 in steps of 3 , 4 each ,".repeat(30),
                "Polarize from " + "0 to ".repeat(190),
                "Polarize from " + "x to y in steps of ".repeat(50),
                "Cycle between " + "x and ".repeat(160),
                "Sweep from " + "x to ".repeat(190),
                "Hold at " + "x vs y ".repeat(140),
                "Discharge at " + "x until ".repeat(110),
                "Sweep from" + " 1 to 2 vs x at 3".repeat(55),
                "Cycle between" + " 1 and 2 vs x at 3 , 4".repeat(40),
                "Hold at" + " 1 vs x for".repeat(85),
                "Discharge at" + " 5 mA until 1 V or".repeat(50),
                "Charge at " + "1 ".repeat(490) + "x",
                "Limits: " + "1 V to 2 V to ".repeat(68),
                "Limits: " + "1 to ,".repeat(160),
                "Stop when discharge capacity < " + "1 of cycle ".repeat(80),
                "Record every " + "1 s or ".repeat(140),
                "Rest for 1 min" + ", record every 1 s".repeat(50),
                "Ask \"" + "\"".repeat(900),
                "Repeat " + "1 ".repeat(490) + "times:");
    }

    @Test
    void aProtocolOfOverAHundredSuchLinesIsRefusedWithinASecond() {
        String allKinds = String.join("\n", adversarialLines().toList());
        String manyLines = String.join("\n", Collections.nCopies(8, allKinds));

        Throwable thrown = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(1),
                () -> catchThrowable(() -> ProtocolParser.parse(manyLines)));

        assertThat(((ProtocolException) thrown).errors()).hasSize(ProtocolParser.MOST_ERRORS);
    }

    @ParameterizedTest
    @MethodSource("adversarialLines")
    void refusedQuicklyWithAnErrorOnTheLine(String line) {
        Throwable thrown = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> catchThrowable(() -> ProtocolParser.parse(line)));

        assertThat(thrown).isInstanceOf(ProtocolException.class);
        assertThat(((ProtocolException) thrown).errors()).first().satisfies(e -> assertThat(e.line()).isEqualTo(1));
    }
}
