// The login screen: a token is sent once — the operator's, or the viewer's for a read-only view —
// and the station answers with an HttpOnly session cookie, so nothing secret is kept by the page.

import { h } from './dom.js';
import { post } from './api.js';

/** Calls onLoggedIn with the role the token gave: 'operator' or 'viewer'. */
export function mountLogin(view, onLoggedIn) {
  const input = h('input', { id: 'token', name: 'token', type: 'password', autocomplete: 'current-password',
    required: true, autocapitalize: 'off', spellcheck: 'false' });
  const error = h('p', { id: 'login-error', class: 'error-box', role: 'alert', hidden: true });
  const button = h('button', { type: 'submit' }, 'Log in');
  const form = h('form', { class: 'login panel', 'aria-labelledby': 'login-title' },
    h('h1', { id: 'login-title' }, 'Log in to the station'),
    h('div', { class: 'field' },
      h('label', { for: 'token' }, 'Token'),
      input,
      h('p', { class: 'hint muted' }, 'The operator\'s token (file access-token) controls the station; the viewer\'s '
        + '(file viewer-token) only shows it. Both are in the station\'s data directory and in its log on first start.')),
    error,
    h('div', { class: 'actions' }, button));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    error.hidden = true;
    try {
      const session = await post('/api/login', { token: input.value.trim() });
      onLoggedIn(session?.role);
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      button.disabled = false;
      input.focus();
    }
  });
  view.replaceChildren(form);
  input.focus();
  return () => {};
}
