// The login screen: the token is sent once; the station answers with an HttpOnly session cookie,
// so nothing secret is kept by the page.

import { h } from './dom.js';
import { post } from './api.js';

export function mountLogin(view, onLoggedIn) {
  const input = h('input', { id: 'token', name: 'token', type: 'password', autocomplete: 'current-password',
    required: true, autocapitalize: 'off', spellcheck: 'false' });
  const error = h('p', { id: 'login-error', class: 'error-box', role: 'alert', hidden: true });
  const button = h('button', { type: 'submit' }, 'Log in');
  const form = h('form', { class: 'login panel', 'aria-labelledby': 'login-title' },
    h('h1', { id: 'login-title' }, 'Log in to the station'),
    h('div', { class: 'field' },
      h('label', { for: 'token' }, 'Access token'),
      input,
      h('p', { class: 'hint muted' }, 'It is in the station\'s data directory, file access-token, and in its log on first start.')),
    error,
    h('div', { class: 'actions' }, button));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    error.hidden = true;
    try {
      await post('/api/login', { token: input.value.trim() });
      onLoggedIn();
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
