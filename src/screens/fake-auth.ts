import { useSyncExternalStore } from 'react';
import { vi, type Mock } from 'vitest';
import type { AuthContextValue } from '../auth/auth-context';
import type { CodeDelivery } from '../auth/auth-types';

/**
 * A stand-in for the auth context in screen tests: `vi.mock('../../auth/auth-context', () => import('../fake-auth'))`.
 * Its state changes the way the real provider's does (expiring a challenge signs out with the username
 * kept, a confirmed reset ends the reset, …) so a screen sees the same sequence of renders; every action
 * is a `vi.fn` a test can inspect or re-program.
 */

type AuthState = Pick<AuthContextValue, 'status' | 'user' | 'challenge' | 'expiredChallengeUsername' | 'reset'>;
type AuthActions = Omit<AuthContextValue, keyof AuthState>;
export type FakeAuthActions = { [K in keyof AuthActions]: Mock<AuthActions[K]> };

export interface FakeAuth {
  readonly actions: FakeAuthActions;
  readonly state: AuthState;
  set(patch: Partial<AuthState>): void;
}

export const sentByEmail: CodeDelivery = { destination: 'd***@e***', medium: 'EMAIL', attributeName: 'email' };

const signedOutState: AuthState = {
  status: 'signedOut',
  user: null,
  challenge: null,
  expiredChallengeUsername: null,
  reset: null,
};

let installed: { auth: FakeAuth; subscribe(listener: () => void): () => void; snapshot(): AuthContextValue } | null = null;

export function createFakeAuth(initial: Partial<AuthState> = {}): FakeAuth {
  let state: AuthState = { ...signedOutState, ...initial };
  const listeners = new Set<() => void>();
  let value: AuthContextValue;

  const set = (patch: Partial<AuthState>) => {
    state = { ...state, ...patch };
    value = { ...state, ...actions };
    for (const listener of listeners) listener();
  };
  const signedOut: Partial<AuthState> = { status: 'signedOut', user: null, challenge: null, reset: null };

  const actions: FakeAuthActions = {
    signIn: vi.fn<AuthActions['signIn']>(async (username) => {
      set({ status: 'signedIn', user: { username, attributes: {} } });
      return { kind: 'signedIn' };
    }),
    completeNewPassword: vi.fn<AuthActions['completeNewPassword']>(async () => {
      set({ status: 'signedIn', challenge: null, user: { username: state.challenge?.username ?? '', attributes: {} } });
      return { ok: true, value: undefined };
    }),
    expireChallenge: vi.fn<AuthActions['expireChallenge']>(() => {
      if (state.challenge) set({ ...signedOut, expiredChallengeUsername: state.challenge.username });
    }),
    clearExpiredChallenge: vi.fn<AuthActions['clearExpiredChallenge']>(() => set({ expiredChallengeUsername: null })),
    abandonChallenge: vi.fn<AuthActions['abandonChallenge']>(() => set(signedOut)),
    requestPasswordReset: vi.fn<AuthActions['requestPasswordReset']>(async (username) => {
      set({ status: 'resetPending', reset: { username, reason: 'forgotten', delivery: sentByEmail } });
      return { ok: true, value: sentByEmail };
    }),
    resendResetCode: vi.fn<AuthActions['resendResetCode']>(async () => {
      if (state.reset) set({ reset: { ...state.reset, delivery: sentByEmail } });
      return { ok: true, value: sentByEmail };
    }),
    startResetFromLink: vi.fn<AuthActions['startResetFromLink']>((username) =>
      set({ status: 'resetPending', reset: { username, reason: 'forgotten', delivery: null } }),
    ),
    confirmPasswordReset: vi.fn<AuthActions['confirmPasswordReset']>(async () => {
      set(signedOut);
      return { ok: true, value: undefined };
    }),
    changePassword: vi.fn<AuthActions['changePassword']>(async () => ({ ok: true, value: undefined })),
    signOut: vi.fn<AuthActions['signOut']>(async () => set(signedOut)),
    signOutEverywhere: vi.fn<AuthActions['signOutEverywhere']>(async () => {
      set(signedOut);
      return { ok: true, value: undefined };
    }),
  };
  value = { ...state, ...actions };

  const auth: FakeAuth = {
    actions,
    get state() {
      return state;
    },
    set,
  };
  installed = {
    auth,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    snapshot: () => value,
  };
  return auth;
}

/** The mocked module's `useAuth`: the most recently created fake. */
export function useAuth(): AuthContextValue {
  if (!installed) throw new Error('createFakeAuth() must run before rendering a screen.');
  return useSyncExternalStore(installed.subscribe, installed.snapshot);
}
