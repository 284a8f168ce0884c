/** The sign-in form (staff accounts) and the page an agent account gets instead of the dashboard. */
import { h } from '../src/dom';
import { signIn, type Staff } from './api';

export function signInForm(onSignedIn: (staff: Staff) => void, message = ''): HTMLElement {
  const email = h('input', { attrs: { type: 'email', name: 'email', required: true, autocomplete: 'username', 'data-testid': 'login-email' } });
  const password = h('input', {
    attrs: { type: 'password', name: 'password', required: true, autocomplete: 'current-password', 'data-testid': 'login-password' },
  });
  const error = h('p', { class: 'error', text: message, attrs: { role: 'alert', 'data-testid': 'login-error' } });
  const submit = h('button', { text: 'Sign in', attrs: { type: 'submit', 'data-testid': 'login-submit' } });
  const form = h('form', { class: 'login', attrs: { 'data-testid': 'login-form' } }, [
    h('h1', { text: 'Review insights' }),
    h('p', { class: 'muted', text: 'Sign in with a merchandiser account.' }),
    h('label', { text: 'Email' }, [email]),
    h('label', { text: 'Password' }, [password]),
    submit,
    error,
  ]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit.disabled = true;
    error.textContent = '';
    signIn(email.value, password.value).then(onSignedIn, (failure: Error) => {
      error.textContent = failure.message;
      submit.disabled = false;
    });
  });
  return form;
}

/** Signed in, but the role may not see the dashboard (HTTP 403). */
export function refusedPanel(staff: Staff | null, onSignOut: () => void): HTMLElement {
  const button = h('button', { text: 'Sign in with another account', attrs: { type: 'button', 'data-testid': 'refused-sign-out' } });
  button.addEventListener('click', onSignOut);
  return h('div', { class: 'refused', attrs: { role: 'alert', 'data-testid': 'refused' } }, [
    h('h1', { text: 'Not available for your role' }),
    h('p', { text: `${staff ? `${staff.name} (${staff.role})` : 'This account'} cannot open the merchandiser dashboard. Agents work in the agent console.` }),
    button,
  ]);
}
