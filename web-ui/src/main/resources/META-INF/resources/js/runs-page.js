// Every run the station holds, newest first, each with its downloads: data from last month is as
// easy to take away as today's.

import { h } from './dom.js';
import { api, toMillis } from './api.js';
import { dateTime, stateWords } from './format.js';
import { downloadLinks } from './downloads.js';
import { outlineOf } from './protocol-outline.js';

export function mountRuns(view) {
  const list = h('ul', { class: 'run-list', 'aria-label': 'Runs' });
  view.replaceChildren(h('div', { class: 'page' }, h('div', { class: 'wide' }, h('h1', null, 'All runs'), list)));
  let cancelled = false;
  api('/api/runs').then((runs) => {
    if (cancelled) return;
    if (!runs.length) {
      list.replaceChildren(h('li', { class: 'muted' }, 'No runs yet.'));
      return;
    }
    list.replaceChildren(...runs.slice().sort((a, b) => b.id - a.id).map((run) => h('li', { 'data-run': run.id },
      h('div', { class: 'page-head' },
        h('h2', null, h('a', { href: `#/run/${run.id}` }, `Run ${run.id} · ${run.channel}`)),
        h('span', { class: `badge ${run.state}` }, stateWords(run.state))),
      titleOf(run.protocol),
      h('p', { class: 'muted' }, `Created ${dateTime(toMillis(run.createdAt))} · ${Number(run.samplesStored).toLocaleString()} samples`
        + (run.notes ? ` · ${run.notes}` : '')),
      downloadLinks(run.id))));
  }).catch((e) => list.replaceChildren(h('li', { class: 'error-box' }, e.message)));
  return () => { cancelled = true; };
}

/** The protocol's title, filled in when the station has outlined it (runs of one template share one request). */
function titleOf(protocol) {
  const title = h('p', { class: 'protocol-name' });
  outlineOf(protocol).then((o) => { title.textContent = o.title ?? ''; }).catch(() => {});
  return title;
}
