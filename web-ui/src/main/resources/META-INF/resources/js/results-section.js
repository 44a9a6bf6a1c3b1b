// The Results section of a run's page: the figures the run's protocol supports (the station says
// which), each opened on demand so a phone only loads and draws what is asked for, with the paper
// pack of the whole run and a way into a comparison with other runs.

import { h } from './dom.js';
import { api } from './api.js';
import { createFigurePanel } from './figure-panel.js';

/** Fills `slot` for `run`; returns the clean-up. */
export function mountResults(slot, run) {
  const panels = [];
  let cancelled = false;
  const list = h('div', { class: 'figure-list' }, h('p', { class: 'muted' }, 'Loading the figures…'));
  slot.replaceChildren(
    h('div', { class: 'actions' },
      h('a', { class: 'button', href: `/api/runs/${run.id}/export?format=pack`, download: `run-${run.id}-pack.zip`,
        'data-format': 'pack', title: 'every table, the figures and a methods paragraph' }, 'Paper pack (ZIP)'),
      h('a', { class: 'button secondary', href: `#/compare?runs=${run.id}` }, 'Compare with other runs')),
    list);

  api(`/api/runs/${run.id}/figures`).then((figures) => {
    if (cancelled) return;
    if (!figures.length) {
      list.replaceChildren(h('p', { class: 'muted' }, 'This run\'s protocol has no figures.'));
      return;
    }
    list.replaceChildren(...figures.map((figure) => {
      const body = h('div', { class: 'figure-body' });
      const details = h('details', { class: 'figure', 'data-figure': figure.id }, h('summary', null, figure.title), body);
      details.addEventListener('toggle', () => {
        if (!details.open || body.firstChild) return;
        const panel = createFigurePanel(figure.href, `run-${run.id}-${figure.id}`);
        panels.push(panel);
        body.append(panel.root, h('p', null, h('a', { href: `#/compare?runs=${run.id}&figure=${figure.id}` },
          'Overlay this figure with other runs')));
      });
      return details;
    }));
  }).catch((e) => { if (!cancelled) list.replaceChildren(h('p', { class: 'error-box' }, e.message)); });

  return () => {
    cancelled = true;
    panels.forEach((p) => p.destroy());
  };
}
