import { vi, type Mock } from 'vitest';
import {
  AuthFailureError,
  type AdapterChallenge,
  type AdapterSignInResult,
  type AdapterStepResult,
  type AuthAdapter,
  type ChallengeHandle,
} from '../auth/adapter';
import type { CodeDelivery, SignedInUser } from '../auth/auth-types';
import { createChallengeStore, type ChallengeStore } from '../auth/challenge-storage';

type Mocked<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? Mock<(...args: A) => R> : T[K] };
export type FakeAuthAdapter = Mocked<AuthAdapter>;

export const demoUser: SignedInUser = {
  username: 'demo.user',
  attributes: { sub: '00000000-0000-4000-8000-000000000001', email: 'demo.user@example.com', email_verified: 'true', name: 'Demo User' },
};

export function fakeChallengeHandle(username = 'new.user', session = 'AYABe-test-session'): ChallengeHandle {
  return { username, session };
}

/**
 * adapter.signIn's answer for a temporary password (NEW_PASSWORD_REQUIRED): Cognito lists `email`, which
 * the user already has, with the attributes still missing.
 */
export function newPasswordRequired(missingAttributes: string[] = ['name']): AdapterSignInResult {
  return {
    kind: 'challenge',
    handle: fakeChallengeHandle(),
    challenge: {
      name: 'NEW_PASSWORD_REQUIRED',
      userAttributes: { email: 'new.user@example.com', email_verified: 'true' },
      requiredAttributes: ['email', ...missingAttributes],
    },
  };
}

/** adapter's answer when Cognito asks for a second factor (or its set-up) next. */
export function challengeResult(challenge: AdapterChallenge, session = 'AYABe-next-session'): AdapterStepResult {
  return { kind: 'challenge', handle: fakeChallengeHandle('new.user', session), challenge };
}

/** adapter's answer once signed in. */
export function signedInResult(user: SignedInUser = demoUser): AdapterStepResult {
  return { kind: 'signedIn', user };
}

/** Where Cognito says a code went, masked as it does. */
export const sentByEmail: CodeDelivery = { destination: 'd***@e***', medium: 'EMAIL', attributeName: 'email' };

/** A Cognito-shaped failure, as the adapter rejects with. */
export function cognitoFailure(code: string, message = ''): AuthFailureError {
  return new AuthFailureError(code, message);
}

/** Cognito's answer to ForgotPassword for an account with no verified email or phone (docs/cognito-behaviour.md §5). */
export function noVerifiedContactFailure(): AuthFailureError {
  return cognitoFailure(
    'InvalidParameterException',
    'Cannot reset password for the user as there is no registered/verified email or phone_number',
  );
}

/**
 * An adapter whose every method is a vi.fn(): no stored session, and any other call fails loudly unless
 * the test sets an answer (`adapter.signIn.mockResolvedValue(...)`).
 */
export function createFakeAuthAdapter(overrides: Partial<AuthAdapter> = {}): FakeAuthAdapter {
  const unexpected = (name: string) => () => Promise.reject(new Error(`unexpected call to adapter.${name}()`));
  const adapter: FakeAuthAdapter = {
    signIn: vi.fn(unexpected('signIn')),
    completeNewPassword: vi.fn(unexpected('completeNewPassword')),
    answerMfaCode: vi.fn(unexpected('answerMfaCode')),
    chooseMfaMethod: vi.fn(unexpected('chooseMfaMethod')),
    associateAuthenticator: vi.fn(unexpected('associateAuthenticator')),
    verifyAuthenticator: vi.fn(unexpected('verifyAuthenticator')),
    resumeChallenge: vi.fn((saved: { username: string; session: string }) => fakeChallengeHandle(saved.username, saved.session)),
    forgotPassword: vi.fn(unexpected('forgotPassword')),
    confirmForgotPassword: vi.fn(unexpected('confirmForgotPassword')),
    currentSession: vi.fn(() => Promise.resolve(null)),
    changePassword: vi.fn(unexpected('changePassword')),
    getAccountDetails: vi.fn(unexpected('getAccountDetails')),
    setMfaPreference: vi.fn(unexpected('setMfaPreference')),
    startAuthenticatorSetup: vi.fn(unexpected('startAuthenticatorSetup')),
    confirmAuthenticatorSetup: vi.fn(unexpected('confirmAuthenticatorSetup')),
    sendAttributeVerificationCode: vi.fn(unexpected('sendAttributeVerificationCode')),
    verifyAttribute: vi.fn(unexpected('verifyAttribute')),
    signOut: vi.fn(() => Promise.resolve()),
    globalSignOut: vi.fn(unexpected('globalSignOut')),
  };
  for (const [name, implementation] of Object.entries(overrides)) {
    (adapter[name as keyof AuthAdapter] as Mock).mockImplementation(implementation as (...args: unknown[]) => unknown);
  }
  return adapter;
}

/** A Storage in memory, for the challenge store (and anything else that wants one). */
export function createMemoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

export function createMemoryChallengeStore(): ChallengeStore & { storage: Storage } {
  const storage = createMemoryStorage();
  return { ...createChallengeStore(storage), storage };
}
