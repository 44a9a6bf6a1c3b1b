// The protocol text with line numbers beside it, so "line 4: …" from the station points at
// something visible; lines with errors are marked in the gutter and listed under the text.

import { h } from './dom.js';

const LINE_OF = /^line (\d+):/;

export function createProtocolEditor(id) {
  const gutter = h('pre', { class: 'gutter', 'aria-hidden': 'true' });
  const textarea = h('textarea', { id, name: 'protocol', spellcheck: 'false', autocapitalize: 'off', wrap: 'off',
    rows: '10', required: true, 'aria-describedby': `${id}-errors` });
  const errors = h('ul', { id: `${id}-errors`, class: 'line-errors', 'aria-live': 'polite' });
  const root = h('div', null, h('div', { class: 'editor' }, gutter, textarea), errors);
  let badLines = new Set();

  function renumber() {
    const count = textarea.value.split('\n').length;
    gutter.replaceChildren(...Array.from({ length: count }, (_, i) =>
      h('span', { class: badLines.has(i + 1) ? 'bad' : null }, String(i + 1))));
    gutter.scrollTop = textarea.scrollTop;
  }

  /** Selects a line in the text, so the thumb lands where the error is. */
  function goToLine(line) {
    const lines = textarea.value.split('\n');
    const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    textarea.focus();
    textarea.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
  }

  /** Shows the station's per-line messages ("line 3: …"); other messages without a line. */
  function showErrors(messages) {
    badLines = new Set(messages.map((m) => Number(m.match(LINE_OF)?.[1])).filter(Boolean));
    textarea.setAttribute('aria-invalid', String(messages.length > 0));
    errors.replaceChildren(...messages.map((message) => {
      const line = Number(message.match(LINE_OF)?.[1]);
      return h('li', { 'data-line': line || null },
        line ? h('button', { type: 'button', onclick: () => goToLine(line), 'aria-label': `Go to line ${line}` }, `Line ${line}`) : null,
        line ? message.replace(LINE_OF, '').trim() : message);
    }));
    renumber();
  }

  textarea.addEventListener('input', renumber);
  textarea.addEventListener('scroll', () => { gutter.scrollTop = textarea.scrollTop; });
  renumber();
  return {
    root,
    textarea,
    get value() { return textarea.value; },
    set value(text) { textarea.value = text; renumber(); },
    showErrors,
  };
}
