// The station's protocol templates, read once: the start form offers them, and a run whose
// protocol is a template unchanged is named by the template's title.

import { api } from './api.js';
import { prettyUnits } from './format.js';

let templates = null;

export async function loadTemplates() {
  templates ??= api('/api/templates').catch((e) => {
    templates = null;
    throw e;
  });
  return templates;
}

const normalise = (text) => String(text ?? '').replace(/\r/g, '').trim();

/** A run's name: the template's title if the protocol is one, unchanged; else its first step line. */
export function protocolName(list, protocolText, outline) {
  const match = list?.find((t) => normalise(t.text) === normalise(protocolText));
  return match ? match.title : prettyUnits(outline?.title ?? '');
}
