// Display units (domain.md): the station stores SI; people read mA cm⁻², mAh and mW cm⁻².
// Current is positive when anodic: positive charges a battery, a discharge is negative.

const STATE_WORDS = {
  IDLE: 'idle', QUEUED: 'queued', RUNNING: 'running', WAITING_FOR_ANSWER: 'waiting for you', PAUSED: 'paused',
  DONE: 'done', FAULTED: 'faulted', STOPPED: 'stopped', INTERRUPTED: 'interrupted',
};

export const stateWords = (state) => STATE_WORDS[state] ?? String(state ?? '').toLowerCase();

export const ACTIVE_STATES = new Set(['RUNNING', 'WAITING_FOR_ANSWER', 'PAUSED']);

const finite = (x) => typeof x === 'number' && Number.isFinite(x);

/** A minus sign that reads as one (U+2212), fixed decimals. */
export function fixed(x, digits) {
  if (!finite(x)) return '—';
  return x.toFixed(digits).replace(/^-/, '\u2212');
}

export const volts = (v) => (finite(v) ? `${fixed(v, 3)} V` : '—');
export const milliamps = (a) => (finite(a) ? `${fixed(a * 1000, 3)} mA` : '—');

/** Current density in mA cm⁻² from a current in A over the electrode area. */
export function currentDensity(amps, areaCm2) {
  if (!finite(amps) || !finite(areaCm2) || areaCm2 <= 0) return '—';
  return `${fixed((amps * 1000) / areaCm2, 2)} mA cm⁻²`;
}

export const percent = (fraction, digits = 1) => (finite(fraction) ? `${fixed(fraction * 100, digits)} %` : '—');

/** "3 d 4 h", "2 h 05 min", "4 min 10 s", "12 s". */
export function duration(ms) {
  if (!finite(ms) || ms < 0) return '—';
  const s = Math.round(ms / 1000);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return `${d} d ${h} h`;
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} min`;
  if (m > 0) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${s} s`;
}

/** How long ago; a sample stamped ahead of this phone's clock (a fast simulation) counts as just now. */
export function ago(ms, now = Date.now()) {
  if (!finite(ms)) return 'no sample yet';
  const elapsed = now - ms;
  if (elapsed < 2000) return 'just now';
  return `${duration(elapsed)} ago`;
}

/** Protocol text as typed ("mA/cm2") to how it is printed ("mA/cm²"). */
export const prettyUnits = (text) => String(text ?? '').replace(/cm2\b/g, 'cm²').replace(/cm-2\b/g, 'cm⁻²');

export const dateTime = (ms) => (finite(ms) ? new Date(ms).toLocaleString() : '—');

const MODEL_WORDS = { ZN_NITRATE_BATTERY: 'Zn–NO₃⁻ battery', H_CELL_ELECTROLYSIS: 'H-cell electrolysis' };
export const cellKindWords = (kind) => MODEL_WORDS[kind] ?? kind;
