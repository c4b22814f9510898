import {
  toAuthFailure,
  type AccountDetails,
  type AdapterChallenge,
  type AdapterStepResult,
  type AuthAdapter,
  type ChallengeHandle,
  type MfaPreferenceChanges,
  type VerifiableAttribute,
} from './adapter';
import type { ActionOutcome, CodeDelivery, SignInOutcome, StepOutcome, UiError } from './auth-types';
import type { ChallengeStore } from './challenge-storage';
import { MFA_CODE_CHALLENGES, type ChallengeDetails, type ChallengeName, type MfaMethod } from './challenges';
import { toUiError, unsupportedChallengeError, type AuthOperation } from './errors';
import {
  attributesToRequest,
  attributesToSend,
  challengeExpiresAt,
  flowReducer,
  initialFlowState,
  type AuthState,
  type FlowEvent,
  type FlowState,
  type PendingChallenge,
} from './flow';

/**
 * The auth flow's orchestration, without React: commands in, state out. Each command calls the adapter,
 * turns its answer into one flow event, and decides once what is saved for a reload (a challenge's Session
 * and what its screen shows; never a password, a code or a key). The provider only subscribes to it.
 */
export interface AuthController {
  getState(): AuthState;
  subscribe(listener: () => void): () => void;
  /** Start-up: a stored session wins; otherwise a challenge saved before a reload, if still alive. Runs once. */
  start(): Promise<void>;

  signIn(username: string, password: string): Promise<SignInOutcome>;
  /** NEW_PASSWORD_REQUIRED: sends only the attributes the challenge asked for (never *_verified or sub). */
  completeNewPassword(newPassword: string, attributes: Record<string, string>): Promise<StepOutcome>;
  /** SMS_MFA, EMAIL_OTP or SOFTWARE_TOKEN_MFA: the code the user typed. */
  answerMfaCode(code: string): Promise<StepOutcome>;
  /** SELECT_MFA_TYPE. */
  chooseMfaMethod(method: MfaMethod): Promise<StepOutcome>;
  /** MFA_SETUP: asks Cognito for the authenticator key (again after a reload, which forgets it). */
  requestAuthenticatorKey(): Promise<ActionOutcome>;
  /** MFA_SETUP: the first code from the authenticator app. */
  verifyAuthenticator(code: string, deviceName: string): Promise<StepOutcome>;
  /** The countdown reached zero. */
  expireChallenge(): void;
  clearExpiredChallenge(): void;
  /** "Back to sign in". */
  abandonChallenge(): void;

  requestPasswordReset(username: string): Promise<ActionOutcome<CodeDelivery>>;
  resendResetCode(): Promise<ActionOutcome<CodeDelivery>>;
  /** A ?username=&code= link opened with no pending reset. */
  startResetFromLink(username: string): void;
  confirmPasswordReset(code: string, newPassword: string): Promise<ActionOutcome>;

  changePassword(currentPassword: string, newPassword: string): Promise<ActionOutcome>;
  /** GetUser; also brings the signed-in user's attributes in the state up to date. */
  loadAccountDetails(): Promise<ActionOutcome<AccountDetails>>;
  setMfaPreference(changes: MfaPreferenceChanges): Promise<ActionOutcome>;
  startAuthenticatorSetup(): Promise<ActionOutcome<{ secret: string }>>;
  /** Verifies the new authenticator, then turns it on as the preferred sign-in step. */
  confirmAuthenticatorSetup(code: string, deviceName: string): Promise<ActionOutcome>;
  sendAttributeVerificationCode(attribute: VerifiableAttribute): Promise<ActionOutcome<CodeDelivery>>;
  /** VerifyUserAttribute; the attribute reads as verified in the state on success. */
  verifyAttribute(attribute: VerifiableAttribute, code: string): Promise<ActionOutcome>;
  signOut(): Promise<void>;
  signOutEverywhere(): Promise<ActionOutcome>;
}

export interface AuthControllerOptions {
  adapter: AuthAdapter;
  store: ChallengeStore;
  /** The app client's AuthSessionValidity: how long each challenge Session lives. */
  challengeSessionMinutes: number;
  now?: () => number;
}

const ok = { ok: true, value: undefined } as const;
const fail = (error: UiError) => ({ ok: false as const, error });
const failed = (error: UiError) => ({ kind: 'failed' as const, error });

/** What Cognito answers a Session it no longer accepts; used when our own clock says so first. */
const EXPIRED_SESSION = { code: 'NotAuthorizedException', message: 'Invalid session for the user, session is expired.' };

/** Codes are pasted as "123 456" from messages and authenticator apps. */
const withoutSpaces = (code: string) => code.replace(/\s+/g, '');

function isOneOf<N extends ChallengeName>(
  challenge: PendingChallenge,
  names: readonly N[],
): challenge is Extract<PendingChallenge, { name: N }> {
  return (names as readonly ChallengeName[]).includes(challenge.name);
}

/** What the flow keeps of a challenge Cognito sent (filters NEW_PASSWORD_REQUIRED's attribute list once). */
function toDetails(challenge: AdapterChallenge): ChallengeDetails {
  switch (challenge.name) {
    case 'NEW_PASSWORD_REQUIRED':
      return {
        name: challenge.name,
        requiredAttributes: attributesToRequest(challenge.requiredAttributes, challenge.userAttributes),
      };
    case 'MFA_SETUP':
      return { name: challenge.name, methods: challenge.methods, secret: null };
    default:
      return challenge;
  }
}

export function createAuthController({ adapter, store, challengeSessionMinutes, now = Date.now }: AuthControllerOptions): AuthController {
  // With nothing stored at all (no session, no saved challenge) there is nothing to restore: start signed
  // out at once, so a visitor gets the form in the first render instead of a "checking" state first.
  let state: FlowState =
    adapter.hasStoredSession?.() === false && store.read() === null
      ? flowReducer(initialFlowState, { type: 'nothingRestored', expiredChallenge: null })
      : initialFlowState;
  const listeners = new Set<() => void>();
  let started: Promise<void> | null = null;

  function dispatch(event: FlowEvent): void {
    const next = flowReducer(state, event);
    if (next === state) return;
    state = next;
    for (const listener of [...listeners]) listener();
  }

  function saveChallenge(challenge: PendingChallenge): void {
    store.save({
      username: challenge.username,
      sessionUsername: challenge.handle.username,
      session: challenge.handle.session,
      expiresAt: challenge.expiresAt,
      passwordChanged: challenge.passwordChanged,
      challenge,
    });
  }

  /** A new challenge from Cognito: its Session's lifetime runs from this answer, so the clock starts now. */
  function beginChallenge(handle: ChallengeHandle, challenge: AdapterChallenge, username: string, passwordChanged: boolean) {
    const pending: PendingChallenge = {
      ...toDetails(challenge),
      handle,
      username,
      expiresAt: challengeExpiresAt(now(), challengeSessionMinutes),
      passwordChanged,
    };
    saveChallenge(pending);
    dispatch({ type: 'challengeStarted', challenge: pending });
  }

  /** The pending challenge, or null (after expiring it) when our clock says its Session is over. */
  function liveChallenge(): PendingChallenge | null {
    if (state.status !== 'challenge') return null;
    if (state.challenge.expiresAt <= now()) {
      expireChallenge();
      return null;
    }
    return state.challenge;
  }

  function expireChallenge(): void {
    store.clear();
    dispatch({ type: 'challengeExpired' });
  }

  /** Where a challenge's answer leads: signed in, the next challenge, or (for a step this app cannot take) back to sign-in. */
  function afterStep(result: AdapterStepResult, previous: PendingChallenge, passwordChanged: boolean): StepOutcome {
    switch (result.kind) {
      case 'signedIn':
        store.clear();
        dispatch({ type: 'signedIn', user: result.user });
        return { kind: 'signedIn' };
      case 'challenge':
        beginChallenge(result.handle, result.challenge, previous.username, passwordChanged);
        return { kind: 'challenge', name: result.challenge.name };
      case 'unsupportedChallenge':
        store.clear();
        dispatch({ type: 'challengeAbandoned' });
        return failed(unsupportedChallengeError(result.name));
    }
  }

  /** A failed challenge answer: a Session Cognito no longer accepts ends the challenge here too. */
  function challengeFailure(error: unknown, operation: AuthOperation): UiError {
    const uiError = toUiError(toAuthFailure(error), operation);
    if (uiError.kind === 'sessionExpired') expireChallenge();
    return uiError;
  }

  /** Runs one answer to the pending challenge, if it is one of `names` and still alive. */
  async function answerChallenge<N extends ChallengeName>(
    operation: AuthOperation,
    names: readonly N[],
    send: (challenge: Extract<PendingChallenge, { name: N }>) => Promise<AdapterStepResult>,
    options: { passwordChanged?: true; when?: (challenge: Extract<PendingChallenge, { name: N }>) => boolean } = {},
  ): Promise<StepOutcome> {
    const challenge = liveChallenge();
    if (!challenge || !isOneOf(challenge, names) || (options.when && !options.when(challenge))) {
      return failed(toUiError(EXPIRED_SESSION, operation));
    }
    try {
      return afterStep(await send(challenge), challenge, options.passwordChanged ?? challenge.passwordChanged);
    } catch (error) {
      return failed(challengeFailure(error, operation));
    }
  }

  /** A signed-in operation found the session over: forget it here too, and let the screen say so. */
  async function failSignedIn(error: unknown, operation: AuthOperation) {
    const uiError = toUiError(toAuthFailure(error), operation);
    if (uiError.kind === 'sessionExpired') {
      await adapter.signOut();
      dispatch({ type: 'signedOut' });
    }
    return fail(uiError);
  }

  async function signedInCall<T>(operation: AuthOperation, call: () => Promise<T>): Promise<ActionOutcome<T>> {
    try {
      return { ok: true, value: await call() };
    } catch (error) {
      return failSignedIn(error, operation);
    }
  }

  return {
    getState: () => state,

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    start() {
      started ??= (async () => {
        if (state.status !== 'loading') return; // nothing was stored
        let user = null;
        try {
          user = await adapter.currentSession();
        } catch {
          user = null; // unreachable pool: start signed out; the stored tokens are kept for the next load
        }
        const saved = store.read();
        if (user) {
          store.clear();
          dispatch({ type: 'sessionRestored', user });
          return;
        }
        if (saved && saved.expiresAt > now()) {
          const handle = adapter.resumeChallenge({ username: saved.sessionUsername ?? saved.username, session: saved.session });
          dispatch({
            type: 'challengeRestored',
            challenge: {
              ...saved.challenge,
              handle,
              username: saved.username,
              expiresAt: saved.expiresAt,
              passwordChanged: saved.passwordChanged,
            },
          });
          return;
        }
        store.clear();
        dispatch({
          type: 'nothingRestored',
          expiredChallenge: saved
            ? { username: saved.username, name: saved.challenge.name, passwordChanged: saved.passwordChanged }
            : null,
        });
      })();
      return started;
    },

    async signIn(username, password) {
      const trimmedUsername = username.trim();
      try {
        const result = await adapter.signIn(trimmedUsername, password);
        switch (result.kind) {
          case 'signedIn':
            store.clear();
            dispatch({ type: 'signedIn', user: result.user });
            return { kind: 'signedIn' };
          case 'challenge':
            // What the user typed is what they know (Cognito may know them by another name, e.g. after an alias sign-in).
            beginChallenge(result.handle, result.challenge, trimmedUsername, false);
            return { kind: 'challenge', name: result.challenge.name };
          case 'passwordResetRequired':
            store.clear();
            dispatch({ type: 'resetStarted', reset: { username: trimmedUsername, reason: 'adminReset', delivery: null } });
            return { kind: 'passwordResetRequired', delivery: null };
          case 'unsupportedChallenge':
            return failed(unsupportedChallengeError(result.name));
        }
      } catch (error) {
        return failed(toUiError(toAuthFailure(error), 'signIn'));
      }
    },

    completeNewPassword(newPassword, attributes) {
      return answerChallenge(
        'newPassword',
        ['NEW_PASSWORD_REQUIRED'],
        (challenge) =>
          adapter.completeNewPassword(challenge.handle, newPassword, attributesToSend(challenge.requiredAttributes, attributes)),
        // Whatever Cognito asks next, the password is already set.
        { passwordChanged: true },
      );
    },

    answerMfaCode(code) {
      return answerChallenge('mfaCode', MFA_CODE_CHALLENGES, (challenge) =>
        adapter.answerMfaCode(challenge.handle, challenge.name, withoutSpaces(code)),
      );
    },

    chooseMfaMethod(method) {
      return answerChallenge('chooseMfa', ['SELECT_MFA_TYPE'], (challenge) => adapter.chooseMfaMethod(challenge.handle, method), {
        when: (challenge) => challenge.methods.includes(method),
      });
    },

    async requestAuthenticatorKey() {
      const challenge = liveChallenge();
      if (!challenge || challenge.name !== 'MFA_SETUP') return fail(toUiError(EXPIRED_SESSION, 'authenticatorSetup'));
      try {
        const { secret, handle } = await adapter.associateAuthenticator(challenge.handle);
        dispatch({ type: 'authenticatorKeyReceived', secret, handle });
        // The new Session replaces the saved one; the key itself is never saved.
        if (state.status === 'challenge') saveChallenge(state.challenge);
        return ok;
      } catch (error) {
        return fail(challengeFailure(error, 'authenticatorSetup'));
      }
    },

    verifyAuthenticator(code, deviceName) {
      return answerChallenge(
        'authenticatorSetup',
        ['MFA_SETUP'],
        (challenge) => adapter.verifyAuthenticator(challenge.handle, withoutSpaces(code), deviceName),
        { when: (challenge) => challenge.secret !== null },
      );
    },

    expireChallenge,

    clearExpiredChallenge() {
      dispatch({ type: 'expiredChallengeCleared' });
    },

    abandonChallenge() {
      store.clear();
      dispatch({ type: 'challengeAbandoned' });
    },

    async requestPasswordReset(username) {
      const trimmedUsername = username.trim();
      try {
        const delivery = await adapter.forgotPassword(trimmedUsername);
        store.clear();
        dispatch({ type: 'resetStarted', reset: { username: trimmedUsername, reason: 'forgotten', delivery } });
        return { ok: true, value: delivery };
      } catch (error) {
        return fail(toUiError(toAuthFailure(error), 'forgotPassword'));
      }
    },

    async resendResetCode() {
      if (state.status !== 'resetPending') return fail({ kind: 'form', messageKey: 'errors.noPendingReset' });
      try {
        const delivery = await adapter.forgotPassword(state.reset.username);
        dispatch({ type: 'resetCodeResent', delivery });
        return { ok: true, value: delivery };
      } catch (error) {
        return fail(toUiError(toAuthFailure(error), 'forgotPassword'));
      }
    },

    startResetFromLink(username) {
      store.clear();
      dispatch({ type: 'resetStarted', reset: { username: username.trim(), reason: 'forgotten', delivery: null } });
    },

    async confirmPasswordReset(code, newPassword) {
      if (state.status !== 'resetPending') return fail({ kind: 'form', messageKey: 'errors.noPendingReset' });
      try {
        await adapter.confirmForgotPassword(state.reset.username, code.trim(), newPassword);
        dispatch({ type: 'resetCompleted' });
        return ok;
      } catch (error) {
        return fail(toUiError(toAuthFailure(error), 'confirmReset'));
      }
    },

    changePassword(currentPassword, newPassword) {
      return signedInCall('changePassword', () => adapter.changePassword(currentPassword, newPassword));
    },

    loadAccountDetails() {
      return signedInCall('accountSettings', async () => {
        const details = await adapter.getAccountDetails();
        dispatch({ type: 'userAttributesRead', attributes: details.attributes });
        return details;
      });
    },

    setMfaPreference(changes) {
      return signedInCall('accountSettings', () => adapter.setMfaPreference(changes));
    },

    startAuthenticatorSetup() {
      return signedInCall('authenticatorSetup', () => adapter.startAuthenticatorSetup());
    },

    confirmAuthenticatorSetup(code, deviceName) {
      return signedInCall('authenticatorSetup', async () => {
        await adapter.confirmAuthenticatorSetup(withoutSpaces(code), deviceName);
        // Verifying a key does not make Cognito ask for it at sign-in: that takes the preference.
        await adapter.setMfaPreference({ SOFTWARE_TOKEN_MFA: { enabled: true, preferred: true } });
      });
    },

    sendAttributeVerificationCode(attribute) {
      return signedInCall('verifyAttribute', () => adapter.sendAttributeVerificationCode(attribute));
    },

    verifyAttribute(attribute, code) {
      return signedInCall('verifyAttribute', async () => {
        await adapter.verifyAttribute(attribute, withoutSpaces(code));
        if (state.status === 'signedIn') {
          dispatch({ type: 'userAttributesRead', attributes: { ...state.user.attributes, [`${attribute}_verified`]: 'true' } });
        }
      });
    },

    async signOut() {
      try {
        await adapter.signOut();
      } finally {
        dispatch({ type: 'signedOut' });
      }
    },

    async signOutEverywhere() {
      try {
        await adapter.globalSignOut();
        dispatch({ type: 'signedOut' });
        return ok;
      } catch (error) {
        return failSignedIn(error, 'signOutEverywhere');
      }
    },
  };
}
