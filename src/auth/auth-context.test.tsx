/**
 * The provider only: it subscribes React to the auth controller and starts it once. What the flow does
 * is tested on the controller itself (auth-controller.test.ts).
 */
import { act, renderHook, waitFor } from '@testing-library/react';
import { StrictMode, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ConfigProvider } from '../config/config-context';
import {
  createFakeAuthAdapter,
  createMemoryChallengeStore,
  demoUser,
  newPasswordRequired,
  signedInResult,
  type FakeAuthAdapter,
} from '../test/fake-auth-adapter';
import { makeTestConfig } from '../test/test-config';
import { AuthProvider, useAuth } from './auth-context';

const START = 1_700_000_000_000;
const MINUTE = 60_000;

interface Setup {
  adapter?: FakeAuthAdapter;
  strict?: boolean;
}

function setup({ adapter = createFakeAuthAdapter(), strict = false }: Setup = {}) {
  const store = createMemoryChallengeStore();
  const clock = { now: () => START };
  const config = makeTestConfig({ challengeSessionMinutes: 3 });
  function Wrapper({ children }: { children: ReactNode }) {
    const tree = (
      <ConfigProvider config={config}>
        <AuthProvider adapter={adapter} challengeStore={store} now={clock.now}>
          {children}
        </AuthProvider>
      </ConfigProvider>
    );
    return strict ? <StrictMode>{tree}</StrictMode> : tree;
  }
  const hook = renderHook(() => useAuth(), { wrapper: Wrapper });
  return { ...hook, adapter, store, clock };
}

describe('useAuth', () => {
  it('throws outside the provider', () => {
    expect(() => renderHook(() => useAuth())).toThrow('useAuth() must be used inside <AuthProvider>.');
  });
});

describe('AuthProvider', () => {
  it("renders the controller's state: loading while the stored session is checked, then signed in", async () => {
    let answer: (value: typeof demoUser) => void = () => {};
    const adapter = createFakeAuthAdapter({ currentSession: () => new Promise((resolve) => (answer = resolve)) });
    const { result } = setup({ adapter });
    expect(result.current.state).toEqual({ status: 'loading' });
    expect(result.current.status).toBe('loading');

    await act(async () => answer(demoUser));
    expect(result.current.state).toEqual({ status: 'signedIn', user: demoUser });
    expect(result.current.status).toBe('signedIn');
  });

  it('re-renders when a command changes the state', async () => {
    const adapter = createFakeAuthAdapter({ signIn: () => Promise.resolve(newPasswordRequired(['name'])) });
    const { result } = setup({ adapter });
    await waitFor(() => expect(result.current.status).toBe('signedOut'));

    let outcome;
    await act(async () => {
      outcome = await result.current.signIn('new.user', 'Temp-Passw0rd1!');
    });
    expect(outcome).toEqual({ kind: 'challenge', name: 'NEW_PASSWORD_REQUIRED' });
    expect(result.current.status).toBe('challenge');
    expect(result.current.state).toMatchObject({
      status: 'challenge',
      challenge: { name: 'NEW_PASSWORD_REQUIRED', requiredAttributes: ['name'], username: 'new.user', expiresAt: START + 3 * MINUTE },
    });

    adapter.completeNewPassword.mockResolvedValue(signedInResult());
    await act(() => result.current.completeNewPassword('New-Passw0rd!', { name: 'New User' }));
    expect(result.current.state).toEqual({ status: 'signedIn', user: demoUser });
  });

  it('keeps the flow when the caller passes a new clock, and reads the latest one', async () => {
    const adapter = createFakeAuthAdapter({ signIn: () => Promise.resolve(newPasswordRequired(['name'])) });
    const { result, rerender, clock } = setup({ adapter });
    await waitFor(() => expect(result.current.status).toBe('signedOut'));
    await act(() => result.current.signIn('new.user', 'Temp-Passw0rd1!'));

    clock.now = () => START + 3 * MINUTE;
    rerender();
    expect(result.current.status).toBe('challenge');

    await act(() => result.current.completeNewPassword('New-Passw0rd!', { name: 'New User' }));
    expect(adapter.completeNewPassword).not.toHaveBeenCalled();
    expect(result.current.state).toEqual({
      status: 'signedOut',
      expiredChallenge: { username: 'new.user', name: 'NEW_PASSWORD_REQUIRED', passwordChanged: false },
    });
  });

  it('starts the controller once under StrictMode', async () => {
    const adapter = createFakeAuthAdapter({ currentSession: () => Promise.resolve(demoUser) });
    const { result } = setup({ adapter, strict: true });
    await waitFor(() => expect(result.current.status).toBe('signedIn'));
    expect(adapter.currentSession).toHaveBeenCalledTimes(1);
  });

  it('renders signed out in the first render when the adapter knows there is no stored session', () => {
    const adapter = Object.assign(createFakeAuthAdapter(), { hasStoredSession: () => false });
    const { result } = setup({ adapter });
    expect(result.current.state).toEqual({ status: 'signedOut', expiredChallenge: null });
    expect(adapter.currentSession).not.toHaveBeenCalled();
  });

  it('gives screens the commands, not the controller’s lifecycle', async () => {
    const { result } = setup();
    await waitFor(() => expect(result.current.status).toBe('signedOut'));
    expect(result.current).not.toHaveProperty('start');
    expect(result.current).not.toHaveProperty('subscribe');
    expect(result.current).not.toHaveProperty('getState');
    expect(typeof result.current.answerMfaCode).toBe('function');
  });
});

describe('loading the pool client on demand', () => {
  it('asks an adapter that loads on demand to preload once the user starts on a form', async () => {
    // An idle moment never comes here, so only the user's own first step can trigger the preload.
    vi.stubGlobal('requestIdleCallback', () => 1);
    vi.stubGlobal('cancelIdleCallback', () => undefined);
    const preload = vi.fn(() => Promise.resolve());
    const adapter = Object.assign(createFakeAuthAdapter(), { preload });
    const { result, unmount } = setup({ adapter });
    await waitFor(() => expect(result.current.status).toBe('signedOut'));
    const input = document.body.appendChild(document.createElement('input'));
    try {
      expect(preload).not.toHaveBeenCalled();
      input.focus();
      expect(preload).toHaveBeenCalledOnce();
    } finally {
      input.remove();
      unmount();
      vi.unstubAllGlobals();
    }
  });
});
