package org.no3rr.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every malformed protocol gives a {@link ProtocolException} naming the right line, never anything else. */
class MalformedProtocolTest {

    static Stream<Arguments> malformed() {
        return Stream.of(
                bad(null, 1, "empty"),
                bad("", 1, "empty"),
                bad("   \n\t\n", 1, "empty"),
                bad("# only a comment", 1, "only comments"),
                bad("Rest for 10 min\nDance for 2 h", 2, "unknown step 'Dance'"),
                bad("Rest 10 min", 1, "Rest for <time>"),
                bad("Rest for", 1, "Rest for <time>"),
                bad("Rest for 10", 1, "'10' needs a unit"),
                bad("Rest for 10 parsecs", 1, "unknown unit 'parsecs'"),
                bad("Rest for 0 s", 1, "at least 1 ms"),
                bad("Rest for -5 min", 1, "at least 1 ms"),
                bad("Rest for 20000 h", 1, "at most 10000 h"),
                bad("Rest for 1e400 s", 1, "too large"),
                bad("Rest for NaN s", 1, "expected a time"),
                bad("Rest for 10 min or until 0.8 V", 1, "cannot end at a voltage"),
                bad("Rest for 1 min\n\nDischarge at 5 mA/cm2", 3, "Discharge at <current> until <end>"),
                bad("Discharge at -5 mA until 0.8 V", 1, "positive magnitude"),
                bad("Discharge at 0 mA until 0.8 V", 1, "positive magnitude"),
                bad("Discharge at 5 V until 0.8 V", 1, "a voltage hold cannot end at a voltage"),
                bad("Discharge at lots until 0.8 V", 1, "expected a current density"),
                bad("Discharge at 5 mA until 2 mA", 1, "a discharge cannot end at a current (2 mA); it ends on a time, a "
                        + "voltage, a capacity or an energy"),
                bad("Discharge at 5 mA until 0.8 V or 0.7 V", 1, "two ends of the same kind"),
                bad("Discharge at 5 mA for 0.8 V", 1, "expected a time"),
                bad("Discharge at 5 mA until 0 mAh", 1, "capacity end must be positive"),
                bad("Charge at five mA until 2.4 V", 1, "expected a current"),
                bad("Charge at 2 mA until 2.4 V or", 1, "needs another end"),
                bad("Hold at -0.1 V vs SCE for 1 h", 1, "unknown potential scale 'SCE'"),
                bad("Hold at -0.1 V vs RHE until 5 C", 1, "needs a time"),
                bad("Hold at -0.1 vs RHE for 1 h", 1, "needs a unit"),
                bad("Hold -0.1 V vs RHE for 1 h", 1, "Hold at <potential>"),
                bad("Ask", 1, "Ask \"…\""),
                bad("Ask \"\"", 1, "empty"),
                bad("Ask \"" + "x".repeat(600) + "\"", 1, "characters long"),
                bad("Repeat 0 times:\n  Rest for 1 min", 1, "from 1 to 1000000"),
                bad("Repeat many times:\n  Rest for 1 min", 1, "whole number"),
                bad("Repeat 99999999999 times:\n  Rest for 1 min", 1, "whole number"),
                bad("Repeat 3 times\n  Rest for 1 min", 1, "Repeat <N> times:"),
                bad("Repeat 3 times:\nRest for 1 min", 1, "needs an indented block"),
                bad("Rest for 1 min\nRepeat 3 times:", 2, "needs an indented block"),
                bad("Rest for 1 min\n    Rest for 2 min", 2, "unexpected indentation"),
                bad("Repeat 2 times:\n    Rest for 1 min\n  Rest for 2 min", 3, "does not line up"),
                bad("Repeat 2 times:\n  Limits: 0 V to 2 V\n  Rest for 1 min", 2, "top level"),
                bad("Limits: 0 V to 2.6 V\nLimits: 0 V to 2.5 V\nRest for 1 min", 2, "given twice"),
                bad("Limits: 2.6 V to 0 V\nRest for 1 min", 1, "must be below the high end"),
                bad("Limits: 0 V to 2.6 mA\nRest for 1 min", 1, "expected a current"),
                bad("Limits: 0 V\nRest for 1 min", 1, "window '<low> to <high>'"),
                bad("Limits: 0 V to 2 V, 0 V to 3 V\nRest for 1 min", 1, "voltage window is given twice"),
                bad("Limits: 0 V to 2.6 V", 1, "no steps"),
                bad("Record every 1 s\nRecord every 2 s\nRest for 1 min", 2, "given twice"),
                bad("Record every 1 s or 2 s\nRest for 1 min", 1, "names a time twice"),
                bad("Record every 0 mV\nRest for 1 min", 1, "must be positive"),
                bad("Record 1 s\nRest for 1 min", 1, "Record every"),
                bad("Rest for 1 min, record every soon", 1, "expected a time"),
                bad("Stop when discharge capacity < 80 %\nRest for 1 min", 1, "reference cycle"),
                bad("Stop when discharge capacity < 180 % of cycle 1\nRest for 1 min", 1, "at most 100 %"),
                bad("Stop when energy < 80 % of cycle 1\nRest for 1 min", 1, "Stop when discharge|charge"),
                bad("Stop when charge capacity < 1 mAh of cycle 2\nRest for 1 min", 1, "as a percentage"),
                bad("Polarize from 30 to 0 mA/cm2 in steps of 1 mA/cm2, 60 s each", 1, "0 <= from < to"),
                bad("Polarize from 0 to 30 mA/cm2 in steps of 0.001 mA/cm2, 1 s each", 1, "at most 10000"),
                bad("Polarize from 0 to 30 mA/cm2 in steps of 1 mA, 60 s each", 1, "expected a current density"),
                bad("Polarize from 0 to 30 mA/cm2 in steps of 1 mA/cm2, 60 s each, until 5 mAh", 1, "cannot end at a capacity"),
                bad("Sweep from 0.2 V to 0.2 V vs RHE at 10 mV/s", 1, "the same"),
                bad("Sweep from 0.2 V to -600 V vs RHE at 10 mV/s", 1, "between -10 V and 10 V"),
                bad("Hold at 1e8 V vs RHE for 1 h", 1, "between -10 V and 10 V"),
                bad("Cycle between -5 and 5 V vs RHE at 0.001 mV/s, 3 times", 1, "at most 10000 h per line"),
                bad("Polarize from 0 to 1e9 A in steps of 1e-300 A, 1 s each", 1, "at most 10000"),
                bad("Polarize from 0 to 30 mA in steps of 1 mA, 2000 h each", 1, "at most 10000 h"),
                bad("Sweep from 0.2 V to -0.6 V vs RHE at 0 mV/s", 1, "scan rate must be above 0"),
                bad("Sweep from 0.2 V to -0.6 V vs RHE at 10 mV", 1, "expected a scan rate"),
                bad("Cycle between 0.1 and 0.3 V vs RHE at 20 mV/s", 1, "Cycle between <potential>"),
                bad("Cycle between 0.1 and 0.3 V vs RHE at 20 mV/s, 0 times", 1, "from 1 to 100000"),
                bad("Rest for 1 min\n" + "Rest for " + "9".repeat(1200) + " s", 2, "characters long"),
                bad("Rest for 1 min\nDischarge at 5 mA/cm2 until 0.8 V or 2 h\nRest for 1 fortnight", 3, "unknown unit"),
                bad("Rest\tfor\t10\tmin\n\u00A0\u00A0Rest for 1 min", 2, "unexpected indentation"),
                bad("Rest for 10 min\n\u202Eevil\u202C", 2, "unknown step"),
                bad("Rest for 10 min\n💥 for 2 h", 2, "unknown step"));
    }

    private static Arguments bad(String text, int line, String messagePart) {
        return Arguments.of(text, line, messagePart);
    }

    @ParameterizedTest(name = "[{index}] line {1}: {2}")
    @MethodSource("malformed")
    void namesTheLineSaysWhatIsWrongAndGivesAValidExample(String text, int line, String messagePart) {
        Throwable thrown = catchThrowable(() -> ProtocolParser.parse(text));

        assertThat(thrown).isInstanceOf(ProtocolException.class);
        List<ProtocolError> errors = ((ProtocolException) thrown).errors();
        assertThat(errors).isNotEmpty();
        ProtocolError first = errors.get(0);
        assertThat(first.line()).isEqualTo(line);
        assertThat(first.message()).startsWith("line " + line + ": ").contains(messagePart);
        assertThat(first.example()).isNotBlank();
        assertThat(ProtocolParser.parse(exampleLine(first.example()))).isNotNull();
    }

    /** An example names a whole valid line (a Repeat example is followed by a hint about its block). */
    private static String exampleLine(String example) {
        return example.startsWith("Repeat") ? "Repeat 50 times:\n  Rest for 1 min" : example + "\nRest for 1 min";
    }

    @Test
    void reportsEveryBadLineNotOnlyTheFirst() {
        ProtocolException e = (ProtocolException) catchThrowable(() -> ProtocolParser.parse(
                "Rest for 1 min\nWalk for 2 min\nRest for 3 min\nCharge at 2 mA until 9 apples"));

        assertThat(e.errors()).extracting(ProtocolError::line).containsExactly(2, 4);
    }

    @Test
    void aRepeatHeadWithoutItsColonStillOwnsItsBlock() {
        ProtocolException e = (ProtocolException) catchThrowable(() -> ProtocolParser.parse(
                "Repeat 3 times\n  Rest for 1 min\n  Rest for 2 min"));

        assertThat(e.errors()).extracting(ProtocolError::line).containsExactly(1);
    }

    @Test
    void aBrokenRepeatHeadStillOwnsItsBlock() {
        ProtocolException e = (ProtocolException) catchThrowable(() -> ProtocolParser.parse(
                "Repeat x times:\n  Rest for 1 min\n  Rest for 2 min\nRest for 3 min"));

        assertThat(e.errors()).extracting(ProtocolError::line).containsExactly(1);
    }

    @Test
    void seededRandomGarbageNeverThrowsAnythingElse() {
        String[] tokens = {"Rest", "Discharge", "Charge", "Hold", "Ask", "Repeat", "Limits:", "Record", "Stop",
                "Polarize", "Sweep", "Cycle", "at", "for", "until", "or", "vs", "RHE", "Ag/AgCl", "every", "when",
                "times:", "from", "to", "in", "steps", "of", "each,", "between", "and", "capacity", "<", "%", ",",
                "5", "-0.1", "1e309", "NaN", "Infinity", "0", "-0", "2.4", "99999999999999999999", ".5", "1e-400",
                "mA", "mA/cm2", "V", "mV", "h", "min", "s", "mAh", "mV/s", "µA", "\"", "“", "#", ":", "\t", "  ",
                "\n", "\n  ", "\n    ", "\r\n", "\u0000", "😀", "é", "\u00A0", "cycle", "discharge"};
        Random random = new Random(20261121L);
        int parsed = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(25);
            for (int t = 0; t < length; t++) {
                text.append(tokens[random.nextInt(tokens.length)]).append(random.nextInt(4) == 0 ? "" : " ");
            }
            String protocol = text.toString();
            int lineCount = protocol.split("\r\n|\r|\n", -1).length;
            try {
                ProtocolParser.parse(protocol);
                parsed++;
            } catch (ProtocolException e) {
                assertThat(e.errors()).as(protocol).isNotEmpty().allSatisfy(error -> {
                    assertThat(error.line()).isBetween(1, lineCount);
                    assertThat(error.message()).startsWith("line " + error.line() + ": ")
                            .doesNotContain("could not read");
                    assertThat(error.example()).isNotBlank();
                });
            } catch (RuntimeException e) {
                throw new AssertionError("unexpected " + e + " for protocol:\n" + protocol, e);
            }
        }
        assertThat(parsed).as("some random texts are valid protocols").isPositive();
    }

    @Test
    void randomBytesAsTextNeverThrowAnythingElse() {
        Random random = new Random(7L);
        for (int i = 0; i < 5_000; i++) {
            char[] chars = new char[random.nextInt(200)];
            for (int c = 0; c < chars.length; c++) {
                chars[c] = (char) random.nextInt(random.nextBoolean() ? 128 : 0x10000);
            }
            Throwable thrown = catchThrowable(() -> ProtocolParser.parse(new String(chars)));
            assertThat(thrown).isInstanceOf(ProtocolException.class);
        }
    }

    @Test
    void aHugeProtocolIsRefusedWithoutReadingIt() {
        Throwable thrown = catchThrowable(() -> ProtocolParser.parse("Rest for 1 min\n".repeat(100_000)));

        assertThat(((ProtocolException) thrown).errors()).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("at most 1000000"));
    }

    @Test
    void stopsAfterAHundredErrors() {
        Throwable thrown = catchThrowable(() -> ProtocolParser.parse("Walk for 1 min\n".repeat(1000)));

        assertThat(((ProtocolException) thrown).errors()).hasSize(100);
    }
}
