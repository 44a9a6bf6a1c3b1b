// A channel's page: its latest run (or any run, #/run/12) with status and controls, the live
// voltage/current plot, capacity and CE per cycle (batteries), the polarization curve (when the
// protocol polarizes), FE and yield from sample readings, downloads, and what was asked.

import { h, setText } from './dom.js';
import { cellKindWords, dateTime, stateWords } from './format.js';
import { createControls } from './controls.js';
import { createCycleChart } from './cycle-chart.js';
import { downloadLinks } from './downloads.js';
import { createLiveChart } from './live-chart.js';
import { createPolarizationChart } from './polarization-chart.js';
import { createReadings } from './readings.js';
import { flatSteps } from './protocol-outline.js';
import { loadSteps } from './run-events.js';
import { createStatus } from './status-view.js';
import { loadTemplates } from './templates.js';
import * as store from './store.js';

const STEPS_RELOAD_MS = 5000;

export function mountChannel(view, channelId) {
  const ch = store.channel(channelId);
  if (!ch) {
    view.replaceChildren(h('p', { class: 'error-box pad' }, `There is no channel ${channelId}.`));
    return () => {};
  }
  if (ch.runId == null) {
    view.replaceChildren(h('div', { class: 'page' }, h('div', { class: 'panel wide' },
      h('h1', null, channelId),
      h('p', null, `${cellKindWords(ch.cellKind)} · ${ch.model}. No run on this channel since the station started.`),
      h('a', { class: 'button operator-only', href: `#/start?channel=${channelId}` }, `Start a run on ${channelId}`))));
    return () => {};
  }
  return mountRun(view, ch.runId);
}

export function mountRun(view, runId) {
  let cleanups = [];
  let cancelled = false;
  view.replaceChildren(h('p', { class: 'muted pad' }, `Loading run ${runId}…`));
  store.loadRun(runId, null, true)
    .then((run) => { if (!cancelled) cleanups = render(view, run); })
    .catch((e) => view.replaceChildren(h('p', { class: 'error-box pad' }, e.message)));
  return () => {
    cancelled = true;
    cleanups.forEach((c) => c());
  };
}

function section(id, title, ...content) {
  return h('section', { class: 'panel', 'aria-labelledby': id }, h('h2', { id }, title), content);
}

function render(view, run) {
  const ch = store.channel(run.channel);
  const isBattery = ch?.cellKind === 'ZN_NITRATE_BATTERY';
  const badge = h('span', { class: `badge ${run.state}` });
  const status = createStatus();
  const controls = createControls();
  const times = h('p', { class: 'muted' });
  const liveChart = createLiveChart(run, !isBattery);
  const readings = createReadings(run);
  // Capacity per cycle and CE mean something only when a battery is both discharged and charged.
  const kinds = new Set(flatSteps(run.outline?.steps ?? []).map((n) => n.kind));
  const cycles = isBattery && kinds.has('charge') && (kinds.has('discharge') || kinds.has('polarization'));
  const cycleChart = cycles ? createCycleChart(run) : null;
  const polarizeLines = new Set(flatSteps(run.outline?.steps ?? []).filter((n) => n.kind === 'polarization')
    .map((n) => n.line));
  let polarization = null;
  const polarizationSlot = h('div');
  let templates = null;
  // The figures' code is fetched only when a run page is open, after the page itself is drawn.
  const resultsSlot = h('div', { class: 'results' }, h('p', { class: 'muted' }, 'Loading the figures…'));
  let unmountResults = () => {};
  let gone = false;

  const head = h('div', { class: 'panel wide', 'data-run': run.id },
    h('div', { class: 'page-head' }, h('h1', null, `${run.channel} · run ${run.id}`), badge),
    h('p', { class: 'muted model' }, ch ? `${cellKindWords(ch.cellKind)} · ${ch.model}` : ''),
    status.root, times, controls.root);
  view.replaceChildren(h('div', { class: 'page' },
    head,
    h('section', { class: 'panel wide', 'aria-labelledby': 'plot-title' },
      h('h2', { id: 'plot-title' }, 'Voltage and current'), liveChart.root),
    cycleChart && section('cycles-title', 'Capacity and coulombic efficiency', cycleChart.root),
    polarizeLines.size ? section('polarization-title', 'Polarization and power density', polarizationSlot) : null,
    section('readings-title', 'Faradaic efficiency and yield', readings.root),
    h('section', { class: 'panel wide', 'aria-labelledby': 'results-title' },
      h('h2', { id: 'results-title' }, 'Results: figures and paper pack'), resultsSlot),
    section('downloads-title', 'Downloads', downloadLinks(run.id)),
    section('protocol-title', 'Protocol and cell',
      h('details', null, h('summary', null, 'Protocol text'), h('pre', { class: 'protocol-text' }, run.protocol)),
      cellList(run.cell), run.notes ? h('p', null, `Notes: ${run.notes}`) : null)));

  let lastStepNumber = null;
  let lastCycle = null;
  let stepsTimer = null;

  async function reloadSteps() {
    const steps = await loadSteps(run.id);
    const current = steps[steps.length - 1];
    if (current && current.endMs == null) store.noteStepStart(run.id, current.stepNumber, current.startMs);
    readings.setSteps(steps);
    if (polarizeLines.size) {
      polarization?.destroy();
      polarization = createPolarizationChart(store.run(run.id) ?? run, steps, polarizeLines);
      polarizationSlot.replaceChildren(polarization.root);
    }
  }

  const update = () => {
    const fresh = store.run(run.id) ?? run;
    const channel = store.channel(fresh.channel);
    badge.className = `badge ${fresh.state}`;
    setText(badge, stateWords(fresh.state));
    status.update(channel?.runId === fresh.id ? channel : null, fresh, templates);
    controls.update(fresh);
    setText(times, `Started ${dateTime(fresh.startedMs)}${fresh.endedAt ? ` · ended ${dateTime(Date.parse(fresh.endedAt))}` : ''}`
      + ` · ${Number(fresh.samplesStored).toLocaleString()} samples stored`);
    // New steps and cycles change what can be read and plotted: fetch them, at most every few seconds.
    const step = channel?.runId === fresh.id ? channel.step : fresh.step;
    if (step && step.number !== lastStepNumber) {
      lastStepNumber = step.number;
      if (!stepsTimer) stepsTimer = setTimeout(() => { stepsTimer = null; reloadSteps().catch(() => {}); }, STEPS_RELOAD_MS);
    }
    if (step && cycleChart && step.cycle !== lastCycle) {
      if (lastCycle != null) cycleChart.reload();
      lastCycle = step.cycle;
    }
  };

  // The cycles cost the station a pass over every sample: ask after the plot, not alongside it.
  liveChart.ready.then(() => cycleChart?.reload());
  loadTemplates().then((t) => { templates = t; update(); }).catch(() => {});
  reloadSteps().catch(() => {});
  import('./results-section.js').then((mod) => { if (!gone) unmountResults = mod.mountResults(resultsSlot, run); })
    .catch((e) => resultsSlot.replaceChildren(h('p', { class: 'error-box' }, `The figures could not be loaded: ${e.message}`)));
  const unsubscribe = store.subscribe(update);
  const clock = setInterval(status.tick, 1000);
  update();
  return [unsubscribe, () => clearInterval(clock), () => clearTimeout(stepsTimer), liveChart.destroy,
    () => cycleChart?.destroy(), () => polarization?.destroy(), () => { gone = true; unmountResults(); }];
}

const CELL_FIELDS = [
  ['areaCm2', 'Electrode area', 'cm²'], ['catalystMassMg', 'Catalyst mass', 'mg'], ['znMassG', 'Zn mass', 'g'],
  ['catholyteVolumeMl', 'Catholyte volume', 'mL'], ['ph', 'pH', ''], ['referenceElectrode', 'Reference electrode', ''],
  ['referenceOffsetV', 'Reference offset', 'V vs SHE'], ['uncompensatedResistanceOhm', 'R_u', 'Ω'],
  ['nominalCapacityAh', 'Nominal capacity', 'Ah'],
];

function cellList(cell) {
  if (!cell) return null;
  return h('dl', { class: 'cell-list' }, CELL_FIELDS.filter(([key]) => cell[key] != null).map(([key, label, unit]) =>
    h('div', null, h('dt', null, label), h('dd', null, `${cell[key]}${unit ? ` ${unit}` : ''}`))));
}
