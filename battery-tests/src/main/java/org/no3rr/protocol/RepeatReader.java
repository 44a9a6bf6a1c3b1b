package org.no3rr.protocol;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code Repeat 50 times:}; the block itself is collected by {@link ProtocolParser}. */
final class RepeatReader {

    static final String EXAMPLE = "Repeat 50 times:";
    static final int MOST_TIMES = 1_000_000;

    private static final Pattern REPEAT = Pattern.compile("(?i)repeat\\s+(\\S+)\\s+times?\\s*:");

    private RepeatReader() {
    }

    static ParsedLine read(SourceLine line) {
        Matcher m = REPEAT.matcher(line.content());
        if (!m.matches()) {
            throw new LineProblem("a repeat reads 'Repeat <N> times:' followed by an indented block", EXAMPLE);
        }
        int times = Quantities.wholeNumber(m.group(1), 1, MOST_TIMES, "the repeat count", EXAMPLE);
        return new ParsedLine.RepeatHead(times);
    }
}
