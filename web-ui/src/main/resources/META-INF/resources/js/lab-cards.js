// The lab's first screen: one card per station (online, or offline with when it was last heard of), each
// channel in it with its state, run and last reading as the station published them; then every run the
// central database holds. Asked again every few seconds.

import { h, setText } from './dom.js';
import { api } from './api.js';
import { ago, dateTime, stateWords, volts } from './format.js';

const REFRESH_MS = 5000;
const BROKER_WORDS = { connected: 'live', unreachable: 'broker unreachable', off: 'no broker configured' };

export function mountLabCards(view, showConnection) {
  const stations = h('section', { class: 'cards', 'aria-label': 'Stations' }, h('p', { class: 'muted' }, 'Loading stations…'));
  const runs = h('ul', { class: 'run-list' });
  const runsError = h('p', { class: 'error-box', hidden: true });
  view.replaceChildren(h('h1', { class: 'view-title' }, 'Stations'), stations,
    h('div', { class: 'page' }, h('section', { class: 'panel', 'aria-labelledby': 'lab-runs-title' },
      h('h2', { id: 'lab-runs-title' }, 'Runs in the central database'), runsError, runs)));
  let timer = null;
  let stopped = false;

  async function refresh() {
    try {
      const live = await api('/api/lab/stations');
      showConnection(BROKER_WORDS[live.broker] ?? live.broker);
      stations.replaceChildren(...(live.stations.length ? live.stations.map(stationCard)
        : [h('p', { class: 'muted' }, 'No station has published yet.')]));
    } catch (e) {
      stations.replaceChildren(h('p', { class: 'error-box' }, e.message));
    }
    try {
      const list = await api('/api/lab/runs');
      runsError.hidden = true;
      runs.replaceChildren(...list.map(runItem));
    } catch (e) {
      setText(runsError, e.message);
      runsError.hidden = false;
    }
    if (!stopped) timer = setTimeout(refresh, REFRESH_MS);
  }

  refresh();
  return () => { stopped = true; clearTimeout(timer); };
}

function stationCard(station) {
  const online = station.state === 'online';
  const seen = station.lastHeardUnixTimeS * 1000;
  const page = station.status?.pageUrl;
  return h('article', { class: `card state-${online ? 'RUNNING' : 'FAULTED'}`, 'data-station': station.stationId,
    'aria-labelledby': `station-${station.stationId}` },
  h('div', { class: 'card-head' },
    h('h2', { id: `station-${station.stationId}` }, page ? h('a', { href: page }, station.stationId) : station.stationId),
    h('span', { class: `badge ${online ? 'RUNNING' : 'FAULTED'}`, 'data-state': station.state },
      online ? 'online' : station.state)),
  h('p', { class: 'muted', 'data-last-seen': '' }, online ? `version ${station.status?.version ?? '—'}`
    : `last seen ${ago(seen)} (${dateTime(seen)})`),
  h('ul', { class: 'run-list' }, station.channels.map(channelItem)));
}

function channelItem(ch) {
  const reading = ch.lastReading;
  const run = ch.runId != null ? h('a', { href: `#/run/${ch.stationId}/${ch.runId}` }, `run ${ch.globalRunId}`) : null;
  return h('li', { 'data-channel': `${ch.stationId}/${ch.channelId}` },
    h('strong', null, ch.channelId), ' ', h('span', { class: `badge ${ch.state}` }, stateWords(ch.state)), ' ', run,
    ch.stepText ? h('div', { class: 'muted' }, `step ${ch.stepNumber}, cycle ${ch.cycle}: ${ch.stepText}`) : null,
    ch.prompt ? h('div', { class: 'muted' }, `asks: ${ch.prompt}`) : null,
    reading ? h('div', { class: 'num' }, `${volts(reading.voltageV)} · ${(reading.currentA * 1000).toFixed(3)} mA`) : null);
}

function runItem(run) {
  return h('li', { 'data-run': run.globalRunId },
    h('a', { href: `#/run/${run.stationId}/${run.runId}` }, run.globalRunId), ' ',
    h('span', { class: `badge ${run.state}` }, stateWords(run.state)),
    h('div', { class: 'muted' }, `${run.channel} · started ${dateTime(run.startedMs)} · `
      + `${Number(run.samplesStored).toLocaleString()} samples`));
}
