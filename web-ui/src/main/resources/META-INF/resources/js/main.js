// Entry point: checks the session, then routes between the screens by the URL's hash, so the
// browser's back button and bookmarks work without any server-side routing.
//   #/                 every channel as a card
//   #/channel/ch1      a channel's latest run
//   #/run/12           one run (charts, readings, controls, downloads)
//   #/start?channel=   start a run from a template
//   #/runs             every run, with downloads
//   #/compare?runs=3,7&figure=fe-vs-potential   several runs in one figure

import { api, post, setUnauthorizedHandler } from './api.js';
import { renderBanners } from './banners.js';
import { renderDisk } from './disk.js';
import { mountCards } from './cards.js';
import { mountLogin } from './login.js';
import { startLive } from './live.js';
import * as store from './store.js';

const view = document.getElementById('view');
const tabs = document.getElementById('tabs');
const banners = document.getElementById('banners');
const connection = document.getElementById('connection');
const disk = document.getElementById('disk');
const logout = document.getElementById('logout');
const readOnly = document.getElementById('read-only');

let unmount = () => {};
let stopLive = null;
let loggedIn = false;

const MODE_WORDS = { live: 'live', polling: 'updating every 5 s', offline: 'station unreachable' };

const ROUTES = [
  [/^#?\/?$/, () => mountCards(view)],
  [/^#\/channel\/([\w-]+)$/, (m) => lazy('./run-page.js', (mod) => mod.mountChannel(view, m[1]))],
  [/^#\/run\/(\d+)$/, (m) => lazy('./run-page.js', (mod) => mod.mountRun(view, Number(m[1])))],
  [/^#\/start(?:\?channel=([\w-]+))?$/, (m) => lazy('./start-run.js', (mod) => mod.mountStartRun(view, m[1] ?? null))],
  [/^#\/runs$/, () => lazy('./runs-page.js', (mod) => mod.mountRuns(view))],
  [/^#\/compare(?:\?(.*))?$/, (m) => lazy('./compare-page.js', (mod) => mod.mountCompare(view, m[1]))],
];

/** Screens other than the cards load their code on first visit, keeping the first view small. */
function lazy(path, mount) {
  let cleanup = () => {};
  let cancelled = false;
  import(path).then((mod) => { if (!cancelled) cleanup = mount(mod) ?? (() => {}); })
    .catch((e) => view.replaceChildren(Object.assign(document.createElement('p'), {
      className: 'error-box', textContent: `This screen could not be loaded: ${e.message}` })));
  return () => { cancelled = true; cleanup(); };
}

function route() {
  if (!loggedIn) return;
  unmount();
  let hash = location.hash || '#/';
  if (document.body.dataset.role === 'viewer' && hash.startsWith('#/start')) hash = '#/';
  let match = null;
  const [, mount] = ROUTES.find(([pattern]) => (match = hash.match(pattern))) ?? ROUTES[0];
  unmount = mount(match) ?? (() => {});
  const tab = hash.startsWith('#/start') ? 'start' : hash.startsWith('#/runs') || hash.startsWith('#/compare') ? 'runs' : 'channels';
  tabs.querySelectorAll('a').forEach((a) => {
    if (a.dataset.tab === tab) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  window.scrollTo(0, 0);
}

function showLogin() {
  loggedIn = false;
  stopLive?.();
  stopLive = null;
  unmount();
  unmount = () => {};
  tabs.hidden = true;
  logout.hidden = true;
  readOnly.hidden = true;
  delete document.body.dataset.role;
  banners.replaceChildren();
  connection.textContent = '';
  mountLogin(view, start);
}

/** The viewer's token shows the station read-only: every control is hidden (and refused by the station). */
function showRole(role) {
  document.body.dataset.role = role === 'viewer' ? 'viewer' : 'operator';
  readOnly.hidden = role !== 'viewer';
}

/** The lab's page, when the station belongs to a lab (station.lab.page-url). */
function showLabLink() {
  api('/api/lab/page').then((lab) => {
    const link = document.getElementById('lab-link');
    if (lab?.pageUrl) Object.assign(link, { href: lab.pageUrl, hidden: false });
  }).catch(() => {});
}

async function start() {
  try {
    const session = await api('/api/session');
    showRole(session?.role);
    await store.refresh();
  } catch (e) {
    if (e.status === 401) {
      showLogin();
    } else {
      view.replaceChildren(Object.assign(document.createElement('p'), { className: 'error-box', textContent: e.message }));
      setTimeout(start, 5000);
    }
    return;
  }
  loggedIn = true;
  showLabLink();
  tabs.hidden = false;
  logout.hidden = false;
  stopLive = startLive((mode) => { connection.textContent = MODE_WORDS[mode]; });
  route();
}

setUnauthorizedHandler(() => { if (loggedIn) showLogin(); });
store.subscribe(() => renderBanners(banners));
store.subscribe(() => renderDisk(disk));
window.addEventListener('hashchange', route);
logout.addEventListener('click', async () => {
  try { await post('/api/logout'); } finally { showLogin(); }
});
start();
