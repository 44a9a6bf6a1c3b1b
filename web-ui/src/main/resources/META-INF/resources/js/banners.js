// The banners no one can miss: a run waiting for a person (with the button to answer) and
// alarms (faults, storage errors). They sit under the header on every screen.

import { h } from './dom.js';
import { post } from './api.js';
import * as store from './store.js';
import { askForAnswer } from './dialogs.js';
import { diskWords } from './disk.js';

/** Redraws the banners from the store; cheap, so it runs on every store change. */
export function renderBanners(container) {
  const prompts = store.channelList()
    .map((ch) => ({ ch, run: ch.runId == null ? null : store.run(ch.runId) }))
    .filter(({ run }) => run?.state === 'WAITING_FOR_ANSWER' && run.prompt);
  const disk = store.diskSpace();
  const key = JSON.stringify([prompts.map(({ run }) => [run.id, run.prompt]), store.activeAlarms().map((a) => a.key),
    disk?.low ? diskWords(disk) : null]);
  if (container.dataset.key === key) return;
  container.dataset.key = key;
  container.replaceChildren(
    ...(disk?.low ? [diskBanner(disk)] : []),
    ...store.activeAlarms().map(alarmBanner),
    ...prompts.map(({ ch, run }) => promptBanner(ch.id, run)),
  );
}

function promptBanner(channelId, run) {
  return h('div', { class: 'banner prompt', 'data-run': run.id },
    h('p', null, `${channelId} is waiting for you: “${run.prompt}”`),
    h('button', { type: 'button', class: 'operator-only', onclick: (event) => answer(event.currentTarget, channelId, run) },
      'Answer'));
}

async function answer(button, channelId, run) {
  const text = await askForAnswer({ channel: channelId, prompt: run.prompt });
  if (text == null) return;
  button.disabled = true;
  try {
    await post(`/api/runs/${run.id}/answer`, { answer: text });
    await store.loadRun(run.id, null, true);
  } catch (e) {
    button.disabled = false;
    button.closest('.banner').append(h('p', { class: 'error-box' }, e.message));
  }
}

function alarmBanner(alarm) {
  const what = alarm.kind === 'FAULT' ? 'faulted' : 'needs attention';
  return h('div', { class: 'banner alarm', role: 'alert' },
    h('p', null, `${alarm.channel} ${what} (run ${alarm.runId}): ${alarm.message}`),
    h('a', { class: 'button secondary', href: `#/run/${alarm.runId}` }, 'Open'),
    h('button', { type: 'button', onclick: () => store.dismissAlarm(alarm.key) }, 'Dismiss'));
}

// No dismiss button: it goes when space is freed (old runs exported and deleted, backups moved).
function diskBanner(disk) {
  return h('div', { class: 'banner alarm', role: 'alert' },
    h('p', null, `The station's disk is running low: ${diskWords(disk)}. Free some space before recording stops.`));
}
