// The lab page, served by the lab instance (station.role=lab): every station and channel of the lab as
// cards, live from MQTT, and every run in the central database, opened with the station's own plot,
// cycle chart and downloads read from /api/lab/runs/<station>/<run>.
//   #/                         stations, their channels, and the runs
//   #/run/bench-2/17           one run from the central database

import { api, post, setUnauthorizedHandler } from './api.js';
import { mountLogin } from './login.js';
import { mountLabCards } from './lab-cards.js';
import { mountLabRun } from './lab-run.js';

const view = document.getElementById('view');
const connection = document.getElementById('connection');
const logout = document.getElementById('logout');

let unmount = () => {};
let loggedIn = false;

function route() {
  if (!loggedIn) return;
  unmount();
  const run = (location.hash || '#/').match(/^#\/run\/([a-z0-9-]+)\/(\d+)$/);
  unmount = run ? mountLabRun(view, run[1], Number(run[2])) : mountLabCards(view, (words) => { connection.textContent = words; });
  window.scrollTo(0, 0);
}

function showLogin() {
  loggedIn = false;
  unmount();
  unmount = () => {};
  logout.hidden = true;
  connection.textContent = '';
  mountLogin(view, start);
}

async function start() {
  try {
    await api('/api/session');
  } catch (e) {
    if (e.status === 401) showLogin();
    else {
      view.replaceChildren(Object.assign(document.createElement('p'), { className: 'error-box', textContent: e.message }));
      setTimeout(start, 5000);
    }
    return;
  }
  loggedIn = true;
  logout.hidden = false;
  route();
}

setUnauthorizedHandler(() => { if (loggedIn) showLogin(); });
window.addEventListener('hashchange', route);
logout.addEventListener('click', async () => {
  try { await post('/api/logout'); } finally { showLogin(); }
});
start();
