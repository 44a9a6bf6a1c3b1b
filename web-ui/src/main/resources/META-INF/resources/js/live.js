// Keeps the store current: Server-Sent Events from /api/stream when the station and the network
// allow it, polling GET /api/channels every few seconds when they do not (a proxy that buffers
// streams, a phone that dropped the connection). The stream reconnects by itself; while it is
// down, polling carries on. The station sends a heartbeat every few seconds; a stream silent for three
// of them is dead (a phone that changed networks, a NAT that forgot it) and is opened anew.

import * as store from './store.js';

const EVENT_TYPES = ['sample', 'step', 'prompt', 'state', 'alarm', 'disk'];
const POLL_EVERY_MS = 5000;
const REOPEN_AFTER_MS = 10000;
// Even with the stream up, a slow refresh corrects anything missed while a phone slept.
const RESYNC_EVERY_MS = 60000;
const HEARTBEATS_MISSED_BEFORE_REOPEN = 3;
const CHECK_HEARTBEAT_EVERY_MS = 5000;

/** Starts following the station; `onMode('live'|'polling'|'offline')` reports how. Returns a stop function. */
export function startLive(onMode) {
  let source = null;
  let pollTimer = null;
  let reopenTimer = null;
  let stopped = false;
  let lastHeardAt = Date.now();
  let heartbeatEveryMs = 30000;
  const resyncTimer = setInterval(() => store.refresh().catch(() => {}), RESYNC_EVERY_MS);
  const heartbeatTimer = setInterval(() => {
    const silentFor = Date.now() - lastHeardAt;
    if (source?.readyState === EventSource.OPEN && silentFor > HEARTBEATS_MISSED_BEFORE_REOPEN * heartbeatEveryMs) {
      source.close();
      startPolling();
      open();
    }
  }, CHECK_HEARTBEAT_EVERY_MS);

  const poll = async () => {
    try {
      await store.refresh();
      onMode(source?.readyState === EventSource.OPEN ? 'live' : 'polling');
    } catch (e) {
      onMode(e.status === 401 ? 'polling' : 'offline');
    }
  };

  const startPolling = () => {
    if (pollTimer || stopped) return;
    pollTimer = setInterval(poll, POLL_EVERY_MS);
    poll();
  };

  const stopPolling = () => {
    clearInterval(pollTimer);
    pollTimer = null;
  };

  const open = () => {
    if (stopped) return;
    if (typeof EventSource === 'undefined') {
      startPolling();
      return;
    }
    source = new EventSource('/api/stream');
    lastHeardAt = Date.now();
    source.addEventListener('heartbeat', (event) => {
      lastHeardAt = Date.now();
      const every = JSON.parse(event.data).everyMs;
      if (Number.isFinite(every) && every > 0) heartbeatEveryMs = every;
    });
    for (const type of EVENT_TYPES) {
      source.addEventListener(type, (event) => {
        lastHeardAt = Date.now();
        try {
          store.apply(type, JSON.parse(event.data));
        } catch (e) {
          console.warn('could not apply a live event', type, e);
        }
      });
    }
    source.onopen = () => {
      lastHeardAt = Date.now();
      stopPolling();
      onMode('live');
      // What happened while the stream was down is not replayed: read it once.
      store.refresh().catch(() => {});
    };
    source.onerror = () => {
      startPolling();
      if (source.readyState === EventSource.CLOSED) {
        // The browser gave up (e.g. a 401 or a proxy's error page): try again later ourselves.
        clearTimeout(reopenTimer);
        reopenTimer = setTimeout(open, REOPEN_AFTER_MS);
      }
    };
  };

  open();
  return () => {
    stopped = true;
    source?.close();
    stopPolling();
    clearTimeout(reopenTimer);
    clearInterval(resyncTimer);
    clearInterval(heartbeatTimer);
  };
}
