// A light reading of a protocol's text, only for what the page shows: the step tree with Repeat
// blocks, the cycle total, and how long each step is planned to take. The station's parser stays
// the authority (it validates); this never decides anything about the run.

const DIRECTIVE = /^(limits\s*:|record\s+every\b|stop\s+when\b)/i;
const REPEAT = /^repeat\s+(\d+)\s+times?\s*:/i;
const ASK = /^ask\b/i;
const POLARIZE = /^polari[sz]e\b/i;

const TIME_MS = {
  ms: 1, s: 1e3, sec: 1e3, second: 1e3, seconds: 1e3, min: 6e4, mins: 6e4, minute: 6e4, minutes: 6e4,
  h: 36e5, hr: 36e5, hour: 36e5, hours: 36e5,
};
const CURRENT_A = { a: 1, ma: 1e-3, ua: 1e-6, 'µa': 1e-6, 'a/cm2': 1, 'ma/cm2': 1e-3, 'ua/cm2': 1e-6, 'µa/cm2': 1e-6 };

/** "10 min" → 600000, or null when the text is not a time. */
export function timeMs(text) {
  const m = String(text).trim().match(/^(\d+(?:\.\d+)?)\s*([a-zµ]+)$/i);
  if (!m) return null;
  const factor = TIME_MS[m[2].toLowerCase()];
  return factor ? Number(m[1]) * factor : null;
}

/** Lines that mean something: comments (# outside an Ask's quotes) and blank lines dropped. */
function meaningfulLines(text) {
  return String(text ?? '').split('\n').map((raw, i) => {
    let quoted = false;
    let cut = raw.length;
    for (let k = 0; k < raw.length; k++) {
      const c = raw[k];
      if (c === '"' || c === '\u201C' || c === '\u201D') quoted = !quoted;
      else if (c === '#' && !quoted) { cut = k; break; }
    }
    const line = raw.slice(0, cut).replace(/\s+$/, '');
    const indent = line.match(/^[ \t]*/)[0].replace(/\t/g, '    ').length;
    return { number: i + 1, indent, content: line.trim() };
  }).filter((l) => l.content.length > 0);
}

/**
 * The planned duration of one step: {ms, exact}. ms is null when no time bounds the step (it ends
 * on a voltage or capacity only); exact is false when the step may end earlier than ms.
 */
export function plannedStep(content) {
  const body = content.replace(/,\s*record\s+every\s+.*$/i, '');
  if (ASK.test(body)) return { kind: 'ask', ms: 0, exact: true };
  if (POLARIZE.test(body)) return polarize(body);
  const sweep = body.match(/^sweep\s+from\s+(-?[\d.]+)\s*(m?v)?\s+to\s+(-?[\d.]+)\s*(m?v)\b.*?\bat\s+([\d.]+)\s*(m?v)\/s/i);
  if (sweep) {
    const unit = volts(sweep[4]);
    const span = Math.abs(Number(sweep[3]) * unit - Number(sweep[1]) * volts(sweep[2] ?? sweep[4]));
    return withEnds(body, { kind: 'sweep', ms: (span / (Number(sweep[5]) * volts(sweep[6]))) * 1000, exact: true });
  }
  const cv = body.match(/^cycle\s+between\s+(-?[\d.]+)\s*(m?v)?\s+and\s+(-?[\d.]+)\s*(m?v)\b.*?\bat\s+([\d.]+)\s*(m?v)\/s\s*,\s*(\d+)\s+times?/i);
  if (cv) {
    const span = Math.abs(Number(cv[3]) * volts(cv[4]) - Number(cv[1]) * volts(cv[2] ?? cv[4]));
    const ms = ((2 * span) / (Number(cv[5]) * volts(cv[6]))) * Number(cv[7]) * 1000;
    return withEnds(body, { kind: 'cyclic-voltammetry', ms, exact: true });
  }
  return withEnds(body, { kind: /^rest\b/i.test(body) ? 'rest' : 'driven', ms: null, exact: false });
}

const volts = (unit) => (String(unit ?? 'v').toLowerCase() === 'mv' ? 1e-3 : 1);

/** Applies "for …" / "until … or …" ends: the earliest time end bounds the step; any other end may cut it short. */
function withEnds(body, planned) {
  const m = body.match(/\s(?:for|until)\s+(.*)$/i);
  if (!m) return planned;
  const ends = m[1].split(/\s+or\s+(?:until\s+|for\s+)?/i);
  const times = ends.map(timeMs).filter((t) => t != null);
  const others = ends.length - times.length;
  const bound = times.length ? Math.min(...times) : null;
  if (planned.ms == null) return { ...planned, ms: bound, exact: bound != null && others === 0 };
  return { ...planned, ms: bound == null ? planned.ms : Math.min(planned.ms, bound), exact: planned.exact && ends.length === 0 };
}

function polarize(body) {
  const m = body.match(/^polari[sz]e\s+from\s+([\d.]+)\s*([a-zµ/0-9]*)\s+to\s+([\d.]+)\s*([a-zµ/0-9]+)\s+in\s+steps\s+of\s+([\d.]+)\s*([a-zµ/0-9]+)\s*,\s*(.+?)\s+each(\s*,\s*until\s.*)?$/i);
  if (!m) return { kind: 'polarize', ms: null, exact: false };
  const unit = (u) => CURRENT_A[String(u).toLowerCase()] ?? 1;
  const to = Number(m[3]) * unit(m[4]);
  const from = Number(m[1]) * unit(m[2] || m[4]);
  const step = Number(m[5]) * unit(m[6]);
  const dwell = timeMs(m[7]);
  if (!(step > 0) || dwell == null) return { kind: 'polarize', ms: null, exact: false };
  const levels = Math.floor((to - from) / step + 1e-9) + 1;
  return { kind: 'polarize', ms: levels * dwell, exact: !m[8] };
}

/**
 * The outline of a protocol: {steps, title, totalCycles, hasPolarize}. steps is a tree of
 * {kind, line, text, ms, exact} and {kind: 'repeat', line, text, times, steps}.
 */
export function outline(text) {
  const root = { steps: [] };
  const stack = [{ indent: -1, node: root }];
  let hasPolarize = false;
  for (const line of meaningfulLines(text)) {
    while (stack.length > 1 && stack[stack.length - 1].indent >= line.indent) stack.pop();
    const parent = stack[stack.length - 1].node;
    if (DIRECTIVE.test(line.content)) continue;
    const repeat = line.content.match(REPEAT);
    if (repeat) {
      const node = { kind: 'repeat', line: line.number, text: line.content, times: Number(repeat[1]), steps: [] };
      parent.steps.push(node);
      stack.push({ indent: line.indent, node });
      continue;
    }
    const planned = plannedStep(line.content);
    hasPolarize ||= planned.kind === 'polarize';
    parent.steps.push({ line: line.number, text: line.content, ...planned });
  }
  // Each iteration of an outermost Repeat is a cycle (the engine's rule); without one the run is one cycle.
  const repeats = root.steps.filter((s) => s.kind === 'repeat');
  const totalCycles = repeats.length ? repeats.reduce((sum, r) => sum + r.times, 0) : null;
  return { steps: root.steps, title: titleOf(root.steps), totalCycles, hasPolarize };
}

/** The first step, or a Repeat with its first step ("Repeat 500 times: Discharge at … …"). */
function titleOf(steps) {
  const first = steps[0];
  if (!first) return null;
  if (first.kind !== 'repeat') return first.text;
  const inner = first.steps.flatMap((n) => (n.kind === 'repeat' ? [] : [n]));
  return inner.length ? `${first.text} ${inner[0].text}${first.steps.length > 1 ? ' …' : ''}` : first.text;
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
