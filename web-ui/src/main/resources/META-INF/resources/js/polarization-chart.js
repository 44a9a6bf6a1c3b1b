// The discharge polarization of a Polarize step: cell voltage and power density P = V·j against
// current density j (discharge taken as positive here, as polarization curves are drawn).
// V in V and j in mA cm⁻² give P in mW cm⁻².

import { h, setText } from './dom.js';
import { api } from './api.js';
import { baseOptions, COLORS, loadChartJs } from './chart-loader.js';
import { fixed } from './format.js';
import { MOST_POINTS } from './live-chart.js';

/** @param steps from run-events.js; @param polarizeLines the protocol lines that are Polarize steps */
export function createPolarizationChart(run, steps, polarizeLines) {
  const canvas = h('canvas', { role: 'img', 'aria-label': 'Polarization and power density against current density' });
  const box = h('div', { class: 'chart-box' }, canvas);
  const peak = h('p', { class: 'num polarization-peak' });
  const root = h('div', null, box, peak);
  let chart = null;
  let destroyed = false;
  box.hidden = true;

  async function load() {
    const step = steps.filter((s) => polarizeLines.has(s.line)).pop();
    if (!step || run.startedMs == null) {
      setText(peak, 'The polarization step has not started yet.');
      return;
    }
    const from = (step.startMs - run.startedMs) / 1000;
    const query = new URLSearchParams({ maxPoints: String(MOST_POINTS), from: Math.max(0, from).toFixed(3) });
    if (step.endMs != null) query.set('to', ((step.endMs - run.startedMs) / 1000).toFixed(3));
    const answer = await api(`/api/runs/${run.id}/samples?${query}`);
    const area = run.cell?.areaCm2 ?? 1;
    const points = answer.points.filter((p) => p.step === step.stepNumber)
      .map((p) => {
        const j = (-p.currentA * 1000) / area;
        return { j, v: p.voltageV, p: p.voltageV * j };
      })
      .filter((p) => p.j > 0);
    if (destroyed) return;
    if (!points.length) {
      setText(peak, 'No discharge samples in the polarization step yet.');
      return;
    }
    const best = points.reduce((a, b) => (b.p > a.p ? b : a));
    setText(peak, `Highest sampled power density: ${fixed(best.p, 2)} mW cm⁻² at ${fixed(best.j, 2)} mA cm⁻² `
      + `(${fixed(best.v, 3)} V), step ${step.stepNumber} — the highest sample, not interpolated between samples.`);
    const Chart = await loadChartJs();
    if (destroyed) return;
    box.hidden = false;
    const options = baseOptions();
    options.interaction = { mode: 'nearest', intersect: false };
    options.scales = {
      x: { type: 'linear', title: { display: true, text: 'j / mA cm⁻²' } },
      y: { position: 'left', title: { display: true, text: 'voltage / V' } },
      y1: { position: 'right', title: { display: true, text: 'P / mW cm⁻²' }, grid: { drawOnChartArea: false } },
    };
    const data = {
      datasets: [
        { label: 'Voltage / V', data: points.map((p) => ({ x: p.j, y: p.v })), yAxisID: 'y', borderColor: COLORS.first, backgroundColor: COLORS.first, pointRadius: 1.5, showLine: false },
        { label: 'P / mW cm⁻²', data: points.map((p) => ({ x: p.j, y: p.p })), yAxisID: 'y1', borderColor: COLORS.second, backgroundColor: COLORS.second, pointRadius: 1.5, showLine: false },
      ],
    };
    chart?.destroy();
    chart = new Chart(canvas, { type: 'scatter', data, options });
  }

  load().catch((e) => setText(peak, `The polarization could not be loaded: ${e.message}`));
  return { root, destroy() { destroyed = true; chart?.destroy(); } };
}
