/**
 * The auth flow's orchestration, driven directly: the fake adapter for the pool, a challenge store over
 * an in-memory Storage (its raw string is what sessionStorage would hold), and faked Date for the clock.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  challengeResult,
  cognitoFailure,
  createFakeAuthAdapter,
  createMemoryChallengeStore,
  demoUser,
  fakeChallengeHandle,
  newPasswordRequired,
  noVerifiedContactFailure,
  sentByEmail,
  signedInResult,
  type FakeAuthAdapter,
} from '../test/fake-auth-adapter';
import type { AccountDetails, AdapterChallenge, AdapterSignInResult } from './adapter';
import { createAuthController, type AuthController } from './auth-controller';
import type { CodeDelivery, SignedInUser } from './auth-types';
import { CHALLENGE_STORAGE_KEY, type SavedChallenge } from './challenge-storage';
import type { ChallengeDetails, ChallengeView, MfaCodeChallengeName } from './challenges';

const START = 1_700_000_000_000;
const MINUTE = 60_000;
const TEMPORARY_PASSWORD = 'Temp-Passw0rd1!';
const NEW_PASSWORD = 'New-Passw0rd!';
const AUTHENTICATOR_KEY = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

const expiredSession = () => cognitoFailure('NotAuthorizedException', 'Invalid session for the user, session is expired.');
const codeMismatch = () => cognitoFailure('CodeMismatchException', 'Invalid code received for user');
const revokedToken = () => cognitoFailure('NotAuthorizedException', 'Access Token has been revoked');
const networkError = () => cognitoFailure('NetworkError', 'Network error');

const expiredError = { kind: 'failed', error: { kind: 'sessionExpired', messageKey: 'errors.challengeExpired' } } as const;
const sessionEnded = { ok: false, error: { kind: 'sessionExpired', messageKey: 'errors.sessionEnded' } } as const;
const codeMismatchError = { kind: 'field', field: 'code', messageKey: 'errors.codeMismatch' } as const;
const ok = { ok: true, value: undefined } as const;

beforeEach(() => {
  // Only Date: the controller reads the time, it sets no timers.
  vi.useFakeTimers({ toFake: ['Date'], now: START });
});

afterEach(() => {
  vi.useRealTimers();
});

interface Setup {
  adapter?: FakeAuthAdapter;
  store?: ReturnType<typeof createMemoryChallengeStore>;
  minutes?: number;
}

function setup({ adapter = createFakeAuthAdapter(), store = createMemoryChallengeStore(), minutes = 3 }: Setup = {}) {
  // No `now`: the controller's default clock is Date.now, which the fake timers drive.
  const controller = createAuthController({ adapter, store, challengeSessionMinutes: minutes });
  return { controller, adapter, store };
}

async function setupSignedOut(options: Setup = {}) {
  const result = setup(options);
  await result.controller.start();
  expect(result.controller.getState()).toEqual({ status: 'signedOut', expiredChallenge: null });
  return result;
}

async function setupSignedIn(options: Setup = {}) {
  const adapter = options.adapter ?? createFakeAuthAdapter();
  adapter.currentSession.mockResolvedValue(demoUser);
  const result = setup({ ...options, adapter });
  await result.controller.start();
  expect(result.controller.getState()).toEqual({ status: 'signedIn', user: demoUser });
  return result;
}

/** Signed in with a temporary password: NEW_PASSWORD_REQUIRED for `new.user`, asking for name and department. */
async function setupInNewPassword(options: Setup = {}) {
  const adapter = options.adapter ?? createFakeAuthAdapter();
  adapter.signIn.mockResolvedValue({
    kind: 'challenge',
    handle: fakeChallengeHandle('new.user', 'session-1'),
    challenge: {
      name: 'NEW_PASSWORD_REQUIRED',
      userAttributes: { email: 'new.user@example.com', email_verified: 'true' },
      requiredAttributes: ['email', 'name', 'custom:department', 'email_verified'],
    },
  });
  const result = await setupSignedOut({ ...options, adapter });
  expect(await result.controller.signIn('new.user', TEMPORARY_PASSWORD)).toEqual({
    kind: 'challenge',
    name: 'NEW_PASSWORD_REQUIRED',
  });
  return result;
}

/** Signed in, and Cognito asks for `challenge` next (session `AYABe-next-session`). */
async function setupInMfa(challenge: AdapterChallenge, options: Setup = {}) {
  const adapter = options.adapter ?? createFakeAuthAdapter();
  adapter.signIn.mockResolvedValue(challengeResult(challenge));
  const result = await setupSignedOut({ ...options, adapter });
  expect(await result.controller.signIn('new.user', TEMPORARY_PASSWORD)).toEqual({ kind: 'challenge', name: challenge.name });
  return result;
}

async function setupResetPending(options: Setup = {}) {
  const adapter = options.adapter ?? createFakeAuthAdapter();
  adapter.forgotPassword.mockResolvedValue(sentByEmail);
  const result = await setupSignedOut({ ...options, adapter });
  await result.controller.requestPasswordReset('demo.user');
  return result;
}

/** The pending challenge as screens see it (without the adapter's handle). */
function pendingChallenge(controller: AuthController): ChallengeView {
  const state = controller.getState();
  if (state.status !== 'challenge') throw new Error(`expected a pending challenge, the state is ${state.status}`);
  const { handle: _handle, ...view } = state.challenge as ChallengeView & { handle?: unknown };
  return view as ChallengeView;
}

function signedInUser(controller: AuthController): SignedInUser {
  const state = controller.getState();
  if (state.status !== 'signedIn') throw new Error(`expected signed in, the state is ${state.status}`);
  return state.user;
}

/** What sessionStorage holds for the pending challenge, as a string (null when nothing is saved). */
function rawSaved(store: ReturnType<typeof createMemoryChallengeStore>): string | null {
  return store.storage.getItem(CHALLENGE_STORAGE_KEY);
}

function savedRecord(store: ReturnType<typeof createMemoryChallengeStore>): unknown {
  const raw = rawSaved(store);
  return raw === null ? null : JSON.parse(raw);
}

function saveChallenge(store: ReturnType<typeof createMemoryChallengeStore>, record: Partial<SavedChallenge> = {}) {
  store.save({
    username: 'new.user',
    session: 'session-1',
    expiresAt: START + MINUTE,
    passwordChanged: false,
    challenge: { name: 'NEW_PASSWORD_REQUIRED', requiredAttributes: ['name'] },
    ...record,
  });
}

/**
 * Each second-factor challenge: as the adapter reports it, as the flow keeps it, and as it is saved for a
 * reload (the MFA_SETUP key is not even saved as null).
 */
const MFA_CHALLENGES: { name: string; challenge: AdapterChallenge; details: ChallengeDetails; saved: object }[] = [
  {
    name: 'SMS_MFA',
    challenge: { name: 'SMS_MFA', destination: '+*******4567' },
    details: { name: 'SMS_MFA', destination: '+*******4567' },
    saved: { name: 'SMS_MFA', destination: '+*******4567' },
  },
  {
    name: 'EMAIL_OTP',
    challenge: { name: 'EMAIL_OTP', destination: 'n***@e***' },
    details: { name: 'EMAIL_OTP', destination: 'n***@e***' },
    saved: { name: 'EMAIL_OTP', destination: 'n***@e***' },
  },
  {
    name: 'SOFTWARE_TOKEN_MFA',
    challenge: { name: 'SOFTWARE_TOKEN_MFA' },
    details: { name: 'SOFTWARE_TOKEN_MFA' },
    saved: { name: 'SOFTWARE_TOKEN_MFA' },
  },
  {
    name: 'SELECT_MFA_TYPE',
    challenge: { name: 'SELECT_MFA_TYPE', methods: ['SMS_MFA', 'EMAIL_OTP', 'SOFTWARE_TOKEN_MFA'] },
    details: { name: 'SELECT_MFA_TYPE', methods: ['SMS_MFA', 'EMAIL_OTP', 'SOFTWARE_TOKEN_MFA'] },
    saved: { name: 'SELECT_MFA_TYPE', methods: ['SMS_MFA', 'EMAIL_OTP', 'SOFTWARE_TOKEN_MFA'] },
  },
  {
    name: 'MFA_SETUP',
    challenge: { name: 'MFA_SETUP', methods: ['SOFTWARE_TOKEN_MFA'] },
    details: { name: 'MFA_SETUP', methods: ['SOFTWARE_TOKEN_MFA'], secret: null },
    saved: { name: 'MFA_SETUP', methods: ['SOFTWARE_TOKEN_MFA'] },
  },
];

const CODE_CHALLENGES: { name: MfaCodeChallengeName; challenge: AdapterChallenge }[] = [
  { name: 'SMS_MFA', challenge: { name: 'SMS_MFA', destination: '+*******4567' } },
  { name: 'EMAIL_OTP', challenge: { name: 'EMAIL_OTP', destination: 'n***@e***' } },
  { name: 'SOFTWARE_TOKEN_MFA', challenge: { name: 'SOFTWARE_TOKEN_MFA' } },
];

describe('start-up', () => {
  it('is loading while the stored session is checked, then signed out when there is none', async () => {
    let answer: (value: null) => void = () => {};
    const adapter = createFakeAuthAdapter({ currentSession: () => new Promise((resolve) => (answer = resolve)) });
    const { controller } = setup({ adapter });
    const started = controller.start();
    expect(controller.getState()).toEqual({ status: 'loading' });
    answer(null);
    await started;
    expect(controller.getState()).toEqual({ status: 'signedOut', expiredChallenge: null });
  });

  it('restores a stored session, checking it once however often start() is called', async () => {
    const { controller, adapter } = await setupSignedIn();
    await Promise.all([controller.start(), controller.start()]);
    expect(adapter.currentSession).toHaveBeenCalledTimes(1);
  });

  it('starts signed out when the pool cannot be reached, without forgetting the stored tokens', async () => {
    const adapter = createFakeAuthAdapter({ currentSession: () => Promise.reject(cognitoFailure('NetworkError')) });
    await setupSignedOut({ adapter });
    expect(adapter.signOut).not.toHaveBeenCalled();
  });

  it('resumes a challenge saved before a reload while it is still alive, and answers it with the resumed Session', async () => {
    const store = createMemoryChallengeStore();
    saveChallenge(store);
    const { controller, adapter } = setup({ store });
    await controller.start();
    expect(pendingChallenge(controller)).toEqual({
      name: 'NEW_PASSWORD_REQUIRED',
      requiredAttributes: ['name'],
      username: 'new.user',
      expiresAt: START + MINUTE,
      passwordChanged: false,
    });
    expect(adapter.resumeChallenge).toHaveBeenCalledWith({ username: 'new.user', session: 'session-1' });

    adapter.completeNewPassword.mockResolvedValue(signedInResult());
    await controller.completeNewPassword(NEW_PASSWORD, { name: 'New User' });
    expect(adapter.completeNewPassword).toHaveBeenCalledWith(adapter.resumeChallenge.mock.results[0]?.value, NEW_PASSWORD, {
      name: 'New User',
    });
  });

  it.each(MFA_CHALLENGES)('resumes a saved $name challenge, with passwordChanged', async ({ details }) => {
    const store = createMemoryChallengeStore();
    saveChallenge(store, { passwordChanged: true, challenge: details });
    const { controller } = setup({ store });
    await controller.start();
    expect(pendingChallenge(controller)).toEqual({ ...details, username: 'new.user', expiresAt: START + MINUTE, passwordChanged: true });
  });

  it('resumes with the name Cognito bound the Session to, showing the name the user typed', async () => {
    const store = createMemoryChallengeStore();
    saveChallenge(store, { username: 'new.user@example.com', sessionUsername: 'new.user' });
    const { controller, adapter } = setup({ store });
    await controller.start();
    expect(pendingChallenge(controller).username).toBe('new.user@example.com');
    expect(adapter.resumeChallenge).toHaveBeenCalledWith({ username: 'new.user', session: 'session-1' });
  });

  it.each<{ name: ChallengeDetails['name']; details: ChallengeDetails; passwordChanged: boolean }>([
    { name: 'NEW_PASSWORD_REQUIRED', details: { name: 'NEW_PASSWORD_REQUIRED', requiredAttributes: [] }, passwordChanged: false },
    { name: 'SOFTWARE_TOKEN_MFA', details: { name: 'SOFTWARE_TOKEN_MFA' }, passwordChanged: true },
  ])('drops a saved $name challenge that ran out, saying which step it was', async ({ name, details, passwordChanged }) => {
    const store = createMemoryChallengeStore();
    saveChallenge(store, { expiresAt: START, passwordChanged, challenge: details });
    const { controller, adapter } = setup({ store });
    await controller.start();
    expect(controller.getState()).toEqual({
      status: 'signedOut',
      expiredChallenge: { username: 'new.user', name, passwordChanged },
    });
    expect(rawSaved(store)).toBeNull();
    expect(adapter.resumeChallenge).not.toHaveBeenCalled();
  });

  it('prefers a stored session over a saved challenge, and drops the challenge', async () => {
    const store = createMemoryChallengeStore();
    saveChallenge(store);
    const { adapter } = await setupSignedIn({ store });
    expect(rawSaved(store)).toBeNull();
    expect(adapter.resumeChallenge).not.toHaveBeenCalled();
  });

  describe('when nothing is stored', () => {
    it('is signed out from the start when the adapter knows there is no stored session', async () => {
      const adapter = Object.assign(createFakeAuthAdapter(), { hasStoredSession: () => false });
      const { controller } = setup({ adapter });
      expect(controller.getState()).toEqual({ status: 'signedOut', expiredChallenge: null });
      const listener = vi.fn();
      controller.subscribe(listener);
      await controller.start();
      expect(adapter.currentSession).not.toHaveBeenCalled();
      expect(listener).not.toHaveBeenCalled();
    });

    it('still restores a saved challenge when no session is stored', async () => {
      const store = createMemoryChallengeStore();
      saveChallenge(store);
      const adapter = Object.assign(createFakeAuthAdapter(), { hasStoredSession: () => false });
      const { controller } = setup({ adapter, store });
      expect(controller.getState()).toEqual({ status: 'loading' });
      await controller.start();
      expect(controller.getState().status).toBe('challenge');
    });

    it('checks the stored session when the adapter may have one', async () => {
      const adapter = Object.assign(createFakeAuthAdapter({ currentSession: () => Promise.resolve(demoUser) }), {
        hasStoredSession: () => true,
      });
      const { controller } = setup({ adapter });
      expect(controller.getState()).toEqual({ status: 'loading' });
      await controller.start();
      expect(controller.getState()).toEqual({ status: 'signedIn', user: demoUser });
    });
  });
});

describe('signIn', () => {
  it('signs in with the username trimmed', async () => {
    const adapter = createFakeAuthAdapter({ signIn: () => Promise.resolve(signedInResult()) });
    const { controller } = await setupSignedOut({ adapter });
    expect(await controller.signIn('  demo.user ', 'Demo-Passw0rd!')).toEqual({ kind: 'signedIn' });
    expect(adapter.signIn).toHaveBeenCalledWith('demo.user', 'Demo-Passw0rd!');
    expect(controller.getState()).toEqual({ status: 'signedIn', user: demoUser });
  });

  it('starts NEW_PASSWORD_REQUIRED timed from its arrival, asking only for attributes Cognito will accept', async () => {
    vi.advanceTimersByTime(10_000); // time spent on the sign-in form does not count
    const { controller, store } = await setupInNewPassword({ minutes: 5 });
    expect(pendingChallenge(controller)).toEqual({
      name: 'NEW_PASSWORD_REQUIRED',
      requiredAttributes: ['name', 'custom:department'],
      username: 'new.user',
      expiresAt: START + 10_000 + 5 * MINUTE,
      passwordChanged: false,
    });
    expect(savedRecord(store)).toEqual({
      username: 'new.user',
      session: 'session-1',
      expiresAt: START + 10_000 + 5 * MINUTE,
      challenge: { name: 'NEW_PASSWORD_REQUIRED', requiredAttributes: ['name', 'custom:department'] },
    });
  });

  it('shows the username as typed while saving the name Cognito knows the Session by', async () => {
    const adapter = createFakeAuthAdapter({ signIn: () => Promise.resolve(newPasswordRequired([])) });
    const { controller, store } = await setupSignedOut({ adapter });
    await controller.signIn('new.user@example.com', TEMPORARY_PASSWORD);
    expect(pendingChallenge(controller).username).toBe('new.user@example.com');
    expect(savedRecord(store)).toMatchObject({ username: 'new.user@example.com', sessionUsername: 'new.user' });
  });

  it('never saves the password with the challenge', async () => {
    const { store } = await setupInNewPassword();
    expect(rawSaved(store)).not.toBeNull();
    expect(rawSaved(store)).not.toContain(TEMPORARY_PASSWORD);
  });

  it.each(MFA_CHALLENGES)('starts $name, saved for a reload without the password', async ({ challenge, details, saved }) => {
    const { controller, store } = await setupInMfa(challenge);
    expect(pendingChallenge(controller)).toEqual({
      ...details,
      username: 'new.user',
      expiresAt: START + 3 * MINUTE,
      passwordChanged: false,
    });
    expect(savedRecord(store)).toEqual({
      username: 'new.user',
      session: 'AYABe-next-session',
      expiresAt: START + 3 * MINUTE,
      challenge: saved,
    });
    expect(rawSaved(store)).not.toContain(TEMPORARY_PASSWORD);
  });

  it('answers an administrator reset with a pending reset', async () => {
    const adapter = createFakeAuthAdapter({ signIn: () => Promise.resolve({ kind: 'passwordResetRequired' }) });
    const { controller } = await setupSignedOut({ adapter });
    expect(await controller.signIn('reset.user', 'Old-Passw0rd1!')).toEqual({ kind: 'passwordResetRequired', delivery: null });
    expect(controller.getState()).toEqual({
      status: 'resetPending',
      reset: { username: 'reset.user', reason: 'adminReset', delivery: null },
    });
  });

  it('fails clearly on a challenge the app does not handle, saving nothing', async () => {
    const adapter = createFakeAuthAdapter({
      signIn: () => Promise.resolve({ kind: 'unsupportedChallenge', name: 'CUSTOM_CHALLENGE' }),
    });
    const { controller, store } = await setupSignedOut({ adapter });
    expect(await controller.signIn('custom.user', 'Demo-Passw0rd!')).toEqual({
      kind: 'failed',
      error: { kind: 'form', messageKey: 'errors.unsupportedChallenge', values: { challenge: 'CUSTOM_CHALLENGE' } },
    });
    expect(controller.getState()).toEqual({ status: 'signedOut', expiredChallenge: null });
    expect(rawSaved(store)).toBeNull();
  });

  it('maps a failure through the error table', async () => {
    const adapter = createFakeAuthAdapter({
      signIn: () => Promise.reject(cognitoFailure('NotAuthorizedException', 'Incorrect username or password.')),
    });
    const { controller } = await setupSignedOut({ adapter });
    expect(await controller.signIn('demo.user', 'wrong')).toEqual({
      kind: 'failed',
      error: { kind: 'form', messageKey: 'errors.wrongCredentials', field: 'password' },
    });
    expect(controller.getState().status).toBe('signedOut');
  });

  it('maps anything else thrown to an error, never a rejection', async () => {
    const adapter = createFakeAuthAdapter({ signIn: () => Promise.reject(new TypeError('Failed to fetch')) });
    const { controller } = await setupSignedOut({ adapter });
    expect(await controller.signIn('demo.user', 'x')).toEqual({
      kind: 'failed',
      error: { kind: 'form', messageKey: 'errors.network', retryable: true },
    });
  });

  it('a new sign-in replaces an expiry notice', async () => {
    const { controller, adapter } = await setupInNewPassword();
    controller.expireChallenge();
    adapter.signIn.mockResolvedValue(signedInResult());
    await controller.signIn('new.user', NEW_PASSWORD);
    expect(controller.getState()).toEqual({ status: 'signedIn', user: demoUser });
  });
});

describe('completeNewPassword', () => {
  it('sends only the requested attributes, then signs in and forgets the challenge', async () => {
    const { controller, adapter, store } = await setupInNewPassword();
    const user = { username: 'new.user', attributes: { name: 'New User' } };
    adapter.completeNewPassword.mockResolvedValue(signedInResult(user));
    const outcome = await controller.completeNewPassword(NEW_PASSWORD, {
      name: 'New User',
      'custom:department': 'Sales',
      email: 'changed@example.com',
      email_verified: 'true',
      phone_number_verified: 'true',
      sub: 'x',
    });
    expect(outcome).toEqual({ kind: 'signedIn' });
    expect(adapter.completeNewPassword).toHaveBeenCalledWith(fakeChallengeHandle('new.user', 'session-1'), NEW_PASSWORD, {
      name: 'New User',
      'custom:department': 'Sales',
    });
    expect(controller.getState()).toEqual({ status: 'signedIn', user });
    expect(rawSaved(store)).toBeNull();
  });

  it('filters the attributes again for a challenge read back from storage', async () => {
    const store = createMemoryChallengeStore();
    // Saved by an earlier version, before the list was filtered on arrival.
    saveChallenge(store, { challenge: { name: 'NEW_PASSWORD_REQUIRED', requiredAttributes: ['name', 'email_verified', 'sub'] } });
    const { controller, adapter } = setup({ store });
    await controller.start();
    adapter.completeNewPassword.mockResolvedValue(signedInResult());
    await controller.completeNewPassword(NEW_PASSWORD, { name: 'New User', email_verified: 'true', sub: 'x' });
    expect(adapter.completeNewPassword).toHaveBeenCalledWith(expect.anything(), NEW_PASSWORD, { name: 'New User' });
  });

  it('keeps the challenge on a weak password, with the error on the new-password field', async () => {
    const { controller, adapter, store } = await setupInNewPassword();
    const saved = rawSaved(store);
    adapter.completeNewPassword.mockRejectedValue(
      cognitoFailure('InvalidPasswordException', 'Password does not conform to policy: Password must have symbol characters'),
    );
    expect(await controller.completeNewPassword('NoSymbol1', { name: 'New User' })).toEqual({
      kind: 'failed',
      error: { kind: 'field', field: 'newPassword', messageKey: 'errors.passwordPolicy.symbol' },
    });
    expect(pendingChallenge(controller).name).toBe('NEW_PASSWORD_REQUIRED');
    expect(rawSaved(store)).toBe(saved);
    expect(rawSaved(store)).not.toContain('NoSymbol1');
  });

  it("treats Cognito's expired session like the countdown reaching zero", async () => {
    const { controller, adapter, store } = await setupInNewPassword();
    adapter.completeNewPassword.mockRejectedValue(expiredSession());
    expect(await controller.completeNewPassword(NEW_PASSWORD, { name: 'New User' })).toEqual(expiredError);
    expect(controller.getState()).toEqual({
      status: 'signedOut',
      expiredChallenge: { username: 'new.user', name: 'NEW_PASSWORD_REQUIRED', passwordChanged: false },
    });
    expect(rawSaved(store)).toBeNull();
  });

  it('does not call Cognito once the challenge is past its time by our clock', async () => {
    const { controller, adapter, store } = await setupInNewPassword();
    vi.advanceTimersByTime(3 * MINUTE - 1);
    expect(controller.getState().status).toBe('challenge');
    vi.advanceTimersByTime(1);
    expect(await controller.completeNewPassword(NEW_PASSWORD, { name: 'New User' })).toEqual(expiredError);
    expect(adapter.completeNewPassword).not.toHaveBeenCalled();
    expect(controller.getState()).toEqual({
      status: 'signedOut',
      expiredChallenge: { username: 'new.user', name: 'NEW_PASSWORD_REQUIRED', passwordChanged: false },
    });
    expect(rawSaved(store)).toBeNull();
  });

  it('is refused without calling Cognito when no new password is asked for', async () => {
    const { controller, adapter } = await setupInMfa({ name: 'SOFTWARE_TOKEN_MFA' });
    expect(await controller.completeNewPassword(NEW_PASSWORD, {})).toEqual(expiredError);
    expect(adapter.completeNewPassword).not.toHaveBeenCalled();
    expect(pendingChallenge(controller).name).toBe('SOFTWARE_TOKEN_MFA');
  });

  it.each(MFA_CHALLENGES)(
    'goes on to $name with the new password set: fresh expiry, new Session saved, no password or key',
    async ({ challenge, details, saved }) => {
      const { controller, adapter, store } = await setupInNewPassword();
      vi.advanceTimersByTime(MINUTE);
      adapter.completeNewPassword.mockResolvedValue(challengeResult(challenge));
      expect(await controller.completeNewPassword(NEW_PASSWORD, { name: 'New User' })).toEqual({
        kind: 'challenge',
        name: challenge.name,
      });
      expect(pendingChallenge(controller)).toEqual({
        ...details,
        username: 'new.user',
        expiresAt: START + MINUTE + 3 * MINUTE,
        passwordChanged: true,
      });
      expect(savedRecord(store)).toEqual({
        username: 'new.user',
        session: 'AYABe-next-session',
        expiresAt: START + 4 * MINUTE,
        passwordChanged: true,
        challenge: saved,
      });
      expect(rawSaved(store)).not.toContain(NEW_PASSWORD);
      expect(rawSaved(store)).not.toContain(TEMPORARY_PASSWORD);
    },
  );

  it('starts over from sign-in when Cognito then asks for a step the app does not handle', async () => {
    const { controller, adapter, store } = await setupInNewPassword();
    adapter.completeNewPassword.mockResolvedValue({ kind: 'unsupportedChallenge', name: 'CUSTOM_CHALLENGE' });
    expect(await controller.completeNewPassword(NEW_PASSWORD, { name: 'New User' })).toEqual({
      kind: 'failed',
      error: { kind: 'form', messageKey: 'errors.unsupportedChallenge', values: { challenge: 'CUSTOM_CHALLENGE' } },
    });
    expect(controller.getState()).toEqual({ status: 'signedOut', expiredChallenge: null });
    expect(rawSaved(store)).toBeNull();
  });
});

describe('answerMfaCode', () => {
  it.each(CODE_CHALLENGES)('signs in with the $name code, spaces removed, and forgets the challenge', async ({ name, challenge }) => {
    const { controller, adapter, store } = await setupInMfa(challenge);
    adapter.answerMfaCode.mockResolvedValue(signedInResult());
    expect(await controller.answerMfaCode(' 123 456 ')).toEqual({ kind: 'signedIn' });
    expect(adapter.answerMfaCode).toHaveBeenCalledWith(fakeChallengeHandle('new.user', 'AYABe-next-session'), name, '123456');
    expect(controller.getState()).toEqual({ status: 'signedIn', user: demoUser });
    expect(rawSaved(store)).toBeNull();
  });

  it.each(CODE_CHALLENGES)('keeps the $name challenge after a wrong code, saving no code', async ({ name, challenge }) => {
    const { controller, adapter, store } = await setupInMfa(challenge);
    const before = pendingChallenge(controller);
    const saved = rawSaved(store);
    adapter.answerMfaCode.mockRejectedValueOnce(codeMismatch());
    expect(await controller.answerMfaCode('654321')).toEqual({ kind: 'failed', error: codeMismatchError });
    expect(pendingChallenge(controller)).toEqual(before);
    expect(rawSaved(store)).toBe(saved);
    expect(rawSaved(store)).not.toContain('654321');

    // The same challenge takes the right code next.
    adapter.answerMfaCode.mockResolvedValueOnce(signedInResult());
    expect(await controller.answerMfaCode('123456')).toEqual({ kind: 'signedIn' });
    expect(adapter.answerMfaCode).toHaveBeenLastCalledWith(expect.objectContaining({ session: 'AYABe-next-session' }), name, '123456');
  });

  it.each(CODE_CHALLENGES)('ends $name when Cognito says its Session is expired', async ({ name, challenge }) => {
    const { controller, adapter, store } = await setupInMfa(challenge);
    adapter.answerMfaCode.mockRejectedValue(expiredSession());
    expect(await controller.answerMfaCode('123456')).toEqual(expiredError);
    expect(controller.getState()).toEqual({
      status: 'signedOut',
      expiredChallenge: { username: 'new.user', name, passwordChanged: false },
    });
    expect(rawSaved(store)).toBeNull();
  });

  it('says the new password is already set when the code step after it runs out', async () => {
    const { controller, adapter } = await setupInNewPassword();
    adapter.completeNewPassword.mockResolvedValue(challengeResult({ name: 'SMS_MFA', destination: '+*******4567' }));
    await controller.completeNewPassword(NEW_PASSWORD, { name: 'New User' });
    adapter.answerMfaCode.mockRejectedValue(expiredSession());
    expect(await controller.answerMfaCode('123456')).toEqual(expiredError);
    expect(controller.getState()).toEqual({
      status: 'signedOut',
      expiredChallenge: { username: 'new.user', name: 'SMS_MFA', passwordChanged: true },
    });
  });

  it('does not call Cognito once the code challenge is past its time by our clock', async () => {
    const { controller, adapter } = await setupInMfa({ name: 'SOFTWARE_TOKEN_MFA' });
    vi.advanceTimersByTime(3 * MINUTE);
    expect(await controller.answerMfaCode('123456')).toEqual(expiredError);
    expect(adapter.answerMfaCode).not.toHaveBeenCalled();
    expect(controller.getState()).toEqual({
      status: 'signedOut',
      expiredChallenge: { username: 'new.user', name: 'SOFTWARE_TOKEN_MFA', passwordChanged: false },
    });
  });

  it('is refused without calling Cognito when the pending challenge takes no code', async () => {
    const { controller, adapter } = await setupInMfa({ name: 'SELECT_MFA_TYPE', methods: ['SMS_MFA', 'EMAIL_OTP'] });
    expect(await controller.answerMfaCode('123456')).toEqual(expiredError);
    expect(adapter.answerMfaCode).not.toHaveBeenCalled();
    expect(pendingChallenge(controller).name).toBe('SELECT_MFA_TYPE');
  });

  it('abandons the challenge when Cognito then asks for a step the app does not handle', async () => {
    const { controller, adapter, store } = await setupInMfa({ name: 'SMS_MFA', destination: '+*******4567' });
    adapter.answerMfaCode.mockResolvedValue({ kind: 'unsupportedChallenge', name: 'CUSTOM_CHALLENGE' });
    expect(await controller.answerMfaCode('123456')).toEqual({
      kind: 'failed',
      error: { kind: 'form', messageKey: 'errors.unsupportedChallenge', values: { challenge: 'CUSTOM_CHALLENGE' } },
    });
    expect(controller.getState()).toEqual({ status: 'signedOut', expiredChallenge: null });
    expect(rawSaved(store)).toBeNull();
  });
});

describe('chooseMfaMethod', () => {
  const select: AdapterChallenge = { name: 'SELECT_MFA_TYPE', methods: ['SMS_MFA', 'EMAIL_OTP', 'SOFTWARE_TOKEN_MFA'] };

  it.each([
    { method: 'EMAIL_OTP', next: { name: 'EMAIL_OTP', destination: 'n***@e***' } },
    { method: 'SMS_MFA', next: { name: 'SMS_MFA', destination: '+*******4567' } },
    { method: 'SOFTWARE_TOKEN_MFA', next: { name: 'SOFTWARE_TOKEN_MFA' } },
  ] as const)('choosing $method leads to its code challenge, with a fresh expiry and the new Session saved', async ({ method, next }) => {
    const { controller, adapter, store } = await setupInMfa(select);
    vi.advanceTimersByTime(30_000);
    adapter.chooseMfaMethod.mockResolvedValue(challengeResult(next, 'AYABe-chosen-session'));
    expect(await controller.chooseMfaMethod(method)).toEqual({ kind: 'challenge', name: method });
    expect(adapter.chooseMfaMethod).toHaveBeenCalledWith(fakeChallengeHandle('new.user', 'AYABe-next-session'), method);
    expect(pendingChallenge(controller)).toEqual({
      ...next,
      username: 'new.user',
      expiresAt: START + 30_000 + 3 * MINUTE,
      passwordChanged: false,
    });
    expect(savedRecord(store)).toEqual({
      username: 'new.user',
      session: 'AYABe-chosen-session',
      expiresAt: START + 30_000 + 3 * MINUTE,
      challenge: next,
    });

    // The code then goes with the new Session.
    adapter.answerMfaCode.mockResolvedValue(signedInResult());
    expect(await controller.answerMfaCode('123456')).toEqual({ kind: 'signedIn' });
    expect(adapter.answerMfaCode).toHaveBeenCalledWith(fakeChallengeHandle('new.user', 'AYABe-chosen-session'), method, '123456');
  });

  it('refuses a method Cognito did not offer, without calling it', async () => {
    const { controller, adapter } = await setupInMfa({ name: 'SELECT_MFA_TYPE', methods: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA'] });
    expect((await controller.chooseMfaMethod('EMAIL_OTP')).kind).toBe('failed');
    expect(adapter.chooseMfaMethod).not.toHaveBeenCalled();
    expect(pendingChallenge(controller).name).toBe('SELECT_MFA_TYPE');
  });

  it('ends the choice when Cognito says its Session is expired', async () => {
    const { controller, adapter } = await setupInMfa(select);
    adapter.chooseMfaMethod.mockRejectedValue(expiredSession());
    expect(await controller.chooseMfaMethod('SMS_MFA')).toEqual(expiredError);
    expect(controller.getState()).toEqual({
      status: 'signedOut',
      expiredChallenge: { username: 'new.user', name: 'SELECT_MFA_TYPE', passwordChanged: false },
    });
  });
});

describe('MFA_SETUP during sign-in', () => {
  const setupChallenge: AdapterChallenge = { name: 'MFA_SETUP', methods: ['SOFTWARE_TOKEN_MFA'] };
  const associated = { secret: AUTHENTICATOR_KEY, handle: fakeChallengeHandle('new.user', 'AYABe-associate-session') };

  it('requestAuthenticatorKey keeps the key in memory and saves only the new Session', async () => {
    const { controller, adapter, store } = await setupInMfa(setupChallenge);
    adapter.associateAuthenticator.mockResolvedValue(associated);
    expect(await controller.requestAuthenticatorKey()).toEqual(ok);
    expect(adapter.associateAuthenticator).toHaveBeenCalledWith(fakeChallengeHandle('new.user', 'AYABe-next-session'));
    expect(pendingChallenge(controller)).toEqual({
      name: 'MFA_SETUP',
      methods: ['SOFTWARE_TOKEN_MFA'],
      secret: AUTHENTICATOR_KEY,
      username: 'new.user',
      expiresAt: START + 3 * MINUTE,
      passwordChanged: false,
    });
    expect(savedRecord(store)).toEqual({
      username: 'new.user',
      session: 'AYABe-associate-session',
      expiresAt: START + 3 * MINUTE,
      challenge: { name: 'MFA_SETUP', methods: ['SOFTWARE_TOKEN_MFA'] },
    });
    expect(rawSaved(store)).not.toContain(AUTHENTICATOR_KEY);
  });

  it('verifyAuthenticator signs in with the key’s Session and forgets the challenge', async () => {
    const { controller, adapter, store } = await setupInMfa(setupChallenge);
    adapter.associateAuthenticator.mockResolvedValue(associated);
    await controller.requestAuthenticatorKey();
    adapter.verifyAuthenticator.mockResolvedValue(signedInResult());
    expect(await controller.verifyAuthenticator(' 123 456 ', 'My phone')).toEqual({ kind: 'signedIn' });
    expect(adapter.verifyAuthenticator).toHaveBeenCalledWith(associated.handle, '123456', 'My phone');
    expect(controller.getState()).toEqual({ status: 'signedIn', user: demoUser });
    expect(rawSaved(store)).toBeNull();
  });

  it('verifyAuthenticator is refused before a key was asked for', async () => {
    const { controller, adapter } = await setupInMfa(setupChallenge);
    expect((await controller.verifyAuthenticator('123456', 'My phone')).kind).toBe('failed');
    expect(adapter.verifyAuthenticator).not.toHaveBeenCalled();
    expect(pendingChallenge(controller).name).toBe('MFA_SETUP');
  });

  it('a wrong first code keeps the set-up and its key, saving no code', async () => {
    const { controller, adapter, store } = await setupInMfa(setupChallenge);
    adapter.associateAuthenticator.mockResolvedValue(associated);
    await controller.requestAuthenticatorKey();
    adapter.verifyAuthenticator.mockRejectedValue(codeMismatch());
    expect(await controller.verifyAuthenticator('654321', 'My phone')).toEqual({ kind: 'failed', error: codeMismatchError });
    expect(pendingChallenge(controller)).toMatchObject({ name: 'MFA_SETUP', secret: AUTHENTICATOR_KEY });
    expect(rawSaved(store)).not.toContain('654321');
    expect(rawSaved(store)).not.toContain(AUTHENTICATOR_KEY);
  });

  it('after a reload asks for a new key with the saved Session', async () => {
    const store = createMemoryChallengeStore();
    saveChallenge(store, {
      session: 'AYABe-associate-session',
      passwordChanged: true,
      challenge: { name: 'MFA_SETUP', methods: ['SOFTWARE_TOKEN_MFA'], secret: null },
    });
    const { controller, adapter } = setup({ store });
    await controller.start();
    expect(pendingChallenge(controller)).toMatchObject({ name: 'MFA_SETUP', secret: null, passwordChanged: true });
    adapter.associateAuthenticator.mockResolvedValue({ secret: 'SECONDKEY', handle: fakeChallengeHandle('new.user', 'AYABe-third') });
    expect(await controller.requestAuthenticatorKey()).toEqual(ok);
    expect(adapter.associateAuthenticator).toHaveBeenCalledWith(fakeChallengeHandle('new.user', 'AYABe-associate-session'));
    expect(pendingChallenge(controller)).toMatchObject({ secret: 'SECONDKEY' });
    expect(savedRecord(store)).toMatchObject({ session: 'AYABe-third', passwordChanged: true });
  });

  it('requestAuthenticatorKey ends the set-up when Cognito says its Session is expired', async () => {
    const { controller, adapter, store } = await setupInMfa(setupChallenge);
    adapter.associateAuthenticator.mockRejectedValue(expiredSession());
    expect(await controller.requestAuthenticatorKey()).toEqual({
      ok: false,
      error: { kind: 'sessionExpired', messageKey: 'errors.challengeExpired' },
    });
    expect(controller.getState()).toEqual({
      status: 'signedOut',
      expiredChallenge: { username: 'new.user', name: 'MFA_SETUP', passwordChanged: false },
    });
    expect(rawSaved(store)).toBeNull();
  });

  it('requestAuthenticatorKey keeps the set-up when the pool cannot be reached', async () => {
    const { controller, adapter } = await setupInMfa(setupChallenge);
    adapter.associateAuthenticator.mockRejectedValue(networkError());
    expect(await controller.requestAuthenticatorKey()).toEqual({
      ok: false,
      error: { kind: 'form', messageKey: 'errors.network', retryable: true },
    });
    expect(pendingChallenge(controller)).toMatchObject({ name: 'MFA_SETUP', secret: null });
  });

  it('requestAuthenticatorKey is refused without calling Cognito for any other challenge', async () => {
    const { controller, adapter } = await setupInMfa({ name: 'SOFTWARE_TOKEN_MFA' });
    expect(await controller.requestAuthenticatorKey()).toMatchObject({ ok: false, error: { kind: 'sessionExpired' } });
    expect(adapter.associateAuthenticator).not.toHaveBeenCalled();
    expect(pendingChallenge(controller).name).toBe('SOFTWARE_TOKEN_MFA');
  });

  it('after NEW_PASSWORD_REQUIRED: associate, verify, signed in', async () => {
    const { controller, adapter, store } = await setupInNewPassword();
    adapter.completeNewPassword.mockResolvedValue(challengeResult(setupChallenge));
    await controller.completeNewPassword(NEW_PASSWORD, { name: 'New User' });
    adapter.associateAuthenticator.mockResolvedValue(associated);
    await controller.requestAuthenticatorKey();
    expect(savedRecord(store)).toMatchObject({ session: 'AYABe-associate-session', passwordChanged: true });
    adapter.verifyAuthenticator.mockResolvedValue(signedInResult());
    expect(await controller.verifyAuthenticator('123456', 'Laptop')).toEqual({ kind: 'signedIn' });
    expect(rawSaved(store)).toBeNull();
  });
});

describe('challenge expiry and abandon', () => {
  it('expireChallenge clears the challenge and says which step ran out', async () => {
    const { controller, store } = await setupInMfa({ name: 'EMAIL_OTP', destination: 'n***@e***' });
    controller.expireChallenge();
    expect(controller.getState()).toEqual({
      status: 'signedOut',
      expiredChallenge: { username: 'new.user', name: 'EMAIL_OTP', passwordChanged: false },
    });
    expect(rawSaved(store)).toBeNull();
  });

  it('clearExpiredChallenge forgets the notice', async () => {
    const { controller } = await setupInNewPassword();
    controller.expireChallenge();
    controller.clearExpiredChallenge();
    expect(controller.getState()).toEqual({ status: 'signedOut', expiredChallenge: null });
  });

  it('abandonChallenge goes back to signed out without an expiry notice', async () => {
    const { controller, store } = await setupInNewPassword();
    controller.abandonChallenge();
    expect(controller.getState()).toEqual({ status: 'signedOut', expiredChallenge: null });
    expect(rawSaved(store)).toBeNull();
  });
});

describe('password reset', () => {
  it('requestPasswordReset records where the code went', async () => {
    const { controller, adapter } = await setupResetPending();
    expect(adapter.forgotPassword).toHaveBeenCalledWith('demo.user');
    expect(controller.getState()).toEqual({
      status: 'resetPending',
      reset: { username: 'demo.user', reason: 'forgotten', delivery: sentByEmail },
    });
  });

  it('requestPasswordReset trims the username and returns the delivery', async () => {
    const adapter = createFakeAuthAdapter({ forgotPassword: () => Promise.resolve(sentByEmail) });
    const { controller } = await setupSignedOut({ adapter });
    expect(await controller.requestPasswordReset(' demo.user  ')).toEqual({ ok: true, value: sentByEmail });
    expect(adapter.forgotPassword).toHaveBeenCalledWith('demo.user');
  });

  it('requestPasswordReset reports an account with no verified contact', async () => {
    const adapter = createFakeAuthAdapter({ forgotPassword: () => Promise.reject(noVerifiedContactFailure()) });
    const { controller } = await setupSignedOut({ adapter });
    expect(await controller.requestPasswordReset('no.contact')).toEqual({
      ok: false,
      error: { kind: 'form', messageKey: 'errors.noVerifiedContact' },
    });
    expect(controller.getState().status).toBe('signedOut');
  });

  it('resendResetCode asks again for the same user and updates the delivery', async () => {
    const { controller, adapter } = await setupResetPending();
    const sms: CodeDelivery = { destination: '+*******0123', medium: 'SMS', attributeName: 'phone_number' };
    adapter.forgotPassword.mockResolvedValue(sms);
    expect(await controller.resendResetCode()).toEqual({ ok: true, value: sms });
    expect(adapter.forgotPassword).toHaveBeenLastCalledWith('demo.user');
    expect(controller.getState()).toEqual({ status: 'resetPending', reset: { username: 'demo.user', reason: 'forgotten', delivery: sms } });
  });

  it('resendResetCode works for an administrator reset too', async () => {
    const adapter = createFakeAuthAdapter({
      signIn: () => Promise.resolve({ kind: 'passwordResetRequired' } satisfies AdapterSignInResult),
      forgotPassword: () => Promise.resolve(sentByEmail),
    });
    const { controller } = await setupSignedOut({ adapter });
    await controller.signIn('reset.user', 'Old-Passw0rd1!');
    await controller.resendResetCode();
    expect(adapter.forgotPassword).toHaveBeenCalledWith('reset.user');
    expect(controller.getState()).toEqual({
      status: 'resetPending',
      reset: { username: 'reset.user', reason: 'adminReset', delivery: sentByEmail },
    });
  });

  it('resendResetCode without a pending reset says to start again', async () => {
    const { controller, adapter } = await setupSignedOut();
    expect(await controller.resendResetCode()).toEqual({ ok: false, error: { kind: 'form', messageKey: 'errors.noPendingReset' } });
    expect(adapter.forgotPassword).not.toHaveBeenCalled();
  });

  it('startResetFromLink starts a reset with no known delivery', async () => {
    const { controller } = await setupSignedOut();
    controller.startResetFromLink(' demo.user ');
    expect(controller.getState()).toEqual({
      status: 'resetPending',
      reset: { username: 'demo.user', reason: 'forgotten', delivery: null },
    });
  });

  it('a reset started from a pending challenge forgets the saved challenge', async () => {
    const { controller, store } = await setupInNewPassword();
    controller.startResetFromLink('new.user');
    expect(controller.getState().status).toBe('resetPending');
    expect(rawSaved(store)).toBeNull();
  });

  it('confirmPasswordReset sets the password for the pending user and ends the reset', async () => {
    const { controller, adapter } = await setupResetPending();
    adapter.confirmForgotPassword.mockResolvedValue(undefined);
    expect(await controller.confirmPasswordReset(' 123456 ', NEW_PASSWORD)).toEqual(ok);
    expect(adapter.confirmForgotPassword).toHaveBeenCalledWith('demo.user', '123456', NEW_PASSWORD);
    expect(controller.getState()).toEqual({ status: 'signedOut', expiredChallenge: null });
  });

  it('confirmPasswordReset puts a wrong code on the code field and keeps the reset', async () => {
    const { controller, adapter } = await setupResetPending();
    adapter.confirmForgotPassword.mockRejectedValue(
      cognitoFailure('CodeMismatchException', 'Invalid verification code provided, please try again.'),
    );
    expect(await controller.confirmPasswordReset('000000', NEW_PASSWORD)).toEqual({ ok: false, error: codeMismatchError });
    expect(controller.getState().status).toBe('resetPending');
  });

  it('confirmPasswordReset without a pending reset says to start again', async () => {
    const { controller, adapter } = await setupSignedOut();
    expect(await controller.confirmPasswordReset('123456', NEW_PASSWORD)).toEqual({
      ok: false,
      error: { kind: 'form', messageKey: 'errors.noPendingReset' },
    });
    expect(adapter.confirmForgotPassword).not.toHaveBeenCalled();
  });

  it('a signed-in user cannot start a reset', async () => {
    const { controller } = await setupSignedIn();
    controller.startResetFromLink('demo.user');
    expect(controller.getState().status).toBe('signedIn');
  });
});

describe('signed-in operations', () => {
  it('changePassword succeeds and stays signed in', async () => {
    const { controller, adapter } = await setupSignedIn();
    adapter.changePassword.mockResolvedValue(undefined);
    expect(await controller.changePassword('Demo-Passw0rd!', NEW_PASSWORD)).toEqual(ok);
    expect(adapter.changePassword).toHaveBeenCalledWith('Demo-Passw0rd!', NEW_PASSWORD);
    expect(controller.getState().status).toBe('signedIn');
  });

  it('changePassword puts a wrong current password on its field', async () => {
    const { controller, adapter } = await setupSignedIn();
    adapter.changePassword.mockRejectedValue(cognitoFailure('NotAuthorizedException', 'Incorrect username or password.'));
    expect(await controller.changePassword('wrong', NEW_PASSWORD)).toEqual({
      ok: false,
      error: { kind: 'field', field: 'currentPassword', messageKey: 'errors.currentPasswordWrong' },
    });
    expect(controller.getState().status).toBe('signedIn');
    expect(adapter.signOut).not.toHaveBeenCalled();
  });

  // failSignedIn: a signed-in call that finds the session over signs out here too.
  it.each([
    { cause: 'a revoked access token', failure: revokedToken },
    { cause: 'no local session', failure: () => cognitoFailure('NoSession', 'There is no signed-in session on this device.') },
  ])('changePassword with $cause signs out here too', async ({ failure }) => {
    const { controller, adapter } = await setupSignedIn();
    adapter.changePassword.mockRejectedValue(failure());
    expect(await controller.changePassword('Demo-Passw0rd!', NEW_PASSWORD)).toEqual(sessionEnded);
    expect(adapter.signOut).toHaveBeenCalledTimes(1);
    expect(controller.getState()).toEqual({ status: 'signedOut', expiredChallenge: null });
  });

  it('loadAccountDetails returns the details and brings the user’s attributes up to date', async () => {
    const { controller, adapter } = await setupSignedIn();
    const details: AccountDetails = {
      attributes: { ...demoUser.attributes, phone_number: '+15555550123', phone_number_verified: 'false' },
      mfa: { enabled: ['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'], preferred: 'SOFTWARE_TOKEN_MFA' },
    };
    adapter.getAccountDetails.mockResolvedValue(details);
    expect(await controller.loadAccountDetails()).toEqual({ ok: true, value: details });
    expect(signedInUser(controller)).toEqual({ username: demoUser.username, attributes: details.attributes });
  });

  it('loadAccountDetails on a revoked session signs out', async () => {
    const { controller, adapter } = await setupSignedIn();
    adapter.getAccountDetails.mockRejectedValue(revokedToken());
    expect(await controller.loadAccountDetails()).toEqual(sessionEnded);
    expect(adapter.signOut).toHaveBeenCalled();
    expect(controller.getState().status).toBe('signedOut');
  });

  it('setMfaPreference passes the changes on', async () => {
    const { controller, adapter } = await setupSignedIn();
    adapter.setMfaPreference.mockResolvedValue(undefined);
    const changes = { EMAIL_OTP: { enabled: true, preferred: true }, SMS_MFA: { enabled: false } };
    expect(await controller.setMfaPreference(changes)).toEqual(ok);
    expect(adapter.setMfaPreference).toHaveBeenCalledWith(changes);
  });

  it('setMfaPreference explains a method the user cannot receive, staying signed in', async () => {
    const { controller, adapter } = await setupSignedIn();
    adapter.setMfaPreference.mockRejectedValue(
      cognitoFailure('InvalidParameterException', 'User does not have delivery config set to turn on SMS_MFA'),
    );
    expect(await controller.setMfaPreference({ SMS_MFA: { enabled: true } })).toEqual({
      ok: false,
      error: { kind: 'form', messageKey: 'errors.mfaNeedsVerifiedPhone' },
    });
    expect(controller.getState().status).toBe('signedIn');
  });

  it('startAuthenticatorSetup returns the key', async () => {
    const { controller, adapter } = await setupSignedIn();
    adapter.startAuthenticatorSetup.mockResolvedValue({ secret: AUTHENTICATOR_KEY });
    expect(await controller.startAuthenticatorSetup()).toEqual({ ok: true, value: { secret: AUTHENTICATOR_KEY } });
  });

  it('confirmAuthenticatorSetup verifies the key, then makes it the preferred sign-in step', async () => {
    const { controller, adapter } = await setupSignedIn();
    adapter.confirmAuthenticatorSetup.mockResolvedValue(undefined);
    adapter.setMfaPreference.mockResolvedValue(undefined);
    expect(await controller.confirmAuthenticatorSetup(' 123 456 ', 'My phone')).toEqual(ok);
    expect(adapter.confirmAuthenticatorSetup).toHaveBeenCalledWith('123456', 'My phone');
    expect(adapter.setMfaPreference).toHaveBeenCalledWith({ SOFTWARE_TOKEN_MFA: { enabled: true, preferred: true } });
    expect(adapter.confirmAuthenticatorSetup.mock.invocationCallOrder[0]).toBeLessThan(
      adapter.setMfaPreference.mock.invocationCallOrder[0] ?? 0,
    );
  });

  it('confirmAuthenticatorSetup with a wrong code turns nothing on', async () => {
    const { controller, adapter } = await setupSignedIn();
    adapter.confirmAuthenticatorSetup.mockRejectedValue(codeMismatch());
    expect(await controller.confirmAuthenticatorSetup('654321', 'My phone')).toEqual({ ok: false, error: codeMismatchError });
    expect(adapter.setMfaPreference).not.toHaveBeenCalled();
    expect(controller.getState().status).toBe('signedIn');
  });

  it('sendAttributeVerificationCode returns where the code went', async () => {
    const { controller, adapter } = await setupSignedIn();
    const sms: CodeDelivery = { destination: '+*******0123', medium: 'SMS', attributeName: 'phone_number' };
    adapter.sendAttributeVerificationCode.mockResolvedValue(sms);
    expect(await controller.sendAttributeVerificationCode('phone_number')).toEqual({ ok: true, value: sms });
    expect(adapter.sendAttributeVerificationCode).toHaveBeenCalledWith('phone_number');
  });

  it('verifyAttribute marks the attribute verified, leaving the others', async () => {
    const adapter = createFakeAuthAdapter();
    const phone = { phone_number: '+15555550123', phone_number_verified: 'false' };
    adapter.currentSession.mockResolvedValue({ ...demoUser, attributes: { ...demoUser.attributes, ...phone } });
    const { controller } = setup({ adapter });
    await controller.start();
    adapter.verifyAttribute.mockResolvedValue(undefined);
    expect(await controller.verifyAttribute('phone_number', ' 123 456 ')).toEqual(ok);
    expect(adapter.verifyAttribute).toHaveBeenCalledWith('phone_number', '123456');
    expect(signedInUser(controller).attributes).toEqual({
      ...demoUser.attributes,
      phone_number: '+15555550123',
      phone_number_verified: 'true',
    });
  });

  it('verifyAttribute with a wrong code changes nothing', async () => {
    const { controller, adapter } = await setupSignedIn();
    adapter.verifyAttribute.mockRejectedValue(codeMismatch());
    const before = controller.getState();
    expect(await controller.verifyAttribute('email', '000000')).toEqual({ ok: false, error: codeMismatchError });
    expect(controller.getState()).toBe(before);
  });

  it('signOut forgets the session', async () => {
    const { controller, adapter } = await setupSignedIn();
    await controller.signOut();
    expect(adapter.signOut).toHaveBeenCalledTimes(1);
    expect(controller.getState()).toEqual({ status: 'signedOut', expiredChallenge: null });
  });

  it('signOutEverywhere signs out after the global sign-out', async () => {
    const { controller, adapter } = await setupSignedIn();
    adapter.globalSignOut.mockResolvedValue(undefined);
    expect(await controller.signOutEverywhere()).toEqual(ok);
    expect(controller.getState()).toEqual({ status: 'signedOut', expiredChallenge: null });
  });

  it('signOutEverywhere stays signed in when the pool cannot be reached', async () => {
    const { controller, adapter } = await setupSignedIn();
    adapter.globalSignOut.mockRejectedValue(networkError());
    expect(await controller.signOutEverywhere()).toEqual({
      ok: false,
      error: { kind: 'form', messageKey: 'errors.network', retryable: true },
    });
    expect(controller.getState().status).toBe('signedIn');
    expect(adapter.signOut).not.toHaveBeenCalled();
  });

  it('signOutEverywhere on an already revoked session signs out here too', async () => {
    const { controller, adapter } = await setupSignedIn();
    adapter.globalSignOut.mockRejectedValue(revokedToken());
    expect(await controller.signOutEverywhere()).toEqual(sessionEnded);
    expect(adapter.signOut).toHaveBeenCalledTimes(1);
    expect(controller.getState().status).toBe('signedOut');
  });
});

describe('subscribe', () => {
  it('notifies on every change of state, and the state object stays the same between changes', async () => {
    const { controller } = await setupSignedOut();
    const listener = vi.fn();
    controller.subscribe(listener);
    const before = controller.getState();
    expect(controller.getState()).toBe(before); // useSyncExternalStore needs a stable snapshot

    controller.startResetFromLink('demo.user');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(controller.getState()).not.toBe(before);
  });

  it('does not notify when a command changes nothing', async () => {
    const { controller } = await setupSignedOut();
    const listener = vi.fn();
    controller.subscribe(listener);
    controller.clearExpiredChallenge(); // no notice to clear
    controller.expireChallenge(); // no challenge to expire
    expect(listener).not.toHaveBeenCalled();
  });

  it('notifies the start-up result', async () => {
    const adapter = createFakeAuthAdapter({ currentSession: () => Promise.resolve(demoUser) });
    const { controller } = setup({ adapter });
    const listener = vi.fn(() => expect(controller.getState().status).toBe('signedIn'));
    controller.subscribe(listener);
    await controller.start();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('stops notifying after unsubscribe, leaving other listeners subscribed', async () => {
    const { controller } = await setupSignedOut();
    const gone = vi.fn();
    const staying = vi.fn();
    const unsubscribe = controller.subscribe(gone);
    controller.subscribe(staying);
    unsubscribe();
    controller.startResetFromLink('demo.user');
    expect(gone).not.toHaveBeenCalled();
    expect(staying).toHaveBeenCalledTimes(1);
  });

  it('listeners changing the subscriptions during a notification affect only later changes', async () => {
    const { controller } = await setupSignedOut();
    const late = vi.fn();
    const others = vi.fn();
    const unsubscribe: () => void = controller.subscribe(() => {
      unsubscribe();
      controller.subscribe(late);
    });
    controller.subscribe(others);

    controller.startResetFromLink('demo.user');
    expect(others).toHaveBeenCalledTimes(1);
    expect(late).not.toHaveBeenCalled();

    controller.startResetFromLink('other.user');
    expect(late).toHaveBeenCalledTimes(1);
    expect(others).toHaveBeenCalledTimes(2);
  });
});
