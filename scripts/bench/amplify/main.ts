/**
 * What many teams pick instead of an app of their own: Amplify's Authenticator (`@aws-amplify/ui-react` with
 * `aws-amplify`), its default sign-in screen and stylesheet, in front of the same local pool. Built by
 * `npm run bench` only (scripts/bench/build.ts), with the pool baked in at build time as Amplify's own
 * configuration file would be. Written without JSX so it type-checks under tsconfig.node.json.
 */
import '@aws-amplify/ui-react/styles.css';
import { Authenticator } from '@aws-amplify/ui-react';
import { Amplify } from 'aws-amplify';
import { createElement as h, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

declare const __BENCH_POOL__: { userPoolId: string; userPoolClientId: string; endpoint: string };

Amplify.configure({
  Auth: {
    Cognito: {
      userPoolId: __BENCH_POOL__.userPoolId,
      userPoolClientId: __BENCH_POOL__.userPoolClientId,
      userPoolEndpoint: __BENCH_POOL__.endpoint,
    },
  },
});

/** The signed-in page: what the harness waits for after the sign-in click. */
function SignedIn({ user }: { user?: { username: string } }) {
  return h('main', null, h('h1', { 'data-bench-signed-in': '' }, `Signed in as ${user?.username ?? ''}`));
}

const container = document.getElementById('root');
if (!container) throw new Error('The Amplify page has no #root element.');
createRoot(container).render(
  h(StrictMode, null, h(Authenticator, { hideSignUp: true, children: ({ user }) => h(SignedIn, { user }) })),
);
