// The discharge polarization of a Polarize step: cell voltage and power density P = V·j against
// current density j (discharge taken as positive here, as polarization curves are drawn).
// V in V and j in mA cm⁻² give P in mW cm⁻². The points (one per current level) and the
// interpolated peak come from /api/runs/{id}/polarization, so page and API always agree.

import { h, setText } from './dom.js';
import { api } from './api.js';
import { baseOptions, COLORS, loadChartJs } from './chart-loader.js';
import { fixed } from './format.js';

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
    if (!step) {
      setText(peak, 'The polarization step has not started yet.');
      return;
    }
    let answer;
    try {
      answer = await api(`/api/runs/${run.id}/polarization`);
    } catch (e) {
      if (!destroyed) setText(peak, e.status === 409 ? `No polarization curve yet: ${e.message}.` : `The polarization could not be loaded: ${e.message}`);
      return;
    }
    if (destroyed) return;
    const points = answer.points.map((p) => ({ j: p.currentDensityMaPerCm2, v: p.voltageV, p: p.powerDensityMwPerCm2 }));
    const best = answer.peak;
    const how = best.interpolated ? 'interpolated' : 'highest point';
    const volts = best.voltageV == null ? '' : ` (${fixed(best.voltageV, 3)} V)`;
    setText(peak, `Peak power density (${how}): ${fixed(best.powerDensityMwPerCm2, 2)} mW cm⁻² at `
      + `${fixed(best.currentDensityMaPerCm2, 2)} mA cm⁻²${volts}, step ${step.stepNumber}.`);
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
        { label: 'Voltage / V', data: points.map((p) => ({ x: p.j, y: p.v })), yAxisID: 'y', borderColor: COLORS.first, backgroundColor: COLORS.first, pointRadius: 3, showLine: true },
        { label: 'P / mW cm⁻²', data: points.map((p) => ({ x: p.j, y: p.p })), yAxisID: 'y1', borderColor: COLORS.second, backgroundColor: COLORS.second, pointRadius: 3, showLine: true },
      ],
    };
    chart?.destroy();
    chart = new Chart(canvas, { type: 'scatter', data, options });
  }

  load().catch((e) => setText(peak, `The polarization could not be loaded: ${e.message}`));
  return { root, destroy() { destroyed = true; chart?.destroy(); } };
}
