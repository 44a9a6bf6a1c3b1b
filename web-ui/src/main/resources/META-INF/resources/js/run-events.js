// A run's steps as its event history tells them: number, protocol line, cycle, text, start and
// end. Used to pick the step a sample reading belongs to and to find a polarization's samples.

import { api, toMillis } from './api.js';

// As RunHistory words it: "step 3 (protocol line 5), cycle 2: Charge at 5 mA/cm2 for 10 min"
const STEP_STARTED = /^step (\d+) \(protocol line (\d+)\), cycle (\d+): (.*)$/s;
const ENDS_RUN = new Set(['FINISHED', 'FAULT', 'STOPPED']);

/** The steps in order; endMs is null for a step still running. */
export async function loadSteps(runId) {
  const events = await api(`/api/runs/${runId}/events`);
  const steps = [];
  for (const event of events) {
    const ms = toMillis(event.epochMillis);
    const m = event.kind === 'STEP_STARTED' ? event.message.match(STEP_STARTED) : null;
    if (m) {
      if (steps.length) steps[steps.length - 1].endMs ??= ms;
      steps.push({ stepNumber: Number(m[1]), line: Number(m[2]), cycle: Number(m[3]), text: m[4], startMs: ms, endMs: null });
    } else if (ENDS_RUN.has(event.kind) && steps.length) {
      steps[steps.length - 1].endMs ??= ms;
    }
  }
  return steps;
}
