package org.no3rr.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits protocol text into meaningful lines: blank lines and {@code #} comments are dropped,
 * indentation is measured so blocks can be found.
 */
final class SourceLines {

    static final int TAB_WIDTH = 4;

    private SourceLines() {
    }

    static List<SourceLine> of(String text) {
        List<SourceLine> lines = new ArrayList<>();
        String[] raw = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String line = stripComment(raw[i]);
            int indent = 0;
            int start = 0;
            while (start < line.length() && isBlank(line.charAt(start))) {
                indent += line.charAt(start) == '\t' ? TAB_WIDTH : 1;
                start++;
            }
            String content = line.substring(start).strip();
            if (!content.isEmpty()) {
                lines.add(new SourceLine(i + 1, indent, content));
            }
        }
        return lines;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\u00A0';
    }

    /** A {@code #} starts a comment unless it is inside an Ask's quotes. */
    private static String stripComment(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' || c == '\u201C' || c == '\u201D') {
                quoted = !quoted;
            } else if (c == '#' && !quoted) {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
