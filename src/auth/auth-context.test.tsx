import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ConfigProvider } from '../config/config-context';
import {
  cognitoFailure,
  createFakeAuthAdapter,
  createMemoryChallengeStore,
  demoUser,
  fakeChallengeHandle,
  noVerifiedContactFailure,
  type FakeAuthAdapter,
} from '../test/fake-auth-adapter';
import { makeTestConfig } from '../test/test-config';
import type { AuthAdapter } from './adapter';
import { AuthProvider, useAuth } from './auth-context';
import { CHALLENGE_STORAGE_KEY, type ChallengeStore } from './challenge-storage';

const START = 1_700_000_000_000;
const delivery = { destination: 'd***@e***', medium: 'EMAIL', attributeName: 'email' } as const;

interface Setup {
  adapter?: FakeAuthAdapter;
  store?: ReturnType<typeof createMemoryChallengeStore>;
  minutes?: number;
}

function setup({ adapter = createFakeAuthAdapter(), store = createMemoryChallengeStore(), minutes = 3 }: Setup = {}) {
  const clock = { now: START };
  const config = makeTestConfig({ challengeSessionMinutes: minutes });
  function Wrapper({ children }: { children: ReactNode }) {
    return (
      <ConfigProvider config={config}>
        <AuthProvider adapter={adapter as AuthAdapter} challengeStore={store as ChallengeStore} now={() => clock.now}>
          {children}
        </AuthProvider>
      </ConfigProvider>
    );
  }
  const hook = renderHook(() => useAuth(), { wrapper: Wrapper });
  return { ...hook, adapter, store, clock };
}

async function setupSignedOut(options: Setup = {}) {
  const result = setup(options);
  await waitFor(() => expect(result.result.current.status).toBe('signedOut'));
  return result;
}

async function setupInChallenge(options: Setup = {}) {
  const adapter = options.adapter ?? createFakeAuthAdapter();
  adapter.signIn.mockResolvedValue({
    kind: 'newPasswordRequired',
    handle: fakeChallengeHandle('new.user', 'session-1'),
    userAttributes: { email: 'new.user@example.com', email_verified: 'true' },
    requiredAttributes: ['email', 'name', 'custom:department'],
  });
  const result = await setupSignedOut({ ...options, adapter });
  await act(() => result.result.current.signIn('new.user', 'Temp-Passw0rd1!'));
  return result;
}

async function setupSignedIn(options: Setup = {}) {
  const adapter = options.adapter ?? createFakeAuthAdapter();
  adapter.currentSession.mockResolvedValue(demoUser);
  const result = setup({ ...options, adapter });
  await waitFor(() => expect(result.result.current.status).toBe('signedIn'));
  return result;
}

async function setupResetPending(options: Setup = {}) {
  const adapter = options.adapter ?? createFakeAuthAdapter();
  adapter.forgotPassword.mockResolvedValue(delivery);
  const result = await setupSignedOut({ ...options, adapter });
  await act(() => result.result.current.requestPasswordReset('demo.user'));
  return result;
}

describe('useAuth', () => {
  it('throws outside the provider', () => {
    expect(() => renderHook(() => useAuth())).toThrow('useAuth() must be used inside <AuthProvider>.');
  });
});

describe('AuthProvider start-up', () => {
  it('is loading while the stored session is checked, then signed out when there is none', async () => {
    let answer: (value: null) => void = () => {};
    const adapter = createFakeAuthAdapter({ currentSession: () => new Promise((resolve) => (answer = resolve)) });
    const { result } = setup({ adapter });
    expect(result.current.status).toBe('loading');
    expect(result.current.user).toBeNull();
    await act(async () => answer(null));
    expect(result.current.status).toBe('signedOut');
    expect(result.current.expiredChallengeUsername).toBeNull();
  });

  it('restores a stored session', async () => {
    const { result, adapter } = await setupSignedIn();
    expect(result.current.user).toEqual(demoUser);
    expect(adapter.currentSession).toHaveBeenCalledTimes(1);
  });

  it('starts signed out when the pool cannot be reached', async () => {
    const adapter = createFakeAuthAdapter({ currentSession: () => Promise.reject(cognitoFailure('NetworkError')) });
    const { result } = await setupSignedOut({ adapter });
    expect(result.current.user).toBeNull();
  });

  it('resumes a challenge saved before a reload while it is still alive', async () => {
    const store = createMemoryChallengeStore();
    store.save({ username: 'new.user', session: 'session-1', expiresAt: START + 60_000, requiredAttributes: ['name'] });
    const { result, adapter } = setup({ store });
    await waitFor(() => expect(result.current.status).toBe('challenge'));
    expect(result.current.challenge).toEqual({ username: 'new.user', expiresAt: START + 60_000, requiredAttributes: ['name'] });
    expect(adapter.resumeChallenge).toHaveBeenCalledWith({ username: 'new.user', session: 'session-1' });
  });

  it('resumes with the name Cognito bound the Session to, showing the name the user typed', async () => {
    const store = createMemoryChallengeStore();
    store.save({
      username: 'new.user@example.com',
      sessionUsername: 'new.user',
      session: 'session-1',
      expiresAt: START + 60_000,
      requiredAttributes: [],
    });
    const { result, adapter } = setup({ store });
    await waitFor(() => expect(result.current.status).toBe('challenge'));
    expect(result.current.challenge?.username).toBe('new.user@example.com');
    expect(adapter.resumeChallenge).toHaveBeenCalledWith({ username: 'new.user', session: 'session-1' });
  });

  it('drops a saved challenge that ran out, keeping its username for sign-in', async () => {
    const store = createMemoryChallengeStore();
    store.save({ username: 'new.user', session: 'session-1', expiresAt: START, requiredAttributes: [] });
    const { result, adapter } = await setupSignedOut({ store });
    expect(result.current.expiredChallengeUsername).toBe('new.user');
    expect(store.read()).toBeNull();
    expect(adapter.resumeChallenge).not.toHaveBeenCalled();
  });

  it('prefers a stored session over a saved challenge, and drops the challenge', async () => {
    const store = createMemoryChallengeStore();
    store.save({ username: 'new.user', session: 'session-1', expiresAt: START + 60_000, requiredAttributes: [] });
    const { result } = await setupSignedIn({ store });
    expect(result.current.challenge).toBeNull();
    expect(store.read()).toBeNull();
  });
});

describe('signIn', () => {
  it('signs in', async () => {
    const adapter = createFakeAuthAdapter({ signIn: () => Promise.resolve({ kind: 'signedIn', user: demoUser }) });
    const { result } = await setupSignedOut({ adapter });
    let outcome;
    await act(async () => {
      outcome = await result.current.signIn('  demo.user ', 'Demo-Passw0rd!');
    });
    expect(outcome).toEqual({ kind: 'signedIn' });
    expect(adapter.signIn).toHaveBeenCalledWith('demo.user', 'Demo-Passw0rd!');
    expect(result.current.status).toBe('signedIn');
    expect(result.current.user).toEqual(demoUser);
  });

  it('starts a challenge timed from its arrival, asking only for attributes Cognito will accept', async () => {
    const { result, store } = await setupInChallenge({ minutes: 5 });
    expect(result.current.status).toBe('challenge');
    expect(result.current.challenge).toEqual({
      username: 'new.user',
      expiresAt: START + 5 * 60_000,
      requiredAttributes: ['name', 'custom:department'],
    });
    expect(store.read()).toEqual({
      username: 'new.user',
      session: 'session-1',
      expiresAt: START + 5 * 60_000,
      requiredAttributes: ['name', 'custom:department'],
    });
  });

  it('shows the username as typed while saving the name Cognito knows the Session by', async () => {
    const adapter = createFakeAuthAdapter({
      signIn: () =>
        Promise.resolve({
          kind: 'newPasswordRequired',
          handle: fakeChallengeHandle('new.user', 'session-1'),
          userAttributes: {},
          requiredAttributes: [],
        }),
    });
    const { result, store } = await setupSignedOut({ adapter });
    await act(() => result.current.signIn('new.user@example.com', 'Temp-Passw0rd1!'));
    expect(result.current.challenge?.username).toBe('new.user@example.com');
    expect(store.read()).toMatchObject({ username: 'new.user@example.com', sessionUsername: 'new.user' });
  });

  it('never saves the password with the challenge', async () => {
    const { store } = await setupInChallenge();
    expect(store.storage.getItem(CHALLENGE_STORAGE_KEY)).not.toContain('Temp-Passw0rd1!');
  });

  it('answers an administrator reset with a pending reset', async () => {
    const adapter = createFakeAuthAdapter({ signIn: () => Promise.resolve({ kind: 'passwordResetRequired' }) });
    const { result } = await setupSignedOut({ adapter });
    let outcome;
    await act(async () => {
      outcome = await result.current.signIn('reset.user', 'Old-Passw0rd1!');
    });
    expect(outcome).toEqual({ kind: 'passwordResetRequired', delivery: null });
    expect(result.current.status).toBe('resetPending');
    expect(result.current.reset).toEqual({ username: 'reset.user', reason: 'adminReset', delivery: null });
  });

  it('fails clearly on a challenge the app does not handle', async () => {
    const adapter = createFakeAuthAdapter({
      signIn: () => Promise.resolve({ kind: 'unsupportedChallenge', name: 'SOFTWARE_TOKEN_MFA' }),
    });
    const { result } = await setupSignedOut({ adapter });
    let outcome;
    await act(async () => {
      outcome = await result.current.signIn('mfa.user', 'Demo-Passw0rd!');
    });
    expect(outcome).toEqual({
      kind: 'failed',
      error: { kind: 'form', messageKey: 'errors.unsupportedChallenge', values: { challenge: 'SOFTWARE_TOKEN_MFA' } },
    });
    expect(result.current.status).toBe('signedOut');
  });

  it('maps a failure through the error table', async () => {
    const adapter = createFakeAuthAdapter({
      signIn: () => Promise.reject(cognitoFailure('NotAuthorizedException', 'Incorrect username or password.')),
    });
    const { result } = await setupSignedOut({ adapter });
    let outcome;
    await act(async () => {
      outcome = await result.current.signIn('demo.user', 'wrong');
    });
    expect(outcome).toEqual({
      kind: 'failed',
      error: { kind: 'form', messageKey: 'errors.wrongCredentials', field: 'password' },
    });
    expect(result.current.status).toBe('signedOut');
  });

  it('maps anything else thrown to an error, never a rejection', async () => {
    const adapter = createFakeAuthAdapter({ signIn: () => Promise.reject(new TypeError('Failed to fetch')) });
    const { result } = await setupSignedOut({ adapter });
    let outcome;
    await act(async () => {
      outcome = await result.current.signIn('demo.user', 'x');
    });
    expect(outcome).toEqual({ kind: 'failed', error: { kind: 'form', messageKey: 'errors.network', retryable: true } });
  });
});

describe('completeNewPassword', () => {
  it('sends only the requested attributes, then signs in and forgets the challenge', async () => {
    const { result, adapter, store } = await setupInChallenge();
    adapter.completeNewPassword.mockResolvedValue({ kind: 'signedIn', user: { username: 'new.user', attributes: {} } });
    let outcome;
    await act(async () => {
      outcome = await result.current.completeNewPassword('New-Passw0rd!', {
        name: 'New User',
        'custom:department': 'Sales',
        email: 'changed@example.com',
        email_verified: 'true',
        phone_number_verified: 'true',
        sub: 'x',
      });
    });
    expect(outcome).toEqual({ ok: true, value: undefined });
    expect(adapter.completeNewPassword).toHaveBeenCalledWith(
      fakeChallengeHandle('new.user', 'session-1'),
      'New-Passw0rd!',
      { name: 'New User', 'custom:department': 'Sales' },
    );
    expect(result.current.status).toBe('signedIn');
    expect(result.current.challenge).toBeNull();
    expect(store.read()).toBeNull();
  });

  it('keeps the challenge on a weak password, with the error on the new-password field', async () => {
    const { result, adapter, store } = await setupInChallenge();
    adapter.completeNewPassword.mockRejectedValue(
      cognitoFailure('InvalidPasswordException', 'Password does not conform to policy: Password must have symbol characters'),
    );
    let outcome;
    await act(async () => {
      outcome = await result.current.completeNewPassword('NoSymbol1', { name: 'New User' });
    });
    expect(outcome).toEqual({
      ok: false,
      error: { kind: 'field', field: 'newPassword', messageKey: 'errors.passwordPolicy.symbol' },
    });
    expect(result.current.status).toBe('challenge');
    expect(store.read()).not.toBeNull();
  });

  it("treats Cognito's expired session like the countdown reaching zero", async () => {
    const { result, adapter, store } = await setupInChallenge();
    adapter.completeNewPassword.mockRejectedValue(
      cognitoFailure('NotAuthorizedException', 'Invalid session for the user, session is expired.'),
    );
    let outcome;
    await act(async () => {
      outcome = await result.current.completeNewPassword('New-Passw0rd!', { name: 'New User' });
    });
    expect(outcome).toEqual({ ok: false, error: { kind: 'sessionExpired', messageKey: 'errors.challengeExpired' } });
    expect(result.current.status).toBe('signedOut');
    expect(result.current.challenge).toBeNull();
    expect(result.current.expiredChallengeUsername).toBe('new.user');
    expect(store.read()).toBeNull();
  });

  it('does not call Cognito once the challenge is past its time', async () => {
    const { result, adapter, clock } = await setupInChallenge();
    clock.now = START + 3 * 60_000;
    let outcome;
    await act(async () => {
      outcome = await result.current.completeNewPassword('New-Passw0rd!', { name: 'New User' });
    });
    expect(outcome).toEqual({ ok: false, error: { kind: 'sessionExpired', messageKey: 'errors.challengeExpired' } });
    expect(adapter.completeNewPassword).not.toHaveBeenCalled();
    expect(result.current.expiredChallengeUsername).toBe('new.user');
  });

  it('starts over from sign-in when Cognito then asks for a step the app does not handle', async () => {
    const { result, adapter } = await setupInChallenge();
    adapter.completeNewPassword.mockResolvedValue({ kind: 'unsupportedChallenge', name: 'MFA_SETUP' });
    let outcome;
    await act(async () => {
      outcome = await result.current.completeNewPassword('New-Passw0rd!', { name: 'New User' });
    });
    expect(outcome).toEqual({
      ok: false,
      error: { kind: 'form', messageKey: 'errors.unsupportedChallenge', values: { challenge: 'MFA_SETUP' } },
    });
    expect(result.current.status).toBe('signedOut');
  });
});

describe('challenge expiry and abandon', () => {
  it('expireChallenge clears the challenge and remembers the username', async () => {
    const { result, store } = await setupInChallenge();
    act(() => result.current.expireChallenge());
    expect(result.current.status).toBe('signedOut');
    expect(result.current.expiredChallengeUsername).toBe('new.user');
    expect(store.read()).toBeNull();
  });

  it('clearExpiredChallenge forgets the username', async () => {
    const { result } = await setupInChallenge();
    act(() => result.current.expireChallenge());
    act(() => result.current.clearExpiredChallenge());
    expect(result.current.expiredChallengeUsername).toBeNull();
  });

  it('abandonChallenge goes back to signed out without an expiry notice', async () => {
    const { result, store } = await setupInChallenge();
    act(() => result.current.abandonChallenge());
    expect(result.current.status).toBe('signedOut');
    expect(result.current.expiredChallengeUsername).toBeNull();
    expect(store.read()).toBeNull();
  });
});

describe('password reset', () => {
  it('requestPasswordReset records where the code went', async () => {
    const { result, adapter } = await setupResetPending();
    expect(adapter.forgotPassword).toHaveBeenCalledWith('demo.user');
    expect(result.current.status).toBe('resetPending');
    expect(result.current.reset).toEqual({ username: 'demo.user', reason: 'forgotten', delivery });
  });

  it('requestPasswordReset reports an account with no verified contact', async () => {
    const adapter = createFakeAuthAdapter({
      forgotPassword: () => Promise.reject(noVerifiedContactFailure()),
    });
    const { result } = await setupSignedOut({ adapter });
    let outcome;
    await act(async () => {
      outcome = await result.current.requestPasswordReset('no.contact');
    });
    expect(outcome).toEqual({ ok: false, error: { kind: 'form', messageKey: 'errors.noVerifiedContact' } });
    expect(result.current.status).toBe('signedOut');
  });

  it('resendResetCode asks again for the same user and updates the delivery', async () => {
    const { result, adapter } = await setupResetPending();
    const sms = { destination: '+*******0123', medium: 'SMS', attributeName: 'phone_number' } as const;
    adapter.forgotPassword.mockResolvedValue(sms);
    let outcome;
    await act(async () => {
      outcome = await result.current.resendResetCode();
    });
    expect(outcome).toEqual({ ok: true, value: sms });
    expect(adapter.forgotPassword).toHaveBeenLastCalledWith('demo.user');
    expect(result.current.reset?.delivery).toEqual(sms);
  });

  it('resendResetCode works for an administrator reset too', async () => {
    const adapter = createFakeAuthAdapter({
      signIn: () => Promise.resolve({ kind: 'passwordResetRequired' }),
      forgotPassword: () => Promise.resolve(delivery),
    });
    const { result } = await setupSignedOut({ adapter });
    await act(() => result.current.signIn('reset.user', 'Old-Passw0rd1!'));
    await act(() => result.current.resendResetCode());
    expect(adapter.forgotPassword).toHaveBeenCalledWith('reset.user');
    expect(result.current.reset).toEqual({ username: 'reset.user', reason: 'adminReset', delivery });
  });

  it('resendResetCode without a pending reset says to start again', async () => {
    const { result, adapter } = await setupSignedOut();
    let outcome;
    await act(async () => {
      outcome = await result.current.resendResetCode();
    });
    expect(outcome).toEqual({ ok: false, error: { kind: 'form', messageKey: 'errors.noPendingReset' } });
    expect(adapter.forgotPassword).not.toHaveBeenCalled();
  });

  it('startResetFromLink starts a reset with no known delivery', async () => {
    const { result } = await setupSignedOut();
    act(() => result.current.startResetFromLink('demo.user'));
    expect(result.current.reset).toEqual({ username: 'demo.user', reason: 'forgotten', delivery: null });
  });

  it('confirmPasswordReset sets the password for the pending user and ends the reset', async () => {
    const { result, adapter } = await setupResetPending();
    adapter.confirmForgotPassword.mockResolvedValue(undefined);
    let outcome;
    await act(async () => {
      outcome = await result.current.confirmPasswordReset(' 123456 ', 'New-Passw0rd!');
    });
    expect(outcome).toEqual({ ok: true, value: undefined });
    expect(adapter.confirmForgotPassword).toHaveBeenCalledWith('demo.user', '123456', 'New-Passw0rd!');
    expect(result.current.status).toBe('signedOut');
    expect(result.current.reset).toBeNull();
  });

  it('confirmPasswordReset puts a wrong code on the code field and keeps the reset', async () => {
    const { result, adapter } = await setupResetPending();
    adapter.confirmForgotPassword.mockRejectedValue(
      cognitoFailure('CodeMismatchException', 'Invalid verification code provided, please try again.'),
    );
    let outcome;
    await act(async () => {
      outcome = await result.current.confirmPasswordReset('000000', 'New-Passw0rd!');
    });
    expect(outcome).toEqual({ ok: false, error: { kind: 'field', field: 'code', messageKey: 'errors.codeMismatch' } });
    expect(result.current.status).toBe('resetPending');
  });

  it('confirmPasswordReset without a pending reset says to start again', async () => {
    const { result, adapter } = await setupSignedOut();
    let outcome;
    await act(async () => {
      outcome = await result.current.confirmPasswordReset('123456', 'New-Passw0rd!');
    });
    expect(outcome).toEqual({ ok: false, error: { kind: 'form', messageKey: 'errors.noPendingReset' } });
    expect(adapter.confirmForgotPassword).not.toHaveBeenCalled();
  });
});

describe('signed-in operations', () => {
  it('changePassword succeeds and stays signed in', async () => {
    const { result, adapter } = await setupSignedIn();
    adapter.changePassword.mockResolvedValue(undefined);
    let outcome;
    await act(async () => {
      outcome = await result.current.changePassword('Demo-Passw0rd!', 'New-Passw0rd!');
    });
    expect(outcome).toEqual({ ok: true, value: undefined });
    expect(adapter.changePassword).toHaveBeenCalledWith('Demo-Passw0rd!', 'New-Passw0rd!');
    expect(result.current.status).toBe('signedIn');
  });

  it('changePassword puts a wrong current password on its field', async () => {
    const { result, adapter } = await setupSignedIn();
    adapter.changePassword.mockRejectedValue(cognitoFailure('NotAuthorizedException', 'Incorrect username or password.'));
    let outcome;
    await act(async () => {
      outcome = await result.current.changePassword('wrong', 'New-Passw0rd!');
    });
    expect(outcome).toEqual({
      ok: false,
      error: { kind: 'field', field: 'currentPassword', messageKey: 'errors.currentPasswordWrong' },
    });
    expect(result.current.status).toBe('signedIn');
  });

  it('changePassword on a revoked session signs out here too', async () => {
    const { result, adapter } = await setupSignedIn();
    adapter.changePassword.mockRejectedValue(cognitoFailure('NotAuthorizedException', 'Access Token has been revoked'));
    let outcome;
    await act(async () => {
      outcome = await result.current.changePassword('Demo-Passw0rd!', 'New-Passw0rd!');
    });
    expect(outcome).toEqual({ ok: false, error: { kind: 'sessionExpired', messageKey: 'errors.sessionEnded' } });
    expect(adapter.signOut).toHaveBeenCalled();
    expect(result.current.status).toBe('signedOut');
  });

  it('signOut forgets the session', async () => {
    const { result, adapter } = await setupSignedIn();
    await act(() => result.current.signOut());
    expect(adapter.signOut).toHaveBeenCalledTimes(1);
    expect(result.current.status).toBe('signedOut');
    expect(result.current.user).toBeNull();
  });

  it('signOutEverywhere signs out after the global sign-out', async () => {
    const { result, adapter } = await setupSignedIn();
    adapter.globalSignOut.mockResolvedValue(undefined);
    let outcome;
    await act(async () => {
      outcome = await result.current.signOutEverywhere();
    });
    expect(outcome).toEqual({ ok: true, value: undefined });
    expect(result.current.status).toBe('signedOut');
  });

  it('signOutEverywhere stays signed in when the pool cannot be reached', async () => {
    const { result, adapter } = await setupSignedIn();
    adapter.globalSignOut.mockRejectedValue(cognitoFailure('NetworkError', 'Network error'));
    let outcome;
    await act(async () => {
      outcome = await result.current.signOutEverywhere();
    });
    expect(outcome).toEqual({ ok: false, error: { kind: 'form', messageKey: 'errors.network', retryable: true } });
    expect(result.current.status).toBe('signedIn');
    expect(adapter.signOut).not.toHaveBeenCalled();
  });
});

describe('loading the pool client on demand', () => {
  it('asks an adapter that loads on demand to preload once the user starts on a form', async () => {
    // An idle moment never comes here, so only the user's own first step can trigger the preload.
    vi.stubGlobal('requestIdleCallback', () => 1);
    vi.stubGlobal('cancelIdleCallback', () => undefined);
    const preload = vi.fn(() => Promise.resolve());
    const adapter = createFakeAuthAdapter();
    const { unmount } = await setupSignedOut({ adapter: Object.assign(adapter, { preload }) });
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

describe('start-up when nothing is stored', () => {
  it('starts signed out in the first render when the adapter knows there is no stored session', () => {
    const adapter = Object.assign(createFakeAuthAdapter(), { hasStoredSession: () => false });
    const { result } = setup({ adapter });
    expect(result.current.status).toBe('signedOut');
    expect(adapter.currentSession).not.toHaveBeenCalled();
  });

  it('still restores a saved challenge when no session is stored', async () => {
    const store = createMemoryChallengeStore();
    store.save({ username: 'new.user', session: 'session-1', expiresAt: START + 60_000, requiredAttributes: ['name'] });
    const adapter = Object.assign(createFakeAuthAdapter(), { hasStoredSession: () => false });
    const { result } = setup({ adapter, store });
    expect(result.current.status).toBe('loading');
    await waitFor(() => expect(result.current.status).toBe('challenge'));
  });

  it('checks the stored session when the adapter may have one', async () => {
    const adapter = Object.assign(createFakeAuthAdapter({ currentSession: () => Promise.resolve(demoUser) }), {
      hasStoredSession: () => true,
    });
    const { result } = setup({ adapter });
    expect(result.current.status).toBe('loading');
    await waitFor(() => expect(result.current.status).toBe('signedIn'));
  });
});
