// Modal questions on the page's one <dialog>: a confirmation before anything that changes a run,
// and the answer to a prompt. Both resolve to what the person chose; Escape means no.

import { h } from './dom.js';

const dialog = () => document.getElementById('dialog');

function show(content, onSubmit) {
  const d = dialog();
  return new Promise((resolve) => {
    const form = h('form', { method: 'dialog' }, content);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const chosen = event.submitter?.value === 'yes' ? onSubmit(form) : null;
      d.close();
      resolve(chosen);
    });
    d.replaceChildren(form);
    d.addEventListener('close', () => resolve(null), { once: true });
    d.showModal();
    form.querySelector('[autofocus]')?.focus();
  });
}

/** Asks before an action; resolves to true only if the person confirmed. */
export async function confirmAction({ title, message, confirmLabel, danger = false }) {
  const chosen = await show([
    h('h2', { id: 'dialog-title' }, title),
    h('p', null, message),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', value: 'yes', class: danger ? 'danger' : '' }, confirmLabel),
      h('button', { type: 'submit', value: 'no', class: 'secondary', autofocus: true }, 'Cancel')),
  ], () => true);
  return chosen === true;
}

/** Shows a prompt and asks for the answer; resolves to the answer text, or null if cancelled. */
export function askForAnswer({ channel, prompt }) {
  return show([
    h('h2', { id: 'dialog-title' }, `${channel} is waiting for you`),
    h('p', { class: 'prompt-text' }, prompt),
    h('div', { class: 'field' },
      h('label', { for: 'answer-text' }, 'Your answer (stored with the run)'),
      h('input', { id: 'answer-text', name: 'answer', value: 'done', autocomplete: 'off', autofocus: true })),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', value: 'yes' }, 'Send answer and continue'),
      h('button', { type: 'submit', value: 'no', class: 'secondary' }, 'Not yet')),
  ], (form) => form.elements.answer.value.trim() || 'done');
}
