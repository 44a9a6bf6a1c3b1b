// What the page knows about the station right now: the channels, the runs on them, pending
// prompts and alarms. Filled from GET /api/channels and kept current by live events; views
// subscribe and are told at most a few times a second, however fast samples arrive.

import { api, toMillis } from './api.js';
import { outlineOf } from './protocol-outline.js';

const channels = new Map();   // id → ChannelView, lastReading.at as epoch ms
const runs = new Map();       // run id → RunView, with its outline from the station
const stepStarts = new Map(); // run id → {stepNumber, ms}: when the current step began, if seen
const alarms = [];            // {key, channel, runId, kind, message, ms}
// Dismissed alarms stay dismissed on this phone after a reload; only their keys are kept.
const DISMISSED_KEY = 'no3rr.dismissedAlarms';
const dismissed = new Set(readDismissed());
const listeners = new Set();
const sampleListeners = new Set();
let notifyTimer = null;
let disk = null;              // the data disk: {freeBytes, bytesPerDay, daysLeft, low}, from GET /api/disk-space and 'disk' events

const NOTIFY_EVERY_MS = 250;
const ENDED = new Set(['DONE', 'FAULTED', 'STOPPED', 'INTERRUPTED']);

export const channelList = () => [...channels.values()];
export const channel = (id) => channels.get(id);
export const run = (id) => runs.get(id);
export const stepStart = (runId) => stepStarts.get(runId)?.ms ?? null;
export const activeAlarms = () => alarms.filter((a) => !dismissed.has(a.key));
export const diskSpace = () => disk;

/** Called (throttled) after any change. Returns the function that unsubscribes. */
export function subscribe(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Every live sample, unthrottled, for charts that follow a run. */
export function onSample(listener) {
  sampleListeners.add(listener);
  return () => sampleListeners.delete(listener);
}

function changed() {
  if (notifyTimer) return;
  notifyTimer = setTimeout(() => {
    notifyTimer = null;
    listeners.forEach((l) => l());
  }, NOTIFY_EVERY_MS);
}

/** Reloads the channels and the runs on them; a run is fetched again only when its state moved. */
export async function refresh() {
  // Not awaited here: a live event that arrives meanwhile must not be undone by an older channel list.
  api('/api/disk-space').then((d) => { disk = d; changed(); }).catch(() => {});
  const list = await api('/api/channels');
  for (const ch of list) {
    // A live event may have ended the run after this list was made; an ended run never runs again.
    const known = channels.get(ch.id);
    if (known && known.runId === ch.runId && ENDED.has(known.state) && !ENDED.has(ch.state)) ch.state = known.state;
    ch.lastReading = ch.lastReading && { ...ch.lastReading, at: toMillis(ch.lastReading.at) };
    channels.set(ch.id, ch);
  }
  await Promise.all(list.filter((ch) => ch.runId != null).map((ch) => loadRun(ch.runId, ch.state)));
  // After the runs: a fault's banner says why, from the run's end reason.
  list.filter((ch) => ch.state === 'FAULTED').forEach((ch) => raiseAlarm(ch.id, ch.runId, 'FAULT', runs.get(ch.runId)?.endReason));
  changed();
}

/** A run, from the cache unless its state differs from `expectedState` or `force`. */
export async function loadRun(id, expectedState, force = false) {
  const cached = runs.get(id);
  const stale = !cached || force || (expectedState && cached.state !== expectedState)
    || (cached.state === 'WAITING_FOR_ANSWER' && !cached.prompt);
  if (!stale) return cached;
  const fresh = await api(`/api/runs/${id}`);
  // The station outlines the protocol; without an outline the page still shows the run, only without progress.
  fresh.outline = await outlineOf(fresh.protocol).catch(() => null);
  fresh.startedMs = toMillis(fresh.startedAt);
  fresh.lastSampleMs = toMillis(fresh.lastSampleAt);
  runs.set(id, fresh);
  changed();
  return fresh;
}

/** Records a step start found elsewhere (the run's event history), unless a newer one is known. */
export function noteStepStart(runId, stepNumber, ms) {
  const known = stepStarts.get(runId);
  if (!known || known.stepNumber <= stepNumber) stepStarts.set(runId, { stepNumber, ms });
}

export function dismissAlarm(key) {
  dismissed.add(key);
  try {
    localStorage.setItem(DISMISSED_KEY, JSON.stringify([...dismissed].slice(-100)));
  } catch {
    // Private browsing without storage: the dismissal lasts until the page reloads.
  }
  changed();
}

function readDismissed() {
  try {
    return JSON.parse(localStorage.getItem(DISMISSED_KEY) ?? '[]');
  } catch {
    return [];
  }
}

/** One alarm per fault of a run (however it was heard of: stream or channel state); a storage error each time. */
function raiseAlarm(channelId, runId, kind, message, ms = Date.now()) {
  const key = kind === 'FAULT' ? `fault-${runId}` : `${kind}-${runId}-${ms}`;
  const known = alarms.find((a) => a.key === key);
  if (known) {
    known.message = message ?? known.message;
    return;
  }
  alarms.push({ key, channel: channelId, runId, kind, message: message ?? 'the run faulted', ms });
}

/** Applies one live event (the SSE event name and its JSON data). */
export function apply(type, data) {
  if (type === 'disk') {
    disk = data;
    changed();
    return;
  }
  const ch = channels.get(data.channel);
  if (!ch) return;
  if (ch.runId !== data.runId) {
    // A run this page has not seen yet: load it with the channel, then follow it.
    ch.runId = data.runId;
    refresh().catch(() => {});
  }
  const r = runs.get(data.runId);
  switch (type) {
    case 'sample':
      ch.lastReading = { at: data.epochMillis, voltageV: data.voltageV, currentA: data.currentA, wePotentialV: data.wePotentialV };
      if (r) r.lastSampleMs = data.epochMillis;
      sampleListeners.forEach((l) => l(data));
      break;
    case 'step':
      ch.step = { number: data.stepNumber, line: data.stepLine, cycle: data.cycle, text: data.text, stepTimeS: 0 };
      if (r) r.step = ch.step;
      stepStarts.set(data.runId, { stepNumber: data.stepNumber, ms: data.epochMillis });
      break;
    case 'prompt':
      if (r) { r.prompt = data.prompt; r.state = 'WAITING_FOR_ANSWER'; }
      ch.state = 'WAITING_FOR_ANSWER';
      break;
    case 'state':
      ch.state = data.state;
      if (r) {
        r.state = data.state;
        if (data.state !== 'WAITING_FOR_ANSWER') r.prompt = null;
      }
      // Reasons, end times and prompts come with the run itself.
      loadRun(data.runId, null, true).catch(() => {});
      break;
    case 'alarm':
      raiseAlarm(data.channel, data.runId, data.kind, data.message, data.epochMillis);
      break;
    default:
      return;
  }
  changed();
}
