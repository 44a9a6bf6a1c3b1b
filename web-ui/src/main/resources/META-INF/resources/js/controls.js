// Pause, resume, stop and answer — each only when the run's state allows it, each confirmed
// first, because a mistap on a phone must not end a week-long run.

import { h } from './dom.js';
import { post } from './api.js';
import { askForAnswer, confirmAction } from './dialogs.js';
import * as store from './store.js';

const ACTIONS = {
  pause: {
    label: 'Pause', states: ['RUNNING'], danger: false,
    message: (run) => `Pause run ${run.id} on ${run.channel}? The channel goes to its safe state (no current) until you resume.`,
  },
  resume: {
    label: 'Resume', states: ['PAUSED'], danger: false,
    message: (run) => `Resume run ${run.id} on ${run.channel}? The protocol continues where it paused.`,
  },
  stop: {
    label: 'Stop', states: ['RUNNING', 'PAUSED', 'WAITING_FOR_ANSWER'], danger: true,
    message: (run) => `Stop run ${run.id} on ${run.channel}? The channel goes to its safe state and the run cannot be `
      + 'resumed. Its data stays.',
  },
};

export function createControls() {
  const error = h('p', { class: 'error-box', role: 'alert', hidden: true });
  const answer = h('button', { type: 'button', 'data-action': 'answer' }, 'Answer the prompt');
  const buttons = Object.entries(ACTIONS).map(([action, spec]) =>
    h('button', { type: 'button', 'data-action': action, class: spec.danger ? 'danger' : 'secondary' }, spec.label));
  const root = h('div', { class: 'operator-only' }, h('div', { class: 'actions' }, answer, buttons), error);
  let current = null;

  answer.addEventListener('click', async () => {
    const text = await askForAnswer({ channel: current.channel, prompt: current.prompt });
    if (text != null) act(() => post(`/api/runs/${current.id}/answer`, { answer: text }));
  });
  for (const button of buttons) {
    button.addEventListener('click', async () => {
      const spec = ACTIONS[button.dataset.action];
      const yes = await confirmAction({
        title: `${spec.label} run ${current.id}?`, message: spec.message(current),
        confirmLabel: `${spec.label} run ${current.id}`, danger: spec.danger,
      });
      if (yes) act(() => post(`/api/runs/${current.id}/${button.dataset.action}`));
    });
  }

  async function act(request) {
    error.hidden = true;
    try {
      await request();
      await store.loadRun(current.id, null, true);
      await store.refresh();
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
    }
  }

  function update(run) {
    current = run;
    answer.hidden = !(run.state === 'WAITING_FOR_ANSWER' && run.prompt);
    for (const button of buttons) button.hidden = !ACTIONS[button.dataset.action].states.includes(run.state);
  }

  return { root, update };
}
