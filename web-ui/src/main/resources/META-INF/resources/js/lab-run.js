// One run from the central database: the station's own voltage/current plot, capacity and CE per cycle,
// steps, downloads and history, each module reading from the run's lab API base instead of /api/runs/<id>.

import { h, setText } from './dom.js';
import { api, toMillis } from './api.js';
import { createCycleChart } from './cycle-chart.js';
import { downloadLinks } from './downloads.js';
import { dateTime, fixed, stateWords } from './format.js';
import { createLiveChart } from './live-chart.js';

export function mountLabRun(view, stationId, runId) {
  const apiBase = `/api/lab/runs/${stationId}/${runId}`;
  let cleanups = [];
  let cancelled = false;
  view.replaceChildren(h('p', { class: 'muted pad' }, `Loading run ${stationId}/${runId}…`));
  api(apiBase).then((run) => {
    if (cancelled) return;
    run.apiBase = apiBase;
    run.startedMs = toMillis(run.startedAt);
    run.lastSampleMs = toMillis(run.lastSampleAt);
    cleanups = render(view, stationId, run);
  }).catch((e) => view.replaceChildren(h('p', { class: 'error-box pad' }, e.message)));
  return () => { cancelled = true; cleanups.forEach((c) => c()); };
}

function section(id, title, ...content) {
  return h('section', { class: 'panel', 'aria-labelledby': id }, h('h2', { id }, title), content);
}

function render(view, stationId, run) {
  const global = `${stationId}/${run.id}`;
  const liveChart = createLiveChart(run, run.cell?.referenceElectrode != null);
  const cycleChart = createCycleChart(run);
  const steps = h('div', { class: 'table-wrap' }, h('p', { class: 'muted' }, 'Loading the steps…'));
  const events = h('ol', { class: 'muted' });
  view.replaceChildren(h('div', { class: 'page' },
    h('div', { class: 'panel wide', 'data-run': global },
      h('div', { class: 'page-head' }, h('h1', null, `${stationId} · ${run.channel} · run ${run.id}`),
        h('span', { class: `badge ${run.state}` }, stateWords(run.state))),
      h('p', { class: 'muted' }, `Started ${dateTime(run.startedMs)}${run.endedAt ? ` · ended ${dateTime(toMillis(run.endedAt))}` : ''}`
        + ` · ${Number(run.samplesStored).toLocaleString()} samples in the central database`),
      h('p', null, h('a', { href: '#/' }, 'All stations'))),
    h('section', { class: 'panel wide', 'aria-labelledby': 'plot-title' },
      h('h2', { id: 'plot-title' }, 'Voltage and current'), liveChart.root),
    section('cycles-title', 'Capacity and coulombic efficiency', cycleChart.root),
    section('steps-title', 'Steps', steps),
    section('downloads-title', 'Downloads', downloadLinks(run.id, run.apiBase, `${stationId}-run-${run.id}`)),
    section('events-title', 'History', events),
    section('protocol-title', 'Protocol',
      h('pre', { class: 'protocol-text' }, run.protocol), run.notes ? h('p', null, `Notes: ${run.notes}`) : null)));

  api(`${run.apiBase}/steps`).then((list) => steps.replaceChildren(list.length ? stepTable(list)
    : h('p', { class: 'muted' }, 'No step has ended yet.'))).catch((e) => setText(steps, e.message));
  api(`${run.apiBase}/events`).then((list) => events.replaceChildren(...list.map((e) =>
    h('li', null, `${dateTime(e.epochMillis)} ${e.kind}: ${e.message}`)))).catch(() => {});
  liveChart.ready.then(() => cycleChart.reload());
  return [liveChart.destroy, () => cycleChart.destroy()];
}

function stepTable(steps) {
  const head = ['Step', 'Cycle', 'Kind', 'What', 'Duration / s', 'Charge / C', 'Discharge / C'];
  return h('table', { class: 'num steps' },
    h('thead', null, h('tr', null, head.map((t) => h('th', null, t)))),
    h('tbody', null, steps.map((s) => h('tr', { 'data-step': s.stepNumber },
      h('td', null, s.stepNumber), h('td', null, s.cycle), h('td', null, String(s.kind).toLowerCase()),
      h('td', null, s.text), h('td', null, fixed(s.durationS, 1)),
      h('td', null, fixed(s.chargeCoulombs, 4)), h('td', null, fixed(s.dischargeCoulombs, 4))))));
}
