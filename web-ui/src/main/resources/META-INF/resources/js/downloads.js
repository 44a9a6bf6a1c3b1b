// Plain links: the browser sends the session cookie with them, and the station names the file.

import { h } from './dom.js';

const FORMATS = [
  ['csv', 'CSV', 'every sample, SI units', '.csv'],
  ['bdf', 'BDF', 'Battery Data Format CSV', '.bdf.csv'],
  ['cycles', 'Cycle summary', 'one row per cycle', '-cycles.csv'],
  ['json', 'JSON', 'metadata and samples', '.json'],
];

export function downloadLinks(runId) {
  return h('div', { class: 'downloads' }, FORMATS.map(([format, label, what, suffix]) =>
    h('a', {
      class: 'button secondary', href: `/api/runs/${runId}/export?format=${format}`, download: `run-${runId}${suffix}`,
      'data-format': format, title: what, 'aria-label': `Download ${label} of run ${runId} (${what})`,
    }, label)));
}
