// A protocol's outline as the station gives it (POST /api/protocols/outline): the step tree with
// Repeat blocks, the cycle total, and how long each step is planned to take. The page never reads
// protocol text itself; the station's parser is the one authority on what a line means.

import { post } from './api.js';

const outlines = new Map(); // protocol text → Promise of the page's outline

/**
 * The outline of a protocol text, asked of the station once per text: {steps, title, totalCycles,
 * plannedMs, exact}. steps is a tree of {kind, line, text, canonical, ms, exact} and
 * {kind: 'repeat', line, text, times, steps}; kind is the station's step kind (rest, charge,
 * discharge, voltage_hold, hold, polarization, sweep, cyclic_voltammetry, ask, repeat).
 */
export function outlineOf(text) {
  const key = String(text ?? '');
  if (!outlines.has(key)) {
    const asked = post('/api/protocols/outline', { protocol: key }).then(fromStation);
    asked.catch(() => outlines.delete(key)); // a refused or failed request is asked again next time
    outlines.set(key, asked);
  }
  return outlines.get(key);
}

/** The page's outline from the station's (a validate response carries one too). */
export function fromStation(station) {
  const root = { steps: [] };
  const parents = [root];
  for (const row of station.steps) {
    const node = row.kind === 'repeat'
      ? { kind: 'repeat', line: row.line, text: row.text, times: row.times, steps: [] }
      : { kind: row.kind, line: row.line, text: row.text, canonical: row.canonical, ms: row.plannedMillis, exact: row.plannedExact };
    parents.length = row.depth + 1;
    parents[row.depth].steps.push(node);
    if (node.kind === 'repeat') parents[row.depth + 1] = node;
  }
  return {
    steps: root.steps,
    title: station.title,
    totalCycles: station.totalCycles,
    plannedMs: station.plannedMillis,
    exact: station.plannedExact,
  };
}

/** Planned ms of a node or list of nodes; null when any part is unknown. */
export function plannedMs(node) {
  if (Array.isArray(node)) {
    let sum = 0;
    for (const n of node) {
      const ms = plannedMs(n);
      if (ms == null) return null;
      sum += ms;
    }
    return sum;
  }
  if (node.kind === 'repeat') {
    const block = plannedMs(node.steps);
    return block == null ? null : block * node.times;
  }
  return node.ms;
}

/** Whether every step has an exact planned time (no step can end early on a voltage). */
export function allExact(nodes) {
  return nodes.every((n) => (n.kind === 'repeat' ? allExact(n.steps) : n.exact));
}

export function contains(node, line) {
  if (node.line === line) return true;
  return node.kind === 'repeat' && node.steps.some((s) => contains(s, line));
}

/** The step on a protocol line, found through Repeat blocks. */
export function stepOnLine(nodes, line) {
  for (const n of nodes) {
    if (n.kind === 'repeat') {
      const found = stepOnLine(n.steps, line);
      if (found) return found;
    } else if (n.line === line) {
      return n;
    }
  }
  return null;
}

/** Every step (not Repeat) of a tree, in protocol order. */
export function flatSteps(nodes) {
  return nodes.flatMap((n) => (n.kind === 'repeat' ? flatSteps(n.steps) : [n]));
}
