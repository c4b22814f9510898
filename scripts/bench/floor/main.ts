/**
 * The floor of the benchmark: React rendering one form and nothing else (no router, no i18n, no form or
 * validation library, no config). The app's "input visible" time is compared with this page's in the same
 * run. Written without JSX so it type-checks under tsconfig.node.json with the other scripts.
 */
import { createElement as h, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

function FloorForm() {
  return h(
    'form',
    { noValidate: true, onSubmit: (event: { preventDefault(): void }) => event.preventDefault() },
    h('h1', null, 'Sign in'),
    h('label', { htmlFor: 'username' }, 'Username'),
    h('input', { id: 'username', name: 'username', autoComplete: 'username' }),
    h('label', { htmlFor: 'password' }, 'Password'),
    h('input', { id: 'password', name: 'password', type: 'password', autoComplete: 'current-password' }),
    h('button', { type: 'submit' }, 'Sign in'),
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('The floor page has no #root element.');
createRoot(container).render(h(StrictMode, null, h(FloorForm)));
