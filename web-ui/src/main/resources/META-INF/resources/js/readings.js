// Sample readings: the operator enters what the spectrometer read for a catholyte sample taken
// after a step; the station turns it into a concentration, a Faradaic efficiency and a yield for
// that step. FE is shown as measured — above 100 % too, with the station's warning.

import { h, setText } from './dom.js';
import { api, post } from './api.js';
import { fixed, percent, prettyUnits } from './format.js';

const METHODS = [
  ['INDOPHENOL_BLUE_NH3', 'NH₃, indophenol blue (655 nm)'],
  ['NESSLER_NH3', 'NH₃, Nessler (420 nm)'],
  ['GRIESS_NO2', 'NO₂⁻, Griess (540 nm)'],
  ['UV_NO3', 'NO₃⁻, UV (A220 − 2·A275)'],
  ['WATT_CHRISP_N2H4', 'N₂H₄, Watt–Chrisp (458 nm)'],
  ['NMR_NH3', 'NH₃, ¹H NMR (area ratio)'],
];
const methodWords = (m) => METHODS.find(([id]) => id === m)?.[1] ?? m;

/** The readings of a run with the form to add one; call setSteps with the run's steps (run-events.js). */
export function createReadings(run) {
  const tableBody = h('tbody');
  const table = h('div', { class: 'table-wrap' }, h('table', null,
    h('caption', { class: 'muted' }, 'FE and yield per step'),
    h('thead', null, h('tr', null,
      h('th', { scope: 'col' }, 'Step'), h('th', { scope: 'col' }, 'Product'), h('th', { scope: 'col', class: 'num' }, 'FE'),
      h('th', { scope: 'col', class: 'num' }, 'Yield / mg h⁻¹ mg_cat⁻¹'), h('th', { scope: 'col', class: 'num' }, 'Yield / µg h⁻¹ cm⁻²'))),
    tableBody));
  const empty = h('p', { class: 'muted' }, 'No readings yet.');
  const result = h('div', { class: 'result', 'aria-live': 'polite', id: 'reading-result' });
  const form = readingForm(run, async (reading) => {
    const r = await post(`/api/runs/${run.id}/readings`, reading);
    result.replaceChildren(h('p', { class: 'ok-box' },
      `Step ${r.stepNumber}: FE ${percent(r.faradaicEfficiency)} · yield ${yieldWords(r)}`,
      r.warnings?.length ? h('span', { class: 'muted' }, ` (${r.warnings.join(', ').toLowerCase().replaceAll('_', ' ')})`) : ''));
    await loadTable();
  });
  const root = h('div', { class: 'readings-panel' }, empty, table, result, form.root);

  async function loadTable() {
    const rows = await api(`/api/runs/${run.id}/readings`);
    empty.hidden = rows.length > 0;
    table.hidden = rows.length === 0;
    tableBody.replaceChildren(...rows.map((r) => h('tr', null,
      h('td', null, String(r.stepNumber)),
      h('td', null, r.product),
      h('td', { class: 'num' }, percent(r.faradaicEfficiency)),
      h('td', { class: 'num' }, fixed(r.yield?.mgPerHourPerMgCat, 3)),
      h('td', { class: 'num' }, fixed(r.yield?.ugPerHourPerCm2, 1)))));
  }

  loadTable().catch((e) => setText(empty, `The readings could not be loaded: ${e.message}`));
  return { root, setSteps: form.setSteps };
}

function yieldWords(r) {
  const parts = [];
  if (r.yield?.mgPerHourPerMgCat != null) parts.push(`${fixed(r.yield.mgPerHourPerMgCat, 3)} mg h⁻¹ mg_cat⁻¹`);
  if (r.yield?.ugPerHourPerCm2 != null) parts.push(`${fixed(r.yield.ugPerHourPerCm2, 1)} µg h⁻¹ cm⁻²`);
  if (r.correction) parts.push(`${r.correction.kind} subtracted (FE ${percent(r.correction.uncorrectedFaradaicEfficiency)} without)`);
  return parts.join(' · ') || '— (the run has no catalyst mass or area)';
}

function field(id, label, input, hint) {
  return h('div', { class: 'field' }, h('label', { for: id }, label), input, hint ? h('p', { class: 'hint muted' }, hint) : null);
}

function readingForm(run, submit) {
  const calibration = h('select', { id: 'reading-calibration', name: 'calibration', required: true });
  const step = h('select', { id: 'reading-step', name: 'step', required: true });
  const signal = h('input', { id: 'reading-signal', name: 'signal', type: 'number', step: 'any', inputmode: 'decimal', required: true });
  const dilution = h('input', { id: 'reading-dilution', name: 'dilution', type: 'number', step: 'any', min: '0', inputmode: 'decimal', value: '1' });
  const error = h('p', { class: 'error-box', role: 'alert', hidden: true });
  const button = h('button', { type: 'submit' }, 'Compute FE and yield');
  const calibrationForm = newCalibrationForm((id) => loadCalibrations(id));
  const form = h('form', { class: 'reading-form', 'aria-labelledby': 'reading-form-title' },
    h('h3', { id: 'reading-form-title' }, 'Enter a sample reading'),
    field('reading-step', 'Step the sample was taken after', step),
    field('reading-calibration', 'Method and calibration', calibration),
    h('div', { class: 'grid2' },
      field('reading-signal', 'Absorbance (or NMR area ratio)', signal),
      field('reading-dilution', 'Dilution factor', dilution, 'e.g. 100 for 0.05 mL made up to 5 mL')),
    error,
    h('div', { class: 'actions' }, button));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.hidden = true;
    button.disabled = true;
    try {
      await submit({
        stepNumber: Number(step.value), calibrationId: Number(calibration.value),
        signal: Number(signal.value), dilutionFactor: dilution.value === '' ? 1 : Number(dilution.value),
      });
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
    } finally {
      button.disabled = false;
    }
  });

  async function loadCalibrations(selectId) {
    const list = await api('/api/calibrations');
    calibration.replaceChildren(
      h('option', { value: '', disabled: true, selected: !list.length }, list.length ? 'Pick a calibration' : 'No calibration yet: add one below'),
      ...list.slice().reverse().map((c) => h('option', { value: c.id, selected: c.id === selectId },
        `${c.name} — ${methodWords(c.curve.method)}, R² ${fixed(c.curve.rSquared, 4)}`)));
    if (list.length && !selectId) calibration.selectedIndex = 1;
  }

  /** Finished steps, the latest first; a reading belongs after a step that passed reducing charge. */
  function setSteps(steps) {
    const done = steps.filter((s) => s.endMs != null && !/^(ask|rest)\b/i.test(s.text)).reverse();
    const chosen = step.value;
    step.replaceChildren(...(done.length ? done.map((s) => h('option', { value: s.stepNumber },
      `Step ${s.stepNumber} · ${prettyUnits(s.text)}${s.cycle > 1 ? ` · cycle ${s.cycle}` : ''}`))
      : [h('option', { value: '', disabled: true, selected: true }, 'No finished step yet')]));
    if (chosen && done.some((s) => String(s.stepNumber) === chosen)) step.value = chosen;
  }

  loadCalibrations().catch((e) => { error.textContent = e.message; error.hidden = false; });
  // The calibration form sits outside the reading form, so Enter in it never submits a reading.
  return { root: h('div', { class: 'operator-only' }, form, calibrationForm), setSteps };
}

/** A calibration from standards: concentrations in mmol/L (as prepared) and the signals read. */
function newCalibrationForm(onCreated) {
  const name = h('input', { id: 'cal-name', name: 'name', required: true, placeholder: 'NH4Cl in 0.5 M K2SO4' });
  const method = h('select', { id: 'cal-method', name: 'method' }, METHODS.map(([id, words]) => h('option', { value: id }, words)));
  const standards = h('input', { id: 'cal-standards', name: 'standards', required: true, inputmode: 'decimal', placeholder: '0, 0.01, 0.02, 0.05, 0.1' });
  const signals = h('input', { id: 'cal-signals', name: 'signals', required: true, inputmode: 'decimal', placeholder: '0.04, 0.12, 0.20, 0.44, 0.84' });
  const error = h('p', { class: 'error-box', role: 'alert', hidden: true });
  const numbers = (text) => text.split(/[\s,;]+/).filter(Boolean).map(Number);
  const form = h('details', { class: 'calibration-form' },
    h('summary', null, 'Add a calibration'),
    field('cal-name', 'Name', name),
    field('cal-method', 'Method', method),
    field('cal-standards', 'Standards / mmol L⁻¹ (comma-separated)', standards),
    field('cal-signals', 'Signals, one per standard', signals),
    error,
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', onclick: async () => {
      error.hidden = true;
      try {
        const created = await post('/api/calibrations', {
          name: name.value.trim(), method: method.value,
          standardsMolPerL: numbers(standards.value).map((mM) => mM / 1000), signals: numbers(signals.value),
        });
        form.open = false;
        await onCreated(created.id);
      } catch (e) {
        error.textContent = e.message;
        error.hidden = false;
      }
    } }, 'Save calibration')));
  return form;
}
