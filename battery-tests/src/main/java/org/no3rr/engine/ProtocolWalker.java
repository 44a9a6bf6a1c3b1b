package org.no3rr.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.no3rr.protocol.Step;

/**
 * Walks a protocol's steps in execution order through nested Repeat blocks, without unrolling
 * them (a 500-cycle protocol stays a handful of steps). Pure: positions in, positions out.
 */
final class ProtocolWalker {

    /**
     * The next step to run.
     *
     * @param position           where it is
     * @param outerIterationBegun whether getting there began an iteration of an outermost Repeat,
     *                           which is what starts a new cycle
     */
    record Move(StepPosition position, boolean outerIterationBegun) {
    }

    private final List<Step> topLevel;

    ProtocolWalker(List<Step> topLevel) {
        this.topLevel = topLevel;
    }

    /** The position just before the first step; {@link #next} from here gives the first step. */
    static StepPosition beforeStart() {
        return new StepPosition(List.of(new StepPosition.Frame(-1, 1)));
    }

    Optional<Move> next(StepPosition from) {
        List<StepPosition.Frame> frames = new ArrayList<>(from.frames());
        boolean outer = false;
        while (true) {
            int depth = frames.size() - 1;
            StepPosition.Frame frame = frames.get(depth);
            if (frame.index() + 1 < blockAt(frames, depth).size()) {
                frames.set(depth, new StepPosition.Frame(frame.index() + 1, frame.iteration()));
                break;
            }
            if (depth == 0) {
                return Optional.empty();
            }
            Step.Repeat owner = (Step.Repeat) blockAt(frames, depth - 1).get(frames.get(depth - 1).index());
            if (frame.iteration() < owner.times()) {
                frames.set(depth, new StepPosition.Frame(0, frame.iteration() + 1));
                outer |= depth == 1;
                break;
            }
            frames.remove(depth);
        }
        while (stepAt(frames) instanceof Step.Repeat) {
            frames.add(new StepPosition.Frame(0, 1));
            outer |= frames.size() == 2;
        }
        return Optional.of(new Move(new StepPosition(frames), outer));
    }

    Step stepAt(StepPosition position) {
        return stepAt(position.frames());
    }

    /** Whether a position (e.g. decoded from a stored state) names a runnable step of this protocol. */
    boolean isRunnable(StepPosition position) {
        List<StepPosition.Frame> frames = position.frames();
        List<Step> block = topLevel;
        for (int depth = 0; depth < frames.size(); depth++) {
            StepPosition.Frame frame = frames.get(depth);
            if (frame.index() < 0 || frame.index() >= block.size() || frame.iteration() < 1) {
                return false;
            }
            Step step = block.get(frame.index());
            boolean last = depth == frames.size() - 1;
            if (last) {
                return !(step instanceof Step.Repeat);
            }
            if (!(step instanceof Step.Repeat) || frames.get(depth + 1).iteration() > ((Step.Repeat) step).times()) {
                return false;
            }
            block = ((Step.Repeat) step).steps();
        }
        return false;
    }

    private Step stepAt(List<StepPosition.Frame> frames) {
        int depth = frames.size() - 1;
        return blockAt(frames, depth).get(frames.get(depth).index());
    }

    private List<Step> blockAt(List<StepPosition.Frame> frames, int depth) {
        List<Step> block = topLevel;
        for (int d = 0; d < depth; d++) {
            block = ((Step.Repeat) block.get(frames.get(d).index())).steps();
        }
        return block;
    }
}
