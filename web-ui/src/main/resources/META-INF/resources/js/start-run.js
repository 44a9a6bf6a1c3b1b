// Starting a run: a channel, a template to start from (its text stays editable), the cell's
// metadata with units, notes. The protocol is checked against the channel and cell first; the
// station's errors appear on their lines and next to their fields.

import { h } from './dom.js';
import { api, post } from './api.js';
import { ACTIVE_STATES, cellKindWords, duration, stateWords } from './format.js';
import { createProtocolEditor } from './protocol-editor.js';
import { fromStation } from './protocol-outline.js';
import { loadTemplates } from './templates.js';
import * as store from './store.js';

// [key, label, unit, hint]; numbers are sent as numbers (the station refuses "1.0" as text).
const CELL_FIELDS = [
  ['areaCm2', 'Electrode area', 'cm²', 'required; current densities are per this area'],
  ['catalystMassMg', 'Catalyst mass', 'mg', 'for yields per mg of catalyst'],
  ['znMassG', 'Zn anode mass', 'g', 'for capacities per g of Zn'],
  ['catholyteVolumeMl', 'Catholyte volume', 'mL', 'for FE and yield'],
  ['ph', 'pH', '', 'for potentials vs RHE'],
  ['referenceOffsetV', 'Reference electrode offset', 'V vs SHE', '0.197 for Ag/AgCl in saturated KCl'],
  ['uncompensatedResistanceOhm', 'Uncompensated resistance R_u', 'Ω', 'for iR compensation; empty: none'],
  ['nominalCapacityAh', 'Nominal capacity', 'Ah', 'for C-rates: 1C drains it in 1 h (5 mAh is 0.005)'],
];

export function mountStartRun(view, preselectedChannel) {
  const channel = h('select', { id: 'start-channel', name: 'channel', required: true });
  const template = h('select', { id: 'start-template', name: 'template' });
  const editor = createProtocolEditor('start-protocol');
  const cellInputs = new Map();
  const cellFields = CELL_FIELDS.map(([key, label, unit, hint]) => {
    const input = h('input', { id: `cell-${key}`, name: key, type: 'number', step: 'any', inputmode: 'decimal',
      required: key === 'areaCm2', value: key === 'areaCm2' ? '1' : null, 'aria-describedby': `cell-${key}-hint` });
    cellInputs.set(key, input);
    return fieldWithUnit(`cell-${key}`, label, unit, input, hint);
  });
  const reference = h('input', { id: 'cell-referenceElectrode', name: 'referenceElectrode', placeholder: 'Ag/AgCl (sat. KCl)' });
  cellInputs.set('referenceElectrode', reference);
  const notes = h('textarea', { id: 'start-notes', name: 'notes', rows: '3' });
  const queue = h('input', { id: 'start-queue', name: 'queue', type: 'checkbox' });
  const queueField = h('div', { class: 'field' }, h('label', { for: 'start-queue' }, queue, ' Queue after the current run'));
  const message = h('div', { 'aria-live': 'polite' });
  const check = h('button', { type: 'button', class: 'secondary' }, 'Check protocol');
  const start = h('button', { type: 'submit' }, 'Start run');

  const form = h('form', { class: 'page start-form', 'aria-labelledby': 'start-title', novalidate: true },
    h('div', { class: 'wide' }, h('h1', { id: 'start-title' }, 'Start a run')),
    h('section', { class: 'panel', 'aria-label': 'Channel and protocol' },
      field('start-channel', 'Channel', channel),
      queueField,
      field('start-template', 'Start from a template', template),
      h('label', { for: 'start-protocol' }, 'Protocol (one step per line; you can edit it)'),
      editor.root),
    h('section', { class: 'panel', 'aria-label': 'Cell' },
      h('h2', null, 'Cell'),
      h('div', { class: 'grid2' }, cellFields, field('cell-referenceElectrode', 'Reference electrode', reference))),
    h('section', { class: 'panel wide', 'aria-label': 'Notes and start' },
      field('start-notes', 'Notes (stored with the run)', notes),
      message,
      h('div', { class: 'actions' }, check, start)));
  view.replaceChildren(form);

  let templates = [];
  let channelsKey = null;
  const fillChannels = () => {
    // Rebuilt only when a channel's state changed, so an open picker is not reset by live updates.
    const key = store.channelList().map((ch) => `${ch.id}:${ch.state}`).join();
    if (key === channelsKey) return;
    channelsKey = key;
    const chosen = channel.value || preselectedChannel;
    channel.replaceChildren(...store.channelList().map((ch) => h('option', {
      value: ch.id,
    }, `${ch.id} — ${cellKindWords(ch.cellKind)}${ACTIVE_STATES.has(ch.state) ? ` (${stateWords(ch.state)})` : ''}`)));
    const free = store.channelList().find((ch) => !ACTIVE_STATES.has(ch.state));
    channel.value = chosen && store.channel(chosen) ? chosen : (free?.id ?? '');
    showQueue();
  };
  // A busy channel takes a run only as queued: it starts when the channel's current run ends.
  const showQueue = () => {
    const busy = ACTIVE_STATES.has(store.channel(channel.value)?.state);
    queueField.hidden = !busy;
    start.textContent = busy && queue.checked ? 'Queue run' : 'Start run';
    start.disabled = busy && !queue.checked;
  };
  channel.addEventListener('change', showQueue);
  queue.addEventListener('change', showQueue);
  fillChannels();

  loadTemplates().then((list) => {
    templates = list;
    template.replaceChildren(h('option', { value: '' }, 'Blank — write your own'),
      ...list.map((t) => h('option', { value: t.id }, t.title)));
  }).catch((e) => showMessage('error', e.message));

  template.addEventListener('change', () => {
    const chosen = templates.find((t) => t.id === template.value);
    editor.value = chosen ? chosen.text : '';
    editor.showErrors([]);
    message.replaceChildren();
  });
  check.addEventListener('click', () => validate());
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!(await validate())) return;
    start.disabled = true;
    try {
      const queued = !queueField.hidden && queue.checked;
      const run = await post('/api/runs', { channel: channel.value, protocol: editor.value, cell: cell(), notes: notes.value || null, queue: queued });
      await store.refresh();
      location.hash = `#/run/${run.id}`;
    } catch (e) {
      showError(e);
    } finally {
      showQueue();
    }
  });

  function cell() {
    const doc = {};
    for (const [key, input] of cellInputs) {
      if (input.value.trim() === '') continue;
      doc[key] = key === 'referenceElectrode' ? input.value.trim() : Number(input.value);
    }
    return doc;
  }

  async function validate() {
    clearFieldErrors();
    editor.showErrors([]);
    try {
      const result = await post('/api/protocols/validate', { protocol: editor.value, channel: channel.value || null, cell: cell() });
      if (!result.valid) {
        // It reads, but this channel or cell cannot run it: the problems go on their lines.
        const problems = result.ratingProblems.map((p) => `${p.message} (for example: ${p.example})`);
        editor.showErrors(problems);
        showMessage('error', `Channel ${result.checkedAgainst} cannot run this protocol: `
          + `${problems.length} problem${problems.length > 1 ? 's' : ''}, see the marked lines.`);
        return false;
      }
      const o = fromStation(result.outline);
      showMessage('ok', `The protocol is valid: ${countSteps(result.steps)} steps`
        + (o.plannedMs != null ? `, planned ${o.exact ? 'about' : 'at most'} ${duration(o.plannedMs)}` : '')
        + (o.totalCycles ? `, ${o.totalCycles} cycles` : '') + '.');
      return true;
    } catch (e) {
      showError(e);
      return false;
    }
  }

  function showError(e) {
    if (e.field === 'protocol') {
      editor.showErrors(e.details.length ? e.details : [e.message]);
      showMessage('error', `The protocol has ${e.details.length || 1} error${e.details.length > 1 ? 's' : ''}: see the marked lines.`);
    } else if (e.field?.startsWith('cell.') && cellInputs.has(e.field.slice(5))) {
      const input = cellInputs.get(e.field.slice(5));
      input.setAttribute('aria-invalid', 'true');
      input.closest('.field').append(h('p', { class: 'error', role: 'alert' }, e.message));
      showMessage('error', e.message);
      input.focus();
    } else {
      showMessage('error', e.message);
    }
  }

  function clearFieldErrors() {
    form.querySelectorAll('.field .error').forEach((el) => el.remove());
    form.querySelectorAll('input[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
  }

  function showMessage(kind, text) {
    message.replaceChildren(h('p', { class: kind === 'ok' ? 'ok-box' : 'error-box', role: kind === 'ok' ? 'status' : 'alert' }, text));
  }

  const unsubscribe = store.subscribe(fillChannels);
  return unsubscribe;
}

function countSteps(steps) {
  return steps.reduce((n, s) => n + (s.steps ? countSteps(s.steps) : 1), 0);
}

function field(id, label, input) {
  return h('div', { class: 'field' }, h('label', { for: id }, label), input);
}

function fieldWithUnit(id, label, unit, input, hint) {
  return h('div', { class: 'field' },
    h('label', { for: id }, label),
    h('div', { class: 'unit-input' }, input, unit ? h('span', { 'aria-hidden': 'true' }, unit) : null),
    h('p', { id: `${id}-hint`, class: 'hint muted' }, unit ? `${hint} (${unit})` : hint));
}
