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
            prompt = quoted.group(1);
        } else if (unquoted.matches()) {
            prompt = unquoted.group(1);
        } else {
            throw new LineProblem("a question reads 'Ask \"…\"' with the text in double quotes", EXAMPLE);
        }
        return new ParsedLine.StepLine(new Step.Ask(line.number(), line.content(), prompt));
    }

    /**
     * The prompt without surrounding blanks, once it fits a phone and survives being written as
     * protocol text and read back (which is how a run stores it).
     *
     * @throws LineProblem when it is empty, too long, more than one line, or holds a '#' that the
     *                     text form would read as the start of a comment (the JSON reader also
     *                     refuses other control characters, as it always has)
     */
    static String checkPrompt(String prompt) {
        String stripped = prompt == null ? "" : prompt.strip();
        if (stripped.isEmpty()) {
            throw new LineProblem("the question is empty; say what the person should do", EXAMPLE);
        }
        if (stripped.length() > LONGEST_PROMPT) {
            throw new LineProblem("the question is " + stripped.length() + " characters long; at most "
                    + LONGEST_PROMPT + " fit on a phone", EXAMPLE);
        }
        if (stripped.indexOf('\n') >= 0 || stripped.indexOf('\r') >= 0) {
            throw new LineProblem("a prompt is one line; remove line breaks", EXAMPLE);
        }
        boolean quoted = true;
        for (char c : stripped.toCharArray()) {
            if (c == '"' || c == '\u201C' || c == '\u201D') {
                quoted = !quoted;
            } else if (c == '#' && !quoted) {
                throw new LineProblem("the prompt cannot be kept as protocol text; a '#' after an odd number of "
                        + "double quotes starts a comment — use single quotes", EXAMPLE);
            }
        }
        return stripped;
    }
}
