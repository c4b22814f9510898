/**
 * The only module that talks to amazon-cognito-identity-js (CIJ). It turns CIJ's callbacks into
 * promises with typed results, and CIJ's errors into {@link AuthFailure}s; no SDK type leaves this file.
 */
import {
  AuthenticationDetails,
  CognitoAccessToken,
  CognitoIdToken,
  CognitoRefreshToken,
  CognitoUser,
  CognitoUserPool,
  CognitoUserSession,
  type ICognitoStorage,
  type IAuthenticationCallback,
} from 'amazon-cognito-identity-js';
import type { AppConfig } from '../config/schema';
import {
  AuthFailureError,
  isRetryableFailure,
  toAuthFailure,
  type AdapterChallengeResult,
  type AdapterSignInResult,
  type AuthAdapter,
  type ChallengeHandle,
} from './adapter';
import type { CodeDelivery, SignedInUser } from './auth-types';

export type CognitoAdapterConfig = Pick<
  AppConfig,
  'userPoolId' | 'userPoolClientId' | 'endpoint' | 'authenticationFlowType' | 'tokenStorage'
>;

export interface CognitoAdapterOptions {
  /** Where CIJ keeps the tokens; defaults to the browser storage named by `tokenStorage`. */
  storage?: ICognitoStorage;
  /** How long signOut() waits for the refresh token's revocation before resolving anyway. */
  revocationWaitMs?: number;
}

/** CIJ keeps the challenge `Session` on this public-but-untyped field. */
type CognitoUserWithSession = CognitoUser & { Session: string | null };
/** CIJ's `revokeTokens` exists (and is what `signOut(callback)` uses) but is missing from its typings. */
type RevocableCognitoUser = CognitoUser & { revokeTokens(callback: (error?: unknown) => void): void };

/** Claims of an ID token that describe the token rather than the user. */
const TOKEN_CLAIMS = new Set([
  'aud',
  'iss',
  'exp',
  'iat',
  'nbf',
  'auth_time',
  'token_use',
  'jti',
  'origin_jti',
  'event_id',
  'at_hash',
  'nonce',
  'cognito:username',
  'cognito:groups',
  'cognito:roles',
  'cognito:preferred_role',
  'identities',
]);


class CognitoChallenge implements ChallengeHandle {
  readonly user: CognitoUserWithSession;
  constructor(user: CognitoUser) {
    this.user = user as CognitoUserWithSession;
  }
  get username(): string {
    return this.user.getUsername();
  }
  get session(): string {
    return this.user.Session ?? '';
  }
}

class MemoryStorage implements ICognitoStorage {
  private readonly items = new Map<string, string>();
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  clear() {
    this.items.clear();
  }
}

/**
 * SRP's big-number maths blocks the main thread for hundreds of milliseconds. Waiting for a frame first
 * lets the form paint its pending state. The timeout covers hidden tabs, where frames never come.
 */
function yieldToPaint(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 50);
    if (typeof requestAnimationFrame !== 'function') return;
    requestAnimationFrame(() => {
      clearTimeout(fallback);
      setTimeout(resolve, 0);
    });
  });
}

function noSession(): AuthFailureError {
  return new AuthFailureError('NoSession', 'There is no signed-in session on this device.');
}

function toStringRecord(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  const record: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === null || item === undefined) continue;
    record[key] = typeof item === 'string' ? item : JSON.stringify(item);
  }
  return record;
}

function toStringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function toCodeDelivery(data: unknown): CodeDelivery {
  const details = (data as { CodeDeliveryDetails?: Record<string, unknown> } | null)?.CodeDeliveryDetails;
  if (!details || typeof details.Destination !== 'string') {
    throw new AuthFailureError('UnknownError', 'The answer did not say where the code was sent.');
  }
  return {
    destination: details.Destination,
    medium: details.DeliveryMedium === 'SMS' ? 'SMS' : 'EMAIL',
    attributeName: typeof details.AttributeName === 'string' ? details.AttributeName : '',
  };
}

function signedInUser(user: CognitoUser, session: CognitoUserSession): SignedInUser {
  const payload: Record<string, unknown> = session.getIdToken().decodePayload();
  const attributes: Record<string, string> = {};
  for (const [claim, value] of Object.entries(payload)) {
    if (TOKEN_CLAIMS.has(claim) || value === null || value === undefined) continue;
    attributes[claim] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  const username = payload['cognito:username'];
  return { username: typeof username === 'string' ? username : user.getUsername(), attributes };
}

type ClientCallback = (error: unknown, result?: unknown) => void;
/** CIJ's HTTP client, public on every pool but absent from its typings. */
interface CognitoClient {
  request(operation: string, params: unknown, callback: ClientCallback): void;
  requestWithRetry(operation: string, params: unknown, callback: ClientCallback): void;
}

/**
 * CIJ retries every failure of a token refresh or revocation for about 6 s (waits of 0.2 to 3.2 s), a
 * revoked or expired refresh token included: a user signed out everywhere from another device would watch
 * the loading state for 6 s before reaching sign-in. Only a failure that may pass is worth those retries.
 */
function retryOnlyRetryableFailures(pool: CognitoUserPool): void {
  const client = (pool as CognitoUserPool & { client: CognitoClient }).client;
  const requestWithRetry = client.requestWithRetry.bind(client);
  client.requestWithRetry = (operation, params, callback) => {
    client.request(operation, params, (error, result) => {
      if (error && isRetryableFailure(toAuthFailure(error))) requestWithRetry(operation, params, callback);
      else callback(error, result);
    });
  };
}

export function createCognitoAdapter(config: CognitoAdapterConfig, options: CognitoAdapterOptions = {}): AuthAdapter {
  // Security: CIJ needs a synchronous Storage, so the tokens are readable by any script on this origin
  // either way. localStorage keeps the session across tabs and restarts; sessionStorage ends it with the tab.
  const storage: ICognitoStorage =
    options.storage ?? (config.tokenStorage === 'sessionStorage' ? window.sessionStorage : window.localStorage);
  const revocationWaitMs = options.revocationWaitMs ?? 3000;
  const pool = new CognitoUserPool({
    UserPoolId: config.userPoolId,
    ClientId: config.userPoolClientId,
    endpoint: config.endpoint,
    Storage: storage,
  });
  retryOnlyRetryableFailures(pool);

  function newUser(username: string, userStorage: ICognitoStorage = storage): CognitoUser {
    const user = new CognitoUser({ Username: username, Pool: pool, Storage: userStorage });
    user.setAuthenticationFlowType(config.authenticationFlowType);
    return user;
  }

  /**
   * The stored session, refreshed by CIJ when the access or ID token has expired. On a dropped connection
   * CIJ retries the refresh for about 6 s before this settles with a NetworkError (retryOnlyRetryableFailures).
   */
  function getSession(user: CognitoUser): Promise<CognitoUserSession> {
    return new Promise((resolve, reject) => {
      user.getSession((error: unknown, session: CognitoUserSession | null) => {
        if (session && !error) {
          resolve(session);
          return;
        }
        const failure = toAuthFailure(error);
        // CIJ's own "please authenticate" errors carry no code: there is simply no usable session.
        reject(failure.code === 'UnknownError' ? noSession() : failure);
      });
    });
  }

  /** Tokens as stored, without refreshing them (revocation works with an expired access token). */
  function storedSession(user: CognitoUser): CognitoUserSession | null {
    const prefix = `CognitoIdentityServiceProvider.${config.userPoolClientId}.${user.getUsername()}`;
    const idToken = storage.getItem(`${prefix}.idToken`);
    const accessToken = storage.getItem(`${prefix}.accessToken`);
    const refreshToken = storage.getItem(`${prefix}.refreshToken`);
    if (!idToken || !accessToken || !refreshToken) return null;
    try {
      return new CognitoUserSession({
        IdToken: new CognitoIdToken({ IdToken: idToken }),
        AccessToken: new CognitoAccessToken({ AccessToken: accessToken }),
        RefreshToken: new CognitoRefreshToken({ RefreshToken: refreshToken }),
      });
    } catch {
      return null; // unreadable tokens: nothing worth revoking
    }
  }

  /** A CognitoUser carrying a challenge Session saved before a reload. */
  function resumedUser({ username, session }: { username: string; session: string }): CognitoUser {
    const user = newUser(username) as CognitoUserWithSession;
    user.Session = session;
    return user;
  }

  function challengeUser(handle: ChallengeHandle): CognitoUser {
    return handle instanceof CognitoChallenge ? handle.user : resumedUser(handle);
  }

  /** Callbacks that map CIJ's answer to a result (a promise settles once, so only CIJ's first call counts). */
  function challengeCallbacks(
    user: CognitoUser,
    settle: {
      resolve(result: AdapterSignInResult): void;
      reject(failure: AuthFailureError): void;
    },
  ): IAuthenticationCallback {
    const unsupported = (name: string) => settle.resolve({ kind: 'unsupportedChallenge', name });
    return {
      onSuccess: (session) => {
        try {
          settle.resolve({ kind: 'signedIn', user: signedInUser(user, session) });
        } catch (error) {
          settle.reject(toAuthFailure(error));
        }
      },
      onFailure: (error: unknown) => {
        const failure = toAuthFailure(error);
        // Cognito answers an administrator's reset with this exception, after the password was proven.
        if (failure.code === 'PasswordResetRequiredException') settle.resolve({ kind: 'passwordResetRequired' });
        else settle.reject(failure);
      },
      newPasswordRequired: (userAttributes: unknown, requiredAttributes: unknown) =>
        settle.resolve({
          kind: 'newPasswordRequired',
          handle: new CognitoChallenge(user),
          userAttributes: toStringRecord(userAttributes),
          requiredAttributes: toStringArray(requiredAttributes),
        }),
      mfaRequired: (name) => unsupported(name ?? 'SMS_MFA'),
      totpRequired: (name) => unsupported(name ?? 'SOFTWARE_TOKEN_MFA'),
      selectMFAType: (name) => unsupported(name ?? 'SELECT_MFA_TYPE'),
      mfaSetup: (name) => unsupported(name ?? 'MFA_SETUP'),
      customChallenge: () => unsupported('CUSTOM_CHALLENGE'),
    };
  }

  /** CIJ's callback API as a promise that rejects with AuthFailures only (also for synchronous throws). */
  function fromCallbacks<T>(executor: (resolve: (value: T) => void, reject: (failure: AuthFailureError) => void) => void) {
    return new Promise<T>(executor).catch((error: unknown) => {
      throw toAuthFailure(error);
    });
  }

  return {
    async signIn(username, password) {
      const user = newUser(username);
      if (config.authenticationFlowType === 'USER_SRP_AUTH') await yieldToPaint();
      return fromCallbacks<AdapterSignInResult>((resolve, reject) => {
        user.authenticateUser(
          new AuthenticationDetails({ Username: username, Password: password }),
          challengeCallbacks(user, { resolve, reject }),
        );
      });
    },

    async completeNewPassword(handle, newPassword, attributes) {
      const user = challengeUser(handle);
      const result = await fromCallbacks<AdapterSignInResult>((resolve, reject) => {
        user.completeNewPasswordChallenge(newPassword, attributes, challengeCallbacks(user, { resolve, reject }));
      });
      if (result.kind === 'signedIn' || result.kind === 'unsupportedChallenge') return result;
      // Another NEW_PASSWORD_REQUIRED (or a reset) right after answering one is not a flow this app knows.
      const name = result.kind === 'newPasswordRequired' ? 'NEW_PASSWORD_REQUIRED' : 'PASSWORD_RESET_REQUIRED';
      return { kind: 'unsupportedChallenge', name } satisfies AdapterChallengeResult;
    },

    resumeChallenge(saved) {
      return new CognitoChallenge(resumedUser(saved));
    },

    forgotPassword(username) {
      const user = newUser(username);
      return fromCallbacks<CodeDelivery>((resolve, reject) => {
        const delivered = (data: unknown) => {
          try {
            resolve(toCodeDelivery(data));
          } catch (error) {
            reject(toAuthFailure(error));
          }
        };
        user.forgotPassword({
          onSuccess: delivered,
          inputVerificationCode: delivered,
          onFailure: (error) => reject(toAuthFailure(error)),
        });
      });
    },

    confirmForgotPassword(username, code, newPassword) {
      const user = newUser(username);
      return fromCallbacks<void>((resolve, reject) => {
        user.confirmPassword(code, newPassword, {
          onSuccess: () => resolve(),
          onFailure: (error) => reject(toAuthFailure(error)),
        });
      });
    },

    async currentSession() {
      const user = pool.getCurrentUser();
      if (!user) return null;
      try {
        return signedInUser(user, await getSession(user));
      } catch (error) {
        const failure = toAuthFailure(error);
        // A failure that says nothing about the stored session itself: keep it, the caller retries later.
        if (isRetryableFailure(failure)) throw failure;
        // The stored tokens cannot be used (revoked, expired refresh token, unreadable): forget them.
        user.signOut();
        return null;
      }
    },

    async changePassword(currentPassword, newPassword) {
      const user = pool.getCurrentUser();
      if (!user) throw noSession();
      await getSession(user);
      await fromCallbacks<void>((resolve, reject) => {
        user.changePassword(currentPassword, newPassword, (error) => {
          if (error) reject(toAuthFailure(error));
          else resolve();
        });
      });
    },

    async signOut() {
      const user = pool.getCurrentUser();
      if (!user) return;
      const session = storedSession(user);
      // Forget the tokens on this device first: sign-out must not depend on the network.
      user.signOut();
      if (!session) return;
      // Revoke the refresh token (and the access tokens issued from it) from a detached user whose
      // storage is private, so a slow or retried revocation can never touch a later sign-in's tokens.
      // CIJ only revokes when the access token carries `origin_jti`, i.e. when the client allows revocation.
      const detached = newUser(user.getUsername(), new MemoryStorage()) as RevocableCognitoUser;
      detached.setSignInUserSession(session);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const revoked = new Promise<void>((resolve) => detached.revokeTokens(() => resolve()));
      const waited = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, revocationWaitMs);
      });
      await Promise.race([revoked, waited]);
      clearTimeout(timer);
    },

    async globalSignOut() {
      const user = pool.getCurrentUser();
      if (!user) throw noSession();
      await getSession(user); // GlobalSignOut needs a live access token
      await fromCallbacks<void>((resolve, reject) => {
        user.globalSignOut({
          onSuccess: () => resolve(),
          onFailure: (error) => reject(toAuthFailure(error)),
        });
      });
    },
  };
}
