package org.no3rr.protocol;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code Ask "Refresh the electrolyte"} (also {@code Ask: Refresh the electrolyte}). */
final class AskReader {

    static final String EXAMPLE = "Ask \"Refresh the electrolyte and take a sample\"";
    static final int LONGEST_PROMPT = 500;

    private static final Pattern QUOTED = Pattern.compile("(?i)ask\\s*:?\\s*[\"\u201C](.*)[\"\u201D]");
    private static final Pattern UNQUOTED = Pattern.compile("(?i)ask\\s*:\\s*([^\"\u201C\u201D]*)");

    private AskReader() {
    }

    static ParsedLine read(SourceLine line) {
        Matcher quoted = QUOTED.matcher(line.content());
        Matcher unquoted = UNQUOTED.matcher(line.content());
        String prompt;
        if (quoted.matches()) {
            prompt = quoted.group(1).strip();
        } else if (unquoted.matches()) {
            prompt = unquoted.group(1).strip();
        } else {
            throw new LineProblem("a question reads 'Ask \"…\"' with the text in double quotes", EXAMPLE);
        }
        if (prompt.isEmpty()) {
            throw new LineProblem("the question is empty; say what the person should do", EXAMPLE);
        }
        if (prompt.length() > LONGEST_PROMPT) {
            throw new LineProblem("the question is " + prompt.length() + " characters long; at most "
                    + LONGEST_PROMPT + " fit on a phone", EXAMPLE);
        }
        return new ParsedLine.StepLine(new Step.Ask(line.number(), line.content(), prompt));
    }
}
