import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect, type ReactElement } from 'react';
import { Route, Routes, useLocation } from 'react-router';
import { useAuth, type AuthContextValue } from '../auth/auth-context';
import type { ChallengeStore } from '../auth/challenge-storage';
import type { AppConfig } from '../config/schema';
import { createFakeAuthAdapter, createMemoryChallengeStore, type FakeAuthAdapter } from './fake-auth-adapter';
import { renderWithProviders } from './render';
import { testConfig } from './test-config';

/** Renders the location the app ended up at, for assertions on navigation. */
function LocationProbe() {
  const location = useLocation();
  return (
    <div hidden data-testid="location" data-state={JSON.stringify(location.state ?? null)}>
      {`${location.pathname}${location.search}`}
    </div>
  );
}

function AuthProbe({ onChange }: { onChange: (auth: AuthContextValue) => void }) {
  const auth = useAuth();
  useEffect(() => onChange(auth), [auth, onChange]);
  return null;
}

export interface RenderScreenOptions {
  /** The route pattern the screen is mounted at. */
  path: string;
  /** The first URL, `path` by default; may carry a query string. */
  url?: string;
  /** Location state of the first entry (a notice, a username, `from`). */
  state?: unknown;
  /** The user pool the real AuthProvider talks to; a fresh fake (no stored session) by default. */
  adapter?: FakeAuthAdapter;
  challengeStore?: ChallengeStore;
  config?: AppConfig;
  /**
   * Brings the auth flow where the screen expects it (signed in, in a challenge, a reset pending) through
   * the provider's own actions, before the screen mounts: the screen sees what the app would show it.
   */
  arrange?: (auth: AuthContextValue) => Promise<unknown> | void;
  /** For tests on fake timers: the result of `installFakeClock()`. */
  userOptions?: Parameters<typeof userEvent.setup>[0];
}

/**
 * Mounts one screen at its path inside the router, the config and the real AuthProvider on a fake
 * adapter, once the provider's start-up and `arrange` are done. Routes other than `path` render a
 * placeholder; `currentLocation()` tells where the screen navigated to.
 */
export async function renderScreen(element: ReactElement, options: RenderScreenOptions) {
  const adapter = options.adapter ?? createFakeAuthAdapter();
  const challengeStore = options.challengeStore ?? createMemoryChallengeStore();
  const config = options.config ?? testConfig;
  const url = new URL(options.url ?? options.path, 'http://localhost');
  let latestAuth: AuthContextValue | null = null;
  const onAuthChange = (auth: AuthContextValue) => {
    latestAuth = auth;
  };
  const auth = (): AuthContextValue => {
    if (!latestAuth) throw new Error('The auth provider has not rendered.');
    return latestAuth;
  };

  const tree = (screenMounted: boolean) => (
    <>
      <AuthProbe onChange={onAuthChange} />
      {screenMounted ? (
        <Routes>
          <Route path={options.path} element={element} />
          <Route path="*" element={<p>Another screen</p>} />
        </Routes>
      ) : null}
      <LocationProbe />
    </>
  );

  const user = userEvent.setup(options.userOptions);
  // rerender() keeps the providers' wrapper, so the auth state arranged below survives mounting the screen.
  const result = renderWithProviders(tree(false), {
    config,
    adapter,
    challengeStore,
    initialEntries: [{ pathname: url.pathname, search: url.search, state: options.state }],
  });
  // The provider's start-up: the fake adapter answers the stored-session check at once.
  for (let turn = 0; turn < 10 && auth().status === 'loading'; turn++) await act(async () => {});
  if (auth().status === 'loading') throw new Error('The auth provider did not finish starting up.');
  if (options.arrange) {
    const arrange = options.arrange;
    await act(async () => {
      await arrange(auth());
    });
  }
  result.rerender(tree(true));
  return { ...result, adapter, challengeStore, auth, user };
}

/** Where the router is now: path with query, and the location state. */
export function currentLocation(): { path: string; state: Record<string, unknown> | null } {
  const probe = screen.getByTestId('location');
  return { path: probe.textContent ?? '', state: JSON.parse(probe.dataset.state ?? 'null') as Record<string, unknown> | null };
}

/** The form's single alert region. */
export function formAlert(): HTMLElement {
  return screen.getByRole('alert');
}
