package org.no3rr.protocol;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Turns protocol text into a {@link Protocol}: one step per line, {@code Repeat} blocks by
 * indentation, {@code #} comments. Every error of every line is collected and thrown together in
 * one {@link ProtocolException}; no other exception escapes, whatever the input.
 */
public final class ProtocolParser {

    static final int LONGEST_TEXT = 1_000_000;
    static final int LONGEST_LINE = 1_000;
    static final int MOST_ERRORS = 100;
    static final String FIRST_EXAMPLE = CurrentStepReader.REST_EXAMPLE;

    private final List<ProtocolError> errors = new ArrayList<>();
    private final Deque<Block> blocks = new ArrayDeque<>();
    private Block awaitingBlock;
    private SafetyLimits limits;
    private RecordRule recording;
    private final List<StopCondition> stops = new ArrayList<>();

    private ProtocolParser() {
    }

    /**
     * @throws ProtocolException with every error found, each naming its line
     */
    public static Protocol parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ProtocolException(List.of(new ProtocolError(1, "line 1: the protocol is empty; write one step "
                    + "per line", FIRST_EXAMPLE)));
        }
        if (text.length() > LONGEST_TEXT) {
            throw new ProtocolException(List.of(new ProtocolError(1, "line 1: the protocol is " + text.length()
                    + " characters long; at most " + LONGEST_TEXT + " are accepted", FIRST_EXAMPLE)));
        }
        return new ProtocolParser().read(text);
    }

    private Protocol read(String text) {
        List<SourceLine> lines = SourceLines.of(text);
        if (lines.isEmpty()) {
            fail(1, "the protocol has only comments; write at least one step", FIRST_EXAMPLE);
            throw new ProtocolException(errors);
        }
        blocks.push(new Block(lines.get(0).indent(), null, 0));
        for (SourceLine line : lines) {
            if (errors.size() >= MOST_ERRORS) {
                break;
            }
            place(line);
        }
        if (awaitingBlock != null) {
            failWithoutBlock(awaitingBlock);
        }
        while (blocks.size() > 1) {
            closeInnermostBlock();
        }
        List<Step> steps = blocks.peek().steps;
        if (errors.isEmpty() && steps.isEmpty()) {
            fail(lines.get(0).number(), "the protocol has no steps", FIRST_EXAMPLE);
        }
        if (!errors.isEmpty()) {
            throw new ProtocolException(errors.subList(0, Math.min(errors.size(), MOST_ERRORS)));
        }
        return new Protocol(text, steps, Optional.ofNullable(limits), Optional.ofNullable(recording), stops);
    }

    private void place(SourceLine line) {
        if (awaitingBlock != null) {
            if (line.indent() > blocks.peek().indent) {
                awaitingBlock.indent = line.indent();
                blocks.push(awaitingBlock);
            } else {
                failWithoutBlock(awaitingBlock);
            }
            awaitingBlock = null;
        }
        if (line.indent() > blocks.peek().indent) {
            fail(line.number(), "unexpected indentation; only the steps of a Repeat block are indented",
                    RepeatReader.EXAMPLE);
            return;
        }
        while (line.indent() < blocks.peek().indent && blocks.size() > 1) {
            closeInnermostBlock();
        }
        if (line.indent() != blocks.peek().indent) {
            fail(line.number(), "the indentation does not line up with any enclosing block", RepeatReader.EXAMPLE);
            return;
        }
        if (line.content().length() > LONGEST_LINE) {
            fail(line.number(), "the line is " + line.content().length() + " characters long; at most " + LONGEST_LINE,
                    FIRST_EXAMPLE);
            return;
        }
        try {
            accept(line, LineReaders.read(line));
        } catch (LineProblem problem) {
            fail(line.number(), problem.getMessage(), problem.example());
            if (looksLikeBlockHead(line)) {
                awaitingBlock = new Block(-1, line, 0);
                awaitingBlock.broken = true;
            }
        } catch (RuntimeException unexpected) {
            fail(line.number(), "could not read this line (" + unexpected.getClass().getSimpleName() + ")",
                    FIRST_EXAMPLE);
        }
    }

    private void accept(SourceLine line, ParsedLine parsed) {
        if (parsed instanceof ParsedLine.StepLine) {
            blocks.peek().steps.add(((ParsedLine.StepLine) parsed).step());
        } else if (parsed instanceof ParsedLine.RepeatHead) {
            awaitingBlock = new Block(-1, line, ((ParsedLine.RepeatHead) parsed).times());
        } else {
            acceptRunSetting(line, parsed);
        }
    }

    private void acceptRunSetting(SourceLine line, ParsedLine parsed) {
        String example = parsed instanceof ParsedLine.LimitsLine ? LimitsReader.EXAMPLE
                : parsed instanceof ParsedLine.RecordLine ? RecordRuleReader.EXAMPLE : StopReader.EXAMPLE;
        if (blocks.size() > 1) {
            String keyword = line.content().split("[\\s:]", 2)[0];
            fail(line.number(), "'" + keyword + "' applies to the whole run; write it at the top level, not inside a "
                    + "Repeat block", example);
        } else if (parsed instanceof ParsedLine.LimitsLine) {
            if (limits != null) {
                fail(line.number(), "the safety limits are given twice; keep one Limits line", example);
            }
            limits = ((ParsedLine.LimitsLine) parsed).limits();
        } else if (parsed instanceof ParsedLine.RecordLine) {
            if (recording != null) {
                fail(line.number(), "the recording rule is given twice; keep one Record line (a single step can "
                        + "have its own: '…, record every 10 s')", example);
            }
            recording = ((ParsedLine.RecordLine) parsed).rule();
        } else {
            stops.add(((ParsedLine.StopLine) parsed).stop());
        }
    }

    private void closeInnermostBlock() {
        Block done = blocks.pop();
        if (!done.broken && !done.steps.isEmpty()) {
            blocks.peek().steps.add(new Step.Repeat(done.headLine, done.headText, done.times, done.steps));
        }
    }

    /**
     * A Repeat line with an error still owns the indented lines below it, so they are checked as
     * its block instead of each being reported as unexpectedly indented.
     */
    private static boolean looksLikeBlockHead(SourceLine line) {
        return line.content().split("[\\s:]", 2)[0].equalsIgnoreCase("repeat");
    }

    /** A Repeat head with nothing indented below it; a head that was already wrong is not blamed twice. */
    private void failWithoutBlock(Block head) {
        if (!head.broken) {
            fail(head.headLine, "'" + head.headText + "' needs an indented block of steps below it",
                    RepeatReader.EXAMPLE + " followed by indented steps");
        }
    }

    private void fail(int line, String message, String example) {
        errors.add(new ProtocolError(line, "line " + line + ": " + message, example));
    }

    /** An open block: the top level, or a Repeat whose indented steps are being collected. */
    private static final class Block {
        int indent;
        final int headLine;
        final String headText;
        final int times;
        final List<Step> steps = new ArrayList<>();
        boolean broken;

        Block(int indent, SourceLine head, int times) {
            this.indent = indent;
            this.headLine = head == null ? 0 : head.number();
            this.headText = head == null ? "" : head.content();
            this.times = times;
        }
    }
}
