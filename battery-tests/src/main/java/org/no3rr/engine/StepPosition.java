package org.no3rr.engine;

import java.util.List;

/**
 * Where a run is in its protocol: one frame per nesting level, outermost first. A frame holds the
 * step's position in its block (0-based) and, for frames inside a Repeat, which iteration of that
 * Repeat is running (1-based; always 1 at the top level).
 */
public record StepPosition(List<Frame> frames) {

    public StepPosition {
        frames = List.copyOf(frames);
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("a step position needs at least one frame");
        }
    }

    /** Position in one block. */
    public record Frame(int index, int iteration) {
    }

    /** Compact text form, e.g. {@code 1.1/0.3}: second top-level step, its first step, third iteration. */
    String encode() {
        StringBuilder b = new StringBuilder();
        for (Frame f : frames) {
            if (b.length() > 0) {
                b.append('/');
            }
            b.append(f.index()).append('.').append(f.iteration());
        }
        return b.toString();
    }

    static StepPosition decode(String text) {
        String[] parts = text.split("/", -1);
        Frame[] frames = new Frame[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String[] pair = parts[i].split("\\.", -1);
            if (pair.length != 2) {
                throw new IllegalArgumentException("step position '" + text + "' is not of the form 1.1/0.3");
            }
            frames[i] = new Frame(Integer.parseInt(pair[0]), Integer.parseInt(pair[1]));
        }
        return new StepPosition(List.of(frames));
    }
}
