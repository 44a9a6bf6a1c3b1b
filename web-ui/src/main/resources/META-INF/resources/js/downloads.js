// Plain links: the browser sends the session cookie with them, and the station names the file.

import { h } from './dom.js';

const FORMATS = [
  ['csv', 'CSV', 'every sample, SI units', '.csv'],
  ['bdf', 'BDF', 'Battery Data Format CSV', '.bdf.csv'],
  ['cycles', 'Cycle summary', 'one row per cycle', '-cycles.csv'],
  ['json', 'JSON', 'metadata and samples', '.json'],
];

/** `apiBase` and `name`: where the run is read and what the files are called (the lab page's differ). */
export function downloadLinks(runId, apiBase = `/api/runs/${runId}`, name = `run-${runId}`) {
  return h('div', { class: 'downloads' }, FORMATS.map(([format, label, what, suffix]) =>
    h('a', {
      class: 'button secondary', href: `${apiBase}/export?format=${format}`, download: `${name}${suffix}`,
      'data-format': format, title: what, 'aria-label': `Download ${label} of run ${runId} (${what})`,
    }, label)));
}
