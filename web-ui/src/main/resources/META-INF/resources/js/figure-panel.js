// One figure with everything a reader needs around it: the chart, the numbers the station states
// with it (a Cdl, a peak power), how it was computed, and PNG and CSV downloads that are plain links
// to the same API URL with format=png or csv — so the file holds exactly the points drawn.

import { h, setText } from './dom.js';
import { api } from './api.js';
import { drawFigure } from './figure-chart.js';

/** Four significant digits with a real minus sign, as the PNG prints a fact. */
function significant(x) {
  if (typeof x !== 'number' || !Number.isFinite(x)) return '—';
  return String(Number(x.toPrecision(4))).replace(/^-/, '\u2212');
}

/**
 * @param url       the figure's JSON URL (query parameters included)
 * @param fileBase  download names, e.g. run-12-fe-vs-potential
 */
export function createFigurePanel(url, fileBase) {
  const canvas = h('canvas', { role: 'img' });
  const box = h('div', { class: 'chart-box figure-box' }, canvas);
  const status = h('p', { class: 'muted figure-status', 'aria-live': 'polite' }, 'Loading the figure…');
  const facts = h('dl', { class: 'facts' });
  const notes = h('div', { class: 'figure-notes muted' });
  const join = url.includes('?') ? '&' : '?';
  const links = h('div', { class: 'downloads' },
    h('a', { class: 'button secondary', href: `${url}${join}format=png`, download: `${fileBase}.png`, 'data-download': 'png' },
      'PNG (300 dpi)'),
    h('a', { class: 'button secondary', href: `${url}${join}format=csv`, download: `${fileBase}.csv`, 'data-download': 'csv' },
      'CSV'));
  const root = h('div', { class: 'figure-panel', 'data-state': 'loading' }, status, box, facts, notes, links);
  box.hidden = true;
  let chart = null;
  let destroyed = false;

  async function load() {
    let figure;
    try {
      figure = await api(url);
    } catch (e) {
      if (destroyed) return;
      root.dataset.state = 'refused';
      setText(status, e.status === 409 ? `Not yet: ${e.message}.` : `The figure could not be drawn: ${e.message}`);
      links.hidden = true;
      return;
    }
    if (destroyed) return;
    canvas.setAttribute('aria-label', `${figure.title}: ${figure.y.label} against ${figure.x.label}`);
    box.hidden = false;
    chart?.destroy();
    chart = await drawFigure(canvas, figure);
    if (destroyed) { chart.destroy(); return; }
    facts.replaceChildren(...figure.facts.map((f) => h('div', null, h('dt', null, f.label),
      h('dd', { class: 'num' }, `${significant(f.value)}${f.unit ? ` ${f.unit}` : ''}`))));
    notes.replaceChildren(...figure.notes.map((n) => h('p', null, n)));
    const points = figure.series.reduce((sum, s) => sum + s.points.length, 0);
    root.dataset.points = String(points);
    root.dataset.state = 'drawn';
    setText(status, `${figure.series.length} series, ${points} points`);
  }

  load().catch((e) => { root.dataset.state = 'refused'; setText(status, `The figure could not be drawn: ${e.message}`); });
  return { root, destroy() { destroyed = true; chart?.destroy(); } };
}
