'use strict';
// A first status page: every channel as a card, refreshed every 5 s from GET /api/channels.

function formatReading(r) {
  if (!r) return '—';
  const mA = (r.currentA * 1000).toFixed(3);
  const we = r.wePotentialV == null ? '' : ` · WE ${r.wePotentialV.toFixed(4)} V`;
  return `${r.voltageV.toFixed(4)} V · ${mA} mA${we}`;
}

function card(ch) {
  const step = ch.step ? `Cycle ${ch.step.cycle} · ${ch.step.text}` : 'No run yet';
  const el = document.createElement('section');
  el.className = 'card';
  el.innerHTML = `<h2><span></span><span class="state"></span></h2>
    <div class="muted model"></div><div class="step"></div><div class="reading"></div>`;
  el.querySelector('h2 span').textContent = ch.id;
  const state = el.querySelector('.state');
  state.textContent = ch.state.replaceAll('_', ' ').toLowerCase();
  state.classList.add(ch.state);
  el.querySelector('.model').textContent = ch.model + (ch.runId ? ` · run ${ch.runId}` : '');
  el.querySelector('.step').textContent = step;
  el.querySelector('.reading').textContent = formatReading(ch.lastReading);
  return el;
}

// The session cookie is HttpOnly: the page never holds the token, it only logs in once with it.
const loginForm = document.getElementById('login');
loginForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const response = await fetch('/api/login', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token: document.getElementById('token').value.trim() }),
  });
  if (response.ok) {
    loginForm.hidden = true;
    refresh();
  } else {
    document.getElementById('login-error').textContent = (await response.json()).error;
  }
});

async function refresh() {
  try {
    const response = await fetch('/api/channels', { headers: { Accept: 'application/json' } });
    if (response.status === 401) {
      loginForm.hidden = false;
      return;
    }
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const channels = await response.json();
    document.getElementById('channels').replaceChildren(...channels.map(card));
    document.getElementById('updated').textContent = 'updated ' + new Date().toLocaleTimeString();
  } catch (e) {
    document.getElementById('updated').textContent = 'station unreachable: ' + e.message;
  }
}

refresh();
setInterval(refresh, 5000);
