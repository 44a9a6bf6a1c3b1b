package org.no3rr.protocol;

/**
 * One meaningful line of protocol text.
 *
 * @param number  1-based line number in the original text
 * @param indent  indentation in columns (a tab counts as {@value SourceLines#TAB_WIDTH})
 * @param content the line without indentation, comment and trailing blanks
 */
record SourceLine(int number, int indent, String content) {
}
