// Capacity and coulombic efficiency against cycle, from GET /api/runs/{id}/cycles. Only complete
// cycles are drawn: the cycle in progress would look like a sudden capacity fade. The owner calls
// reload() to draw it — after the voltage plot, since the station computes cycles from every sample.

import { h, setText } from './dom.js';
import { api } from './api.js';
import { baseOptions, COLORS, loadChartJs } from './chart-loader.js';
import { fixed, percent } from './format.js';

export function createCycleChart(run) {
  const canvas = h('canvas', { role: 'img', 'aria-label': 'Capacity and coulombic efficiency against cycle' });
  const box = h('div', { class: 'chart-box' }, canvas);
  const summary = h('p', { class: 'cycle-summary num' });
  const root = h('div', { class: 'cycle-chart' }, box, summary);
  let chart = null;
  let destroyed = false;
  box.hidden = true;

  async function load() {
    let cycles;
    try {
      cycles = (await api(`${run.apiBase ?? `/api/runs/${run.id}`}/cycles`)).filter((c) => c.complete);
    } catch (e) {
      setText(summary, `The cycles could not be loaded: ${e.message}`);
      return;
    }
    if (destroyed) return;
    if (!cycles.length) {
      setText(summary, 'No complete cycle yet.');
      return;
    }
    const last = cycles[cycles.length - 1];
    setText(summary, `Cycle ${last.cycle}: discharge ${fixed(last.dischargeCapacityMah, 3)} mAh `
      + `(${fixed(last.dischargeCapacityMahPerCm2, 3)} mAh cm⁻²), charge ${fixed(last.chargeCapacityMah, 3)} mAh, `
      + `CE ${percent(last.coulombicEfficiency)}, EE ${percent(last.energyEfficiency)}`);
    const Chart = await loadChartJs();
    if (destroyed) return;
    box.hidden = false;
    const discharge = cycles.map((c) => ({ x: c.cycle, y: c.dischargeCapacityMah }));
    const charge = cycles.map((c) => ({ x: c.cycle, y: c.chargeCapacityMah }));
    const ce = cycles.map((c) => ({ x: c.cycle, y: c.coulombicEfficiency == null ? null : c.coulombicEfficiency * 100 }));
    if (!chart) {
      const options = baseOptions();
      options.scales = {
        x: { type: 'linear', title: { display: true, text: 'cycle' }, ticks: { precision: 0 } },
        y: { position: 'left', title: { display: true, text: 'capacity / mAh' }, beginAtZero: true },
        y1: { position: 'right', title: { display: true, text: 'CE / %' }, grid: { drawOnChartArea: false } },
      };
      chart = new Chart(canvas, {
        type: 'line',
        data: { datasets: [
          { label: 'Discharge / mAh', data: discharge, yAxisID: 'y', borderColor: COLORS.first, pointRadius: 2, borderWidth: 1.5 },
          { label: 'Charge / mAh', data: charge, yAxisID: 'y', borderColor: COLORS.third, pointRadius: 2, borderWidth: 1 },
          { label: 'CE / %', data: ce, yAxisID: 'y1', borderColor: COLORS.second, pointRadius: 2, borderWidth: 1 },
        ] },
        options,
      });
    } else {
      chart.data.datasets[0].data = discharge;
      chart.data.datasets[1].data = charge;
      chart.data.datasets[2].data = ce;
      chart.update('none');
    }
  }

  setText(summary, 'Loading the cycles…');
  return { root, reload: load, destroy() { destroyed = true; chart?.destroy(); } };
}
