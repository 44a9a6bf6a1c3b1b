// Voltage and current (or the working electrode's potential) against test time. The station
// downsamples (LTTB) to at most maxPoints, so a run of a million samples costs the phone the same
// as one of a thousand; zooming asks the station again for the narrower window, so zooming in
// brings more detail, not bigger dots. While the window reaches the latest sample, live samples
// from the stream are appended; after a bounded number the window is asked for again.

import { h, setText } from './dom.js';
import { api } from './api.js';
import { baseOptions, COLORS, loadChartJs } from './chart-loader.js';
import * as store from './store.js';

/** The station refuses more than 20000; a phone needs no more than about two points per pixel. */
export const MOST_POINTS = 2000;
const LIVE_POINTS_BEFORE_RELOAD = 500;
const REDRAW_EVERY_MS = 1000;
const WINDOWS = [['All', null], ['Last 24 h', 86400], ['Last 1 h', 3600], ['Last 10 min', 600]];

/**
 * @param withPotential whether the cell has a working electrode potential to offer on the right
 *                      axis (an H-cell); the right axis shows the current density until asked
 */
export function createLiveChart(run, withPotential) {
  const box = h('div', { class: 'chart-box' });
  const selection = h('div', { class: 'zoom-select', hidden: true });
  const info = h('p', { class: 'muted chart-info', 'aria-live': 'polite' });
  const windowButtons = WINDOWS.map(([label, seconds]) =>
    h('button', { type: 'button', class: 'secondary', 'aria-pressed': String(seconds === null),
      onclick: () => show(seconds === null ? { kind: 'all' } : { kind: 'last', seconds }) }, label));
  let second = 'current';
  const axisButtons = [['current', 'Current density'], ['potential', 'WE potential']].map(([value, label]) =>
    h('button', { type: 'button', class: 'secondary', 'data-axis': value, 'aria-pressed': String(value === second),
      onclick: () => showAxis(value) }, label));
  const root = h('div', { class: 'live-chart' },
    h('div', { class: 'windows', role: 'group', 'aria-label': 'Time window' }, windowButtons),
    withPotential ? h('div', { class: 'windows', role: 'group', 'aria-label': 'Right axis' }, axisButtons) : null,
    box, info,
    h('p', { class: 'muted' }, 'Drag across the chart to zoom into a time span; “All” zooms out.'));
  const canvas = h('canvas', { role: 'img', 'aria-label': 'Cell voltage and current density or working electrode potential against test time' });
  box.append(canvas, selection);

  let chart = null;
  let win = { kind: 'all' };
  let unit = { name: 'h', s: 3600 };
  let liveAppended = 0;
  let latestTestTimeS = run.startedMs && run.lastSampleMs ? (run.lastSampleMs - run.startedMs) / 1000 : 0;
  let loadSeq = 0;
  let redrawTimer = null;
  let destroyed = false;
  const area = run.cell?.areaCm2 ?? 1;

  const secondValue = (currentA, wePotentialV) => (second === 'potential' ? wePotentialV : (currentA * 1000) / area);
  // Positive current is anodic at the working electrode, which for a battery means charging.
  const currentLabel = withPotential ? 'j / mA cm⁻² (+ = anodic)' : 'j / mA cm⁻² (+ = charge)';
  const secondLabel = () => (second === 'potential' ? 'WE potential / V' : currentLabel);

  function showAxis(value) {
    second = value;
    axisButtons.forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.axis === value)));
    if (chart) {
      chart.data.datasets[1].label = secondLabel();
      chart.options.scales.y1.title.text = secondLabel();
    }
    load();
  }

  function maxPoints() {
    return Math.max(100, Math.min(MOST_POINTS, Math.round((box.clientWidth || 400) * 2)));
  }

  function range() {
    if (win.kind === 'range') return { from: win.from, to: win.to };
    if (win.kind === 'last') return { from: Math.max(0, latestTestTimeS - win.seconds), to: null };
    return { from: null, to: null };
  }

  async function load() {
    const seq = ++loadSeq;
    const { from, to } = range();
    const query = new URLSearchParams({ maxPoints: String(maxPoints()) });
    if (from != null) query.set('from', from.toFixed(3));
    if (to != null) query.set('to', to.toFixed(3));
    let answer;
    if (!chart) setText(info, 'Loading the samples…');
    try {
      answer = await api(`${run.apiBase ?? `/api/runs/${run.id}`}/samples?${query}`);
    } catch (e) {
      setText(info, `The samples could not be loaded: ${e.message}`);
      return;
    }
    if (seq !== loadSeq || destroyed) return; // a newer window was asked for meanwhile
    const points = answer.points;
    if (points.length) latestTestTimeS = Math.max(latestTestTimeS, points[points.length - 1].testTimeS);
    const span = points.length ? points[points.length - 1].testTimeS - points[0].testTimeS : 0;
    unit = span > 3 * 3600 ? { name: 'h', s: 3600 } : span > 180 ? { name: 'min', s: 60 } : { name: 's', s: 1 };
    const Chart = await loadChartJs();
    if (destroyed) return;
    const voltage = points.map((p) => ({ x: p.testTimeS / unit.s, y: p.voltageV }));
    const other = points.map((p) => ({ x: p.testTimeS / unit.s, y: secondValue(p.currentA, p.wePotentialV) }));
    if (!chart) chart = new Chart(canvas, config(voltage, other));
    chart.data.datasets[0].data = voltage;
    chart.data.datasets[1].data = other;
    chart.options.scales.x.title.text = `test time / ${unit.name}`;
    chart.update('none');
    liveAppended = 0;
    root.dataset.points = String(points.length);
    root.dataset.samplesInRange = String(answer.samplesInRange);
    root.dataset.maxPoints = String(answer.maxPoints);
    setText(info, `${points.length.toLocaleString()} points drawn from ${answer.samplesInRange.toLocaleString()} samples`
      + `${from != null || to != null ? ` between ${describe(from)} and ${to == null ? 'now' : describe(to)}` : ''}`);
  }

  function config(voltage, other) {
    const options = baseOptions();
    options.scales = {
      x: { type: 'linear', title: { display: true, text: `test time / ${unit.name}` }, ticks: { maxTicksLimit: 6 } },
      y: { position: 'left', title: { display: true, text: 'voltage / V' } },
      y1: { position: 'right', title: { display: true, text: secondLabel() }, grid: { drawOnChartArea: false } },
    };
    return {
      type: 'line',
      data: {
        datasets: [
          { label: 'Voltage / V', data: voltage, yAxisID: 'y', borderColor: COLORS.first, borderWidth: 1.5, pointRadius: 0 },
          { label: secondLabel(), data: other, yAxisID: 'y1', borderColor: COLORS.second, borderWidth: 1, pointRadius: 0 },
        ],
      },
      options,
    };
  }

  function show(next) {
    win = next;
    windowButtons.forEach((b, i) => {
      const seconds = WINDOWS[i][1];
      const pressed = (next.kind === 'all' && seconds === null) || (next.kind === 'last' && next.seconds === seconds);
      b.setAttribute('aria-pressed', String(pressed));
    });
    load();
  }

  const unsubscribe = store.onSample((sample) => {
    if (sample.runId !== run.id || !chart) return;
    latestTestTimeS = Math.max(latestTestTimeS, sample.t);
    if (win.kind === 'range') return; // a fixed window does not move
    chart.data.datasets[0].data.push({ x: sample.t / unit.s, y: sample.voltageV });
    chart.data.datasets[1].data.push({ x: sample.t / unit.s, y: secondValue(sample.currentA, sample.wePotentialV) });
    if (++liveAppended >= LIVE_POINTS_BEFORE_RELOAD) {
      load(); // back to a downsampled window: the chart's size stays bounded however long the run
    } else if (!redrawTimer) {
      redrawTimer = setTimeout(() => {
        redrawTimer = null;
        chart?.update('none');
        const count = chart?.data.datasets[0].data.length ?? 0;
        root.dataset.points = String(count);
        setText(info, `${count.toLocaleString()} points, following the run live`);
      }, REDRAW_EVERY_MS);
    }
  });

  enableDragZoom(box, selection, () => chart, (fromX, toX) => {
    show({ kind: 'range', from: Math.max(0, fromX * unit.s), to: toX * unit.s });
  });

  // After the caller has put the chart on the page: its width decides how many points to ask for.
  const ready = new Promise((resolve) => requestAnimationFrame(() => load().finally(resolve)));
  return {
    root,
    /** Settles when the first window has been drawn (or failed), so heavier requests can wait for it. */
    ready,
    destroy() {
      destroyed = true;
      unsubscribe();
      clearTimeout(redrawTimer);
      chart?.destroy();
    },
  };
}

function describe(seconds) {
  if (seconds == null) return 'the start';
  if (seconds >= 7200) return `${(seconds / 3600).toFixed(2)} h`;
  if (seconds >= 120) return `${(seconds / 60).toFixed(1)} min`;
  return `${seconds.toFixed(1)} s`;
}

/**
 * Drag across the plot to pick a time span. The box allows vertical panning only (touch-action),
 * so a horizontal drag with a thumb selects while a vertical one still scrolls the page.
 */
function enableDragZoom(box, selection, getChart, onSelect) {
  let startX = null;
  const x = (event) => event.clientX - box.getBoundingClientRect().left;
  box.addEventListener('pointerdown', (event) => {
    const chart = getChart();
    if (!chart || event.button !== 0) return;
    const { left, right } = chart.chartArea;
    const px = x(event);
    if (px < left || px > right) return;
    startX = px;
    box.setPointerCapture(event.pointerId);
    Object.assign(selection.style, { left: `${px}px`, width: '0px' });
    selection.hidden = false;
  });
  box.addEventListener('pointermove', (event) => {
    if (startX == null) return;
    const { left, right } = getChart().chartArea;
    const px = Math.min(right, Math.max(left, x(event)));
    Object.assign(selection.style, { left: `${Math.min(px, startX)}px`, width: `${Math.abs(px - startX)}px` });
  });
  const finish = (event) => {
    if (startX == null) return;
    const chart = getChart();
    const { left, right } = chart.chartArea;
    const px = Math.min(right, Math.max(left, x(event)));
    const [a, b] = [Math.min(px, startX), Math.max(px, startX)];
    startX = null;
    selection.hidden = true;
    if (b - a < 12) return; // a tap, not a drag
    onSelect(chart.scales.x.getValueForPixel(a), chart.scales.x.getValueForPixel(b));
  };
  box.addEventListener('pointerup', finish);
  box.addEventListener('pointercancel', () => { startX = null; selection.hidden = true; });
}
