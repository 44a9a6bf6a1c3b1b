// Several runs in one figure, #/compare?runs=3,7,9&figure=fe-vs-potential: the URL is the whole
// state, so a comparison can be bookmarked or sent to a colleague. The figures offered are those
// every named run's protocol supports (the station lists each run's); the figure itself, its PNG
// and CSV, and the comparison's paper pack come from /api/compare, which refuses, naming the run,
// what cannot be overlaid.

import { h } from './dom.js';
import { api } from './api.js';
import { createFigurePanel } from './figure-panel.js';

/** {runs: [3, 7, 9], figure: 'fe-vs-potential' | null} from the hash's query. */
export function parseCompare(query) {
  const params = new URLSearchParams(query ?? '');
  const runs = (params.get('runs') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return { runs, figure: params.get('figure') || null };
}

function hashOf(runs, figure) {
  return `#/compare?runs=${runs.join(',')}${figure ? `&figure=${encodeURIComponent(figure)}` : ''}`;
}

/** The figures every run supports, in the first run's order; a run that is not there is named. */
async function sharedFigures(runs) {
  const lists = await Promise.all(runs.map((id) => api(`/api/runs/${encodeURIComponent(id)}/figures`)
    .catch((e) => { throw new Error(`run ${id}: ${e.message}`); })));
  return lists[0].filter((f) => lists.every((list) => list.some((g) => g.id === f.id)));
}

export function mountCompare(view, query) {
  const { runs, figure } = parseCompare(query);
  const input = h('input', { id: 'compare-runs', name: 'runs', inputmode: 'numeric', autocomplete: 'off',
    value: runs.join(','), placeholder: 'e.g. 3,7,9', 'aria-describedby': 'compare-runs-help' });
  const select = h('select', { id: 'compare-figure', name: 'figure', disabled: true });
  const form = h('form', { class: 'compare-form' },
    h('div', { class: 'field' }, h('label', { for: 'compare-runs' }, 'Runs'), input,
      h('small', { id: 'compare-runs-help', class: 'muted' }, 'Run numbers separated by commas')),
    h('div', { class: 'field' }, h('label', { for: 'compare-figure' }, 'Figure'), select),
    h('button', { type: 'submit' }, 'Compare'));
  const result = h('div', { class: 'compare-result' });
  view.replaceChildren(h('div', { class: 'page' }, h('section', { class: 'panel wide', 'aria-labelledby': 'compare-title' },
    h('h1', { id: 'compare-title' }, 'Compare runs'), form, result)));

  let panel = null;
  let cancelled = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const wanted = parseCompare(`runs=${input.value.replace(/\s+/g, '')}`).runs;
    // Another figure list belongs to other runs: keep the figure only while the runs are the same.
    const keep = wanted.join(',') === runs.join(',') ? select.value : null;
    location.hash = hashOf(wanted, keep);
  });
  select.addEventListener('change', () => { location.hash = hashOf(runs, select.value); });

  if (!runs.length) {
    result.replaceChildren(h('p', { class: 'muted' }, 'Name the runs to overlay, then choose a figure they share.'));
    return () => {};
  }
  result.replaceChildren(h('p', { class: 'muted' }, 'Loading the figures these runs share…'));
  sharedFigures(runs).then((shared) => {
    if (cancelled) return;
    select.replaceChildren(h('option', { value: '' }, shared.length ? 'Choose a figure' : 'No figure in common'),
      ...shared.map((f) => h('option', { value: f.id, selected: f.id === figure }, f.title)));
    select.disabled = !shared.length;
    const pack = h('a', { class: 'button secondary', href: `/api/compare/pack?runs=${runs.join(',')}`,
      download: `compare-${runs.join('-')}-pack.zip`, 'data-format': 'pack' }, 'Paper pack of these runs (ZIP)');
    if (!figure) {
      result.replaceChildren(h('p', { class: 'muted' }, shared.length ? 'Choose a figure.' : 'These runs share no figure.'),
        h('div', { class: 'actions' }, pack));
      return;
    }
    // A figure not shared is still asked for: the station's refusal says which run lacks what.
    const url = `/api/compare?runs=${runs.join(',')}&figure=${encodeURIComponent(figure)}`;
    panel = createFigurePanel(url, `compare-${runs.join('-')}-${figure}`);
    result.replaceChildren(h('h2', null, shared.find((f) => f.id === figure)?.title ?? figure), panel.root,
      h('div', { class: 'actions' }, pack));
  }).catch((e) => { if (!cancelled) result.replaceChildren(h('p', { class: 'error-box' }, e.message)); });

  return () => {
    cancelled = true;
    panel?.destroy();
  };
}
