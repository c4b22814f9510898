import { createContext, useCallback, useContext, useEffect, useMemo, useReducer, useRef, useState, type ReactNode } from 'react';
import { useConfig } from '../config/config-context';
import { toAuthFailure, type AuthAdapter } from './adapter';
import type {
  ActionOutcome,
  AuthStatus,
  CodeDelivery,
  PendingChallengeView,
  PendingResetView,
  SignInOutcome,
  SignedInUser,
  UiError,
} from './auth-types';
import { createChallengeStore, type ChallengeStore } from './challenge-storage';
import { toUiError, unsupportedChallengeError, type AuthOperation } from './errors';
import {
  attributesToRequest,
  attributesToSend,
  challengeExpiresAt,
  flowReducer,
  initialFlowState,
  type FlowEvent,
  type FlowState,
  type PendingChallenge,
} from './flow';
import { createLazyCognitoAdapter, preloadOnFirstUse } from './lazy-cognito';

export interface AuthContextValue {
  status: AuthStatus;
  user: SignedInUser | null;
  challenge: PendingChallengeView | null;
  /** Set when a challenge ran out (timer, Cognito's "session is expired", or found expired at start-up after a reload): the username to prefill on sign-in. Cleared by clearExpiredChallenge(). */
  expiredChallengeUsername: string | null;
  reset: PendingResetView | null;
  signIn(username: string, password: string): Promise<SignInOutcome>;
  /** Sends only the attributes the challenge asked for (never email_verified, phone_number_verified or sub); on a sessionExpired error clears the challenge and sets expiredChallengeUsername. */
  completeNewPassword(newPassword: string, attributes: Record<string, string>): Promise<ActionOutcome>;
  /** The countdown reached zero. */
  expireChallenge(): void;
  clearExpiredChallenge(): void;
  /** "Back to sign in". */
  abandonChallenge(): void;
  /** Sets reset {reason:'forgotten', delivery}. */
  requestPasswordReset(username: string): Promise<ActionOutcome<CodeDelivery>>;
  /** Uses reset.username; updates delivery. */
  resendResetCode(): Promise<ActionOutcome<CodeDelivery>>;
  /** A ?username=&code= link opened with no pending reset. */
  startResetFromLink(username: string): void;
  /** Uses reset.username; clears reset on success. */
  confirmPasswordReset(code: string, newPassword: string): Promise<ActionOutcome>;
  changePassword(currentPassword: string, newPassword: string): Promise<ActionOutcome>;
  signOut(): Promise<void>;
  signOutEverywhere(): Promise<ActionOutcome>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export interface AuthProviderProps {
  children: ReactNode;
  /** The user pool. Defaults to amazon-cognito-identity-js (loaded on first use) configured from `useConfig()`; tests pass a fake. */
  adapter?: AuthAdapter;
  /** Where a pending challenge survives a reload. Defaults to sessionStorage. */
  challengeStore?: ChallengeStore;
  /** The clock, for tests. */
  now?: () => number;
}

const ok = { ok: true, value: undefined } as const;
const fail = (error: UiError) => ({ ok: false as const, error });

export function AuthProvider({ children, adapter: adapterProp, challengeStore, now = Date.now }: AuthProviderProps) {
  const config = useConfig();
  const adapter = useMemo<AuthAdapter>(() => adapterProp ?? createLazyCognitoAdapter(config), [adapterProp, config]);
  const store = useMemo(() => challengeStore ?? createChallengeStore(), [challengeStore]);
  // With nothing stored at all (no session, no saved challenge) there is nothing to restore: start signed
  // out in the first render, so a visitor gets the form at once instead of a "checking" state first.
  const [startState] = useState<FlowState>(() =>
    adapter.hasStoredSession?.() === false && store.read() === null
      ? flowReducer(initialFlowState, { type: 'nothingRestored', expiredChallengeUsername: null })
      : initialFlowState,
  );
  const [state, dispatchToReact] = useReducer(flowReducer, startState);

  // The async actions below read the latest state, not a stale render's: every event goes through the
  // (pure) reducer here as well, so the ref is current the moment an event is dispatched.
  const stateRef = useRef<FlowState>(startState);
  const dispatch = useCallback((event: FlowEvent) => {
    stateRef.current = flowReducer(stateRef.current, event);
    dispatchToReact(event);
  }, []);
  const nowRef = useRef(now);
  useEffect(() => {
    nowRef.current = now;
  }, [now]);

  // An adapter that loads its SDK on demand gets it in while the user is still typing, not on submit.
  useEffect(() => {
    if (!adapter.preload) return;
    return preloadOnFirstUse(() => adapter.preload?.());
  }, [adapter]);

  // Start-up: a stored session wins; otherwise a challenge saved before a reload, if still alive.
  const restoreStarted = useRef(false);
  useEffect(() => {
    if (restoreStarted.current) return; // once, also under StrictMode's double effects
    restoreStarted.current = true;
    if (stateRef.current.status !== 'loading') return; // nothing was stored
    void (async () => {
      let user: SignedInUser | null = null;
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
      if (saved && saved.expiresAt > nowRef.current()) {
        const handle = adapter.resumeChallenge({ username: saved.sessionUsername ?? saved.username, session: saved.session });
        dispatch({
          type: 'challengeRestored',
          challenge: {
            handle,
            username: saved.username,
            expiresAt: saved.expiresAt,
            requiredAttributes: saved.requiredAttributes,
          },
        });
        return;
      }
      store.clear();
      dispatch({ type: 'nothingRestored', expiredChallengeUsername: saved?.username ?? null });
    })();
  }, [adapter, store, dispatch]);

  const expireChallenge = useCallback(() => {
    store.clear();
    dispatch({ type: 'challengeExpired' });
  }, [store, dispatch]);

  const signIn = useCallback(
    async (username: string, password: string): Promise<SignInOutcome> => {
      const trimmedUsername = username.trim();
      try {
        const result = await adapter.signIn(trimmedUsername, password);
        switch (result.kind) {
          case 'signedIn':
            store.clear();
            dispatch({ type: 'signedIn', user: result.user });
            return { kind: 'signedIn' };
          case 'newPasswordRequired': {
            const challenge: PendingChallenge = {
              handle: result.handle,
              // What the user typed (Cognito may know them by another name, e.g. after an alias sign-in).
              username: trimmedUsername,
              // The Session's lifetime runs from Cognito's answer, so the clock starts now, not on the next screen.
              expiresAt: challengeExpiresAt(nowRef.current(), config.challengeSessionMinutes),
              requiredAttributes: attributesToRequest(result.requiredAttributes, result.userAttributes),
            };
            store.save({
              username: challenge.username,
              sessionUsername: result.handle.username,
              session: result.handle.session,
              expiresAt: challenge.expiresAt,
              requiredAttributes: challenge.requiredAttributes,
            });
            dispatch({ type: 'challengeStarted', challenge });
            return { kind: 'newPasswordRequired' };
          }
          case 'passwordResetRequired':
            store.clear();
            dispatch({ type: 'resetStarted', reset: { username: trimmedUsername, reason: 'adminReset', delivery: null } });
            return { kind: 'passwordResetRequired', delivery: null };
          case 'unsupportedChallenge':
            return { kind: 'failed', error: unsupportedChallengeError(result.name) };
        }
      } catch (error) {
        return { kind: 'failed', error: toUiError(toAuthFailure(error), 'signIn') };
      }
    },
    [adapter, store, dispatch, config.challengeSessionMinutes],
  );

  const completeNewPassword = useCallback(
    async (newPassword: string, attributes: Record<string, string>): Promise<ActionOutcome> => {
      const current = stateRef.current;
      if (current.status !== 'challenge' || current.challenge.expiresAt <= nowRef.current()) {
        // Out of time by our clock: Cognito would only answer "session is expired".
        expireChallenge();
        return fail(toUiError({ code: 'NotAuthorizedException', message: 'Invalid session for the user, session is expired.' }, 'newPassword'));
      }
      const { challenge } = current;
      try {
        const result = await adapter.completeNewPassword(
          challenge.handle,
          newPassword,
          attributesToSend(challenge.requiredAttributes, attributes),
        );
        store.clear();
        if (result.kind === 'signedIn') {
          dispatch({ type: 'signedIn', user: result.user });
          return ok;
        }
        // The password is set but Cognito wants a step this app cannot take: start over from sign-in.
        dispatch({ type: 'challengeAbandoned' });
        return fail(unsupportedChallengeError(result.name));
      } catch (error) {
        const uiError = toUiError(toAuthFailure(error), 'newPassword');
        if (uiError.kind === 'sessionExpired') expireChallenge();
        return fail(uiError);
      }
    },
    [adapter, store, dispatch, expireChallenge],
  );

  const clearExpiredChallenge = useCallback(() => dispatch({ type: 'expiredChallengeCleared' }), [dispatch]);

  const abandonChallenge = useCallback(() => {
    store.clear();
    dispatch({ type: 'challengeAbandoned' });
  }, [store, dispatch]);

  const requestPasswordReset = useCallback(
    async (username: string): Promise<ActionOutcome<CodeDelivery>> => {
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
    [adapter, store, dispatch],
  );

  const resendResetCode = useCallback(async (): Promise<ActionOutcome<CodeDelivery>> => {
    const current = stateRef.current;
    if (current.status !== 'resetPending') return fail({ kind: 'form', messageKey: 'errors.noPendingReset' });
    try {
      const delivery = await adapter.forgotPassword(current.reset.username);
      dispatch({ type: 'resetCodeResent', delivery });
      return { ok: true, value: delivery };
    } catch (error) {
      return fail(toUiError(toAuthFailure(error), 'forgotPassword'));
    }
  }, [adapter, dispatch]);

  const startResetFromLink = useCallback(
    (username: string) => {
      store.clear();
      dispatch({ type: 'resetStarted', reset: { username: username.trim(), reason: 'forgotten', delivery: null } });
    },
    [store, dispatch],
  );

  const confirmPasswordReset = useCallback(
    async (code: string, newPassword: string): Promise<ActionOutcome> => {
      const current = stateRef.current;
      if (current.status !== 'resetPending') return fail({ kind: 'form', messageKey: 'errors.noPendingReset' });
      try {
        await adapter.confirmForgotPassword(current.reset.username, code.trim(), newPassword);
        dispatch({ type: 'resetCompleted' });
        return ok;
      } catch (error) {
        return fail(toUiError(toAuthFailure(error), 'confirmReset'));
      }
    },
    [adapter, dispatch],
  );

  /** A signed-in operation found the session over: forget it here too, and let the screen say so. */
  const failSignedIn = useCallback(
    async (error: unknown, operation: AuthOperation) => {
      const uiError = toUiError(toAuthFailure(error), operation);
      if (uiError.kind === 'sessionExpired') {
        await adapter.signOut();
        dispatch({ type: 'signedOut' });
      }
      return fail(uiError);
    },
    [adapter, dispatch],
  );

  const changePassword = useCallback(
    async (currentPassword: string, newPassword: string): Promise<ActionOutcome> => {
      try {
        await adapter.changePassword(currentPassword, newPassword);
        return ok;
      } catch (error) {
        return failSignedIn(error, 'changePassword');
      }
    },
    [adapter, failSignedIn],
  );

  const signOut = useCallback(async () => {
    try {
      await adapter.signOut();
    } finally {
      dispatch({ type: 'signedOut' });
    }
  }, [adapter, dispatch]);

  const signOutEverywhere = useCallback(async (): Promise<ActionOutcome> => {
    try {
      await adapter.globalSignOut();
      dispatch({ type: 'signedOut' });
      return ok;
    } catch (error) {
      return failSignedIn(error, 'signOutEverywhere');
    }
  }, [adapter, dispatch, failSignedIn]);

  const value = useMemo<AuthContextValue>(
    () => ({
      status: state.status,
      user: state.status === 'signedIn' ? state.user : null,
      challenge:
        state.status === 'challenge'
          ? {
              username: state.challenge.username,
              expiresAt: state.challenge.expiresAt,
              requiredAttributes: state.challenge.requiredAttributes,
            }
          : null,
      expiredChallengeUsername: state.status === 'signedOut' ? state.expiredChallengeUsername : null,
      reset: state.status === 'resetPending' ? state.reset : null,
      signIn,
      completeNewPassword,
      expireChallenge,
      clearExpiredChallenge,
      abandonChallenge,
      requestPasswordReset,
      resendResetCode,
      startResetFromLink,
      confirmPasswordReset,
      changePassword,
      signOut,
      signOutEverywhere,
    }),
    [
      state,
      signIn,
      completeNewPassword,
      expireChallenge,
      clearExpiredChallenge,
      abandonChallenge,
      requestPasswordReset,
      resendResetCode,
      startResetFromLink,
      confirmPasswordReset,
      changePassword,
      signOut,
      signOutEverywhere,
    ],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth() must be used inside <AuthProvider>.');
  return value;
}
