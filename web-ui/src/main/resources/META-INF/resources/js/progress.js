// How far a run is, and how long it has left — estimated from its protocol, never invented.
//
// With a planned time for every step: the planned time of all steps before the current one
// (whole Repeat iterations counted from the cycle number) plus the time spent in the current
// step, capped at its plan, over the planned total. Steps that may end early on a voltage make
// the remaining time an upper bound ("at most"). Without a planned time for some step but with an
// outermost Repeat: cycles done over cycles planned, and the remaining time at the pace so far.
// Otherwise the progress is unknown and the page shows "—".

import { allExact, contains, flatSteps, plannedMs, stepOnLine } from './protocol-outline.js';

const FINISHED = new Set(['DONE']);
const ENDED_EARLY = new Set(['STOPPED', 'FAULTED', 'INTERRUPTED']);

/**
 * @param outline    from protocol-outline.js (the station's outline of the run's protocol)
 * @param run        {state, startedMs}
 * @param step       {line (protocol line), cycle, stepTimeS (the step's own clock, which stands still
 *                   while paused or waiting)} or null
 * @param stepStartMs when the current step began, if known
 * @param nowMs      the run's clock now: its latest sample's time
 * @returns {fraction, remainingMs, bound: 'about'|'at most'|'pace', basis} — fraction and remainingMs may be null
 */
export function estimate(outline, { state, startedMs, step, stepStartMs, nowMs }) {
  if (FINISHED.has(state)) return { fraction: 1, remainingMs: 0, bound: 'about', basis: 'done' };
  if (!outline || !step) return unknown();
  const total = plannedMs(outline.steps);
  const before = total == null ? null : plannedBefore(outline.steps, step.line, step.cycle);
  let result;
  if (total != null && total > 0 && before != null) {
    const current = stepOnLine(outline.steps, step.line);
    const start = stepStartMs ?? impliedStart(outline, startedMs, before, step);
    const inStep = step.stepTimeS != null && step.stepTimeS > 0 ? step.stepTimeS * 1000
      : start == null || nowMs == null ? 0 : Math.max(0, nowMs - start);
    const done = before + Math.min(inStep, current?.ms ?? 0);
    result = {
      fraction: clamp(done / total),
      remainingMs: Math.max(0, total - done),
      bound: allExact(outline.steps) ? 'about' : 'at most',
      basis: 'time',
    };
  } else if (outline.totalCycles) {
    const fraction = clamp(cyclesDone(outline, step) / outline.totalCycles);
    const elapsed = startedMs != null && nowMs != null ? nowMs - startedMs : null;
    // Below 1 % the pace says little about the rest of the run.
    const remainingMs = elapsed != null && fraction >= 0.01 ? (elapsed * (1 - fraction)) / fraction : null;
    result = { fraction, remainingMs, bound: 'pace', basis: 'cycles' };
  } else {
    return unknown();
  }
  // A run that ended early keeps how far it got, and has no time left.
  if (ENDED_EARLY.has(state)) result.remainingMs = null;
  return result;
}

const unknown = () => ({ fraction: null, remainingMs: null, bound: null, basis: 'unknown' });
const clamp = (x) => Math.min(1, Math.max(0, x));

/**
 * The step's start when nothing has told us: only the very first step, or a step after steps
 * that all take exactly their plan, starts at a known time. Otherwise unknown, and progress then
 * moves from step to step only until the live stream reports a step's start.
 */
function impliedStart(outline, startedMs, before, step) {
  if (startedMs == null) return null;
  if (before === 0 || allExact(outline.steps)) return startedMs + before;
  return null;
}

/** Planned ms of everything before the step on `line`, in cycle `cycle`; null if unknown or not found. */
export function plannedBefore(topLevel, line, cycle) {
  let acc = 0;
  let cyclesBefore = 0;
  for (const node of topLevel) {
    if (node.kind === 'repeat' && contains(node, line)) {
      // Outermost Repeat: its iteration is the cycle, counted after the cycles of earlier Repeats.
      const iteration = Math.min(node.times, Math.max(1, cycle - cyclesBefore));
      const block = plannedMs(node.steps);
      const inner = withinBlock(node.steps, line);
      return block == null || inner == null ? null : acc + (iteration - 1) * block + inner;
    }
    if (node.kind !== 'repeat' && node.line === line) return acc;
    const ms = plannedMs(node);
    if (ms == null) return null;
    acc += ms;
    if (node.kind === 'repeat') cyclesBefore += node.times;
  }
  return null;
}

/** Inside a block: nested Repeats do not count cycles, so their iteration is unknown; take the first. */
function withinBlock(nodes, line) {
  let acc = 0;
  for (const node of nodes) {
    if (contains(node, line)) {
      if (node.kind === 'repeat') {
        const inner = withinBlock(node.steps, line);
        return inner == null ? null : acc + inner;
      }
      return acc;
    }
    const ms = plannedMs(node);
    if (ms == null) return null;
    acc += ms;
  }
  return null;
}

/** Cycles done, counting the current cycle's steps done as a fraction of its block's steps. */
function cyclesDone(outline, step) {
  const repeat = outline.steps.find((n) => n.kind === 'repeat' && contains(n, step.line));
  if (!repeat) return Math.max(0, step.cycle - 1);
  const flat = flatSteps(repeat.steps);
  const position = Math.max(0, flat.findIndex((n) => n.line === step.line));
  return step.cycle - 1 + position / flat.length;
}
