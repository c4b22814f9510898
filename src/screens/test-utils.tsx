import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { ConfigProvider } from '../config/config-context';
import { AppConfigSchema, type AppConfig } from '../config/schema';
import '../ui/test-i18n';
import { createFakeAuth, type FakeAuth } from './fake-auth';

export const testConfig: AppConfig = AppConfigSchema.parse({
  region: 'us-east-1',
  userPoolId: 'us-east-1_LocalDemo',
  userPoolClientId: 'localdemoappclient00000001',
  endpoint: 'http://127.0.0.1:9229',
  challengeSessionMinutes: 3,
  challengeWarningSeconds: 60,
  productName: 'Test Accounts',
});

/**
 * Fake timers for a screen test, with the clock at `now`. Testing Library only recognises fake timers
 * when a global `jest` exists (it then advances them itself while it waits); without it, every
 * user-event call under vitest's fake timers would wait forever for a timer nobody advances.
 * Undo with `vi.useRealTimers()` and `vi.unstubAllGlobals()`.
 */
export function installFakeClock(now: number) {
  vi.useFakeTimers({ now });
  vi.stubGlobal('jest', { advanceTimersByTime: (ms: number) => vi.advanceTimersByTime(ms) });
  return { advanceTimers: (ms: number) => vi.advanceTimersByTime(ms) };
}

/** Renders the location the app ended up at, for assertions on navigation. */
function LocationProbe() {
  const location = useLocation();
  return (
    <div hidden data-testid="location" data-state={JSON.stringify(location.state ?? null)}>
      {`${location.pathname}${location.search}`}
    </div>
  );
}

export interface RenderScreenOptions {
  /** The route pattern the screen is mounted at. */
  path: string;
  /** The first URL, `path` by default; may carry a query string. */
  url?: string;
  /** Location state of the first entry (a notice, a username, `from`). */
  state?: unknown;
  auth?: FakeAuth;
  config?: AppConfig;
  /** For tests on fake timers: `{ advanceTimers: vi.advanceTimersByTime }`. */
  userOptions?: Parameters<typeof userEvent.setup>[0];
}

/** Mounts one screen at its path inside the router and config, with a fake auth context. */
export function renderScreen(element: ReactElement, options: RenderScreenOptions) {
  const auth = options.auth ?? createFakeAuth();
  const url = new URL(options.url ?? options.path, 'http://localhost');
  const user = userEvent.setup(options.userOptions);
  const result = render(
    <ConfigProvider config={options.config ?? testConfig}>
      <MemoryRouter initialEntries={[{ pathname: url.pathname, search: url.search, state: options.state }]}>
        <Routes>
          <Route path={options.path} element={element} />
          <Route path="*" element={<p>Another screen</p>} />
        </Routes>
        <LocationProbe />
      </MemoryRouter>
    </ConfigProvider>,
  );
  return { ...result, auth, user };
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
