package org.no3rr.protocol;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The language's table of contents: the first word of a line selects the reader for it. A new
 * kind of line is a reader and one row here.
 */
final class LineReaders {

    static final String KNOWN =
            "Rest, Discharge, Charge, Hold, Polarize, Sweep, Cycle, Ask, Repeat, Limits, Record, Stop";

    private static final Map<String, Function<SourceLine, ParsedLine>> BY_FIRST_WORD = Map.ofEntries(
            Map.entry("rest", CurrentStepReader::rest),
            Map.entry("discharge", CurrentStepReader::drive),
            Map.entry("charge", CurrentStepReader::drive),
            Map.entry("hold", VoltageStepReader::holdOrPotentialHold),
            Map.entry("sweep", PotentialStepReader::sweep),
            Map.entry("cycle", PotentialStepReader::cycle),
            Map.entry("polarize", PolarizeReader::read),
            Map.entry("polarise", PolarizeReader::read),
            Map.entry("ask", AskReader::read),
            Map.entry("repeat", RepeatReader::read),
            Map.entry("limits", LimitsReader::read),
            Map.entry("record", RecordRuleReader::line),
            Map.entry("stop", StopReader::read));

    private LineReaders() {
    }

    static ParsedLine read(SourceLine line) {
        String first = line.content().split("[\\s:\"\u201C]", 2)[0];
        Function<SourceLine, ParsedLine> reader = BY_FIRST_WORD.get(first.toLowerCase(Locale.ROOT));
        if (reader == null) {
            throw new LineProblem("unknown step '" + abbreviate(first) + "'; a line starts with one of: " + KNOWN,
                    CurrentStepReader.REST_EXAMPLE);
        }
        return reader.apply(line);
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
