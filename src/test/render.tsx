import { act, render, type RenderOptions } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { MemoryRouter, type InitialEntry } from 'react-router';
import { AppProviders } from '../app/app-providers';
import type { AuthAdapter } from '../auth/adapter';
import type { ChallengeStore } from '../auth/challenge-storage';
import type { AppConfig } from '../config/schema';
import { createFakeAuthAdapter, createMemoryChallengeStore } from './fake-auth-adapter';
import { testConfig } from './test-config';

export interface RenderWithProvidersOptions extends Omit<RenderOptions, 'wrapper'> {
  config?: AppConfig;
  adapter?: AuthAdapter;
  challengeStore?: ChallengeStore;
  /** Where the MemoryRouter starts, e.g. `{ pathname: '/sign-in', state: { notice: 'signedOut' } }`. */
  initialEntries?: InitialEntry[];
}

/** Renders `ui` inside config, auth (a fake adapter unless given) and a MemoryRouter. */
export function renderWithProviders(ui: ReactElement, options: RenderWithProvidersOptions = {}) {
  const {
    config = testConfig,
    adapter = createFakeAuthAdapter(),
    challengeStore = createMemoryChallengeStore(),
    initialEntries = ['/'],
    ...renderOptions
  } = options;
  function Wrapper({ children }: { children: ReactNode }) {
    return (
      <MemoryRouter initialEntries={initialEntries}>
        <AppProviders config={config} adapter={adapter} challengeStore={challengeStore}>
          {children}
        </AppProviders>
      </MemoryRouter>
    );
  }
  return { adapter, challengeStore, ...render(ui, { wrapper: Wrapper, ...renderOptions }) };
}

/**
 * Lets the AuthProvider finish its start-up (the fake adapter answers the stored-session check at once),
 * so assertions that follow see a settled status and React reports no update outside act().
 */
export async function settleAuth(): Promise<void> {
  await act(async () => {});
}
