// The first screen: every channel as a card, updated in place from the store.

import { h, setText } from './dom.js';
import { cellKindWords, stateWords } from './format.js';
import { createStatus } from './status-view.js';
import { loadTemplates } from './templates.js';
import * as store from './store.js';

export function mountCards(view) {
  const loading = h('p', { class: 'muted' }, 'Loading channels…');
  const list = h('section', { class: 'cards', 'aria-label': 'Channels' }, loading);
  view.replaceChildren(h('h1', { class: 'view-title' }, 'Channels'), list);
  const cards = new Map();
  let templates = null;

  const render = () => {
    const channels = store.channelList();
    if (!channels.length) return;
    loading.remove();
    for (const ch of channels) {
      let card = cards.get(ch.id);
      if (!card) {
        card = createCard(ch);
        cards.set(ch.id, card);
        list.append(card.root);
      }
      card.update(ch, ch.runId == null ? null : store.run(ch.runId), templates);
    }
  };

  loadTemplates().then((t) => { templates = t; render(); }).catch(() => {});
  const unsubscribe = store.subscribe(render);
  const clock = setInterval(() => cards.forEach((c) => c.tick()), 1000);
  render();
  return () => {
    unsubscribe();
    clearInterval(clock);
  };
}

function createCard(ch) {
  const titleId = `card-${ch.id}`;
  const badge = h('span', { class: 'badge' });
  const model = h('p', { class: 'muted model' });
  const status = createStatus();
  const root = h('article', { class: 'card', 'aria-labelledby': titleId, 'data-channel': ch.id },
    h('div', { class: 'card-head' },
      h('h2', { id: titleId }, h('a', { class: 'cover', href: `#/channel/${ch.id}` }, ch.id)),
      badge),
    model,
    status.root);

  function update(channel, run, templates) {
    root.className = `card state-${channel.state}`;
    badge.className = `badge ${channel.state}`;
    setText(badge, stateWords(channel.state));
    setText(model, `${cellKindWords(channel.cellKind)} · ${channel.model}${channel.runId != null ? ` · run ${channel.runId}` : ''}`);
    status.update(channel, run, templates);
  }

  return { root, update, tick: status.tick };
}
