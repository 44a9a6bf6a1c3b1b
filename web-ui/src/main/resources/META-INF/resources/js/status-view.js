// A run's status in words and numbers — protocol, current step, progress with ETA, last reading
// and its age — shared by the channel cards and the channel page. Built once, then updated in
// place, so live updates never rebuild the DOM.

import { h, setText } from './dom.js';
import { ago, currentDensity, duration, milliamps, percent, prettyUnits, volts } from './format.js';
import { estimate } from './progress.js';
import { protocolName } from './templates.js';
import * as store from './store.js';

/** Splits "Charge at 5 mA/cm2 for 10 min or until 2.4 V" into what it does and when it ends. */
export function stepParts(text) {
  const body = String(text ?? '').replace(/,\s*record\s+every\s+.*$/i, '');
  const m = body.match(/^(.*?)\s+((?:for|until)\s+.*)$/i);
  return m ? { head: prettyUnits(m[1].replace(/,$/, '')), ends: prettyUnits(m[2]) } : { head: prettyUnits(body), ends: '' };
}

/** "Charge at 5 mA/cm² — cycle 143 of 500" */
export function stepWords(step, outline) {
  if (!step) return '';
  const { head } = stepParts(step.text);
  const total = outline?.totalCycles;
  if (total) return `${head} — cycle ${step.cycle} of ${total}`;
  return step.cycle > 1 ? `${head} — cycle ${step.cycle}` : head;
}

export function createStatus() {
  const protocol = h('p', { class: 'protocol-name' });
  const stepHead = h('strong', { class: 'step-text' });
  const stepEnds = h('span', { class: 'ends' });
  const step = h('p', { class: 'step-words' }, stepHead, ' ', stepEnds);
  const bar = h('progress', { max: '1', 'aria-label': 'Progress of the run' });
  const pct = h('span', { class: 'pct num' });
  const eta = h('span', { class: 'eta' });
  const progress = h('div', { class: 'progress' }, bar, pct, eta);
  const voltage = h('dd', { class: 'voltage' });
  const current = h('dd', { class: 'current' });
  const potential = h('dd', { class: 'potential' });
  const readings = h('dl', { class: 'readings' },
    h('div', null, h('dt', null, 'Voltage'), voltage),
    h('div', null, h('dt', null, 'Current'), current),
    h('div', null, h('dt', null, 'WE potential'), potential));
  const age = h('p', { class: 'age muted' });
  const root = h('div', { class: 'status' }, protocol, step, progress, readings, age);
  let last = null;

  /** @param ch ChannelView (for the channel's live values) @param run RunView or null @param templates list or null */
  function update(ch, run, templates) {
    last = { ch, run };
    const outline = run?.outline;
    setText(protocol, run ? protocolName(templates, run.protocol, outline) : 'No run on this channel yet');
    const activeStep = run && ch?.runId === run.id ? (ch.step ?? run.step) : run?.step;
    if (activeStep) {
      setText(stepHead, stepWords(activeStep, outline));
      setText(stepEnds, stepParts(activeStep.text).ends);
    } else {
      setText(stepHead, run ? endWords(run) : '');
      setText(stepEnds, '');
    }
    updateProgress(run, activeStep, ch);
    updateReadings(ch, run);
    tick();
  }

  function updateProgress(run, step, ch) {
    progress.hidden = !run;
    if (!run) return;
    const nowMs = ch?.runId === run.id ? (ch.lastReading?.at ?? run.lastSampleMs) : run.lastSampleMs;
    const p = estimate(run.outline, {
      state: run.state, startedMs: run.startedMs, step, stepStartMs: store.stepStart(run.id), nowMs,
    });
    if (p.fraction == null) {
      bar.removeAttribute('value'); // an indeterminate bar would suggest motion; show none instead
      bar.hidden = true;
      setText(pct, '—');
      setText(eta, 'progress unknown: the protocol has steps without a time limit');
      return;
    }
    bar.hidden = false;
    bar.value = p.fraction;
    bar.setAttribute('aria-valuetext', percent(p.fraction));
    setText(pct, percent(p.fraction));
    setText(eta, etaWords(p));
  }

  function updateReadings(ch, run) {
    const r = ch?.runId === (run?.id ?? ch?.runId) ? ch?.lastReading : null;
    const area = run?.cell?.areaCm2;
    setText(voltage, r ? volts(r.voltageV) : '—');
    current.replaceChildren(r ? currentDensity(r.currentA, area) : '—', r ? h('small', null, milliamps(r.currentA)) : '');
    setText(potential, r?.wePotentialV != null ? volts(r.wePotentialV) : '—');
  }

  /** Only the age moves with the clock; called every second by the view. */
  function tick() {
    const at = last?.ch?.lastReading?.at ?? last?.run?.lastSampleMs;
    setText(age, at == null ? 'no sample yet' : `last sample ${ago(at)}`);
  }

  return { root, update, tick };
}

function endWords(run) {
  if (run.state === 'DONE') return `Finished${run.endReason ? `: ${run.endReason}` : ''}`;
  if (run.endReason) return `Ended: ${run.endReason}`;
  return run.state === 'QUEUED' ? 'Waiting for the channel' : '';
}

function etaWords(p) {
  if (p.basis === 'done') return 'finished';
  if (p.remainingMs == null) return p.basis === 'cycles' ? 'time left: — (too early to tell)' : 'time left: —';
  const left = duration(p.remainingMs);
  if (p.bound === 'at most') return `at most ${left} left (steps may end early on a limit)`;
  if (p.bound === 'pace') return `about ${left} left at the pace so far`;
  return `about ${left} left`;
}
