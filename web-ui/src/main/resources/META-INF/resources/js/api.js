// The one place that talks to the station's JSON API. The session cookie is HttpOnly and sent by the
// browser itself, so the page never holds the access token after login.

/** A refused request, with the station's message, the field at fault and per-line details. */
export class ApiError extends Error {
  constructor(status, body) {
    super(body?.error ?? `the station answered HTTP ${status}`);
    this.status = status;
    this.field = body?.field ?? null;
    this.details = Array.isArray(body?.details) ? body.details : [];
  }
}

let onUnauthorized = () => {};

/** Called once per 401, so the page can show the login screen from wherever the user is. */
export function setUnauthorizedHandler(handler) {
  onUnauthorized = handler;
}

/** GET (or another method with a JSON body); resolves to the parsed JSON, or null for an empty answer. */
export async function api(path, { method = 'GET', body } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, {
      method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, { error: 'the station cannot be reached; check the Wi-Fi or the station' });
  }
  if (!response.ok) {
    let parsed = null;
    try { parsed = await response.json(); } catch { /* not JSON: keep the status alone */ }
    const error = new ApiError(response.status, parsed);
    if (response.status === 401 && path !== '/api/login') onUnauthorized(error);
    throw error;
  }
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

export const post = (path, body = {}) => api(path, { method: 'POST', body });

/** The station sends instants as ISO text or epoch numbers depending on the field; this gives epoch ms. */
export function toMillis(value) {
  if (value == null) return null;
  if (typeof value === 'number') return value < 1e11 ? value * 1000 : value;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}
