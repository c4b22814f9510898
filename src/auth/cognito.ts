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
  type AccountDetails,
  type AdapterChallenge,
  type AdapterSignInResult,
  type AdapterStepResult,
  type AuthAdapter,
  type ChallengeHandle,
  type MfaPreferenceChanges,
} from './adapter';
import type { CodeDelivery, SignedInUser } from './auth-types';
import { isMfaMethod, type MfaMethod } from './challenges';

export type CognitoAdapterConfig = Pick<
  AppConfig,
  'userPoolId' | 'userPoolClientId' | 'endpoint' | 'authenticationFlowType' | 'tokenStorage'
> &
  Partial<Pick<AppConfig, 'refreshTokenRotation'>>;

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

function poolClient(pool: CognitoUserPool): CognitoClient {
  return (pool as CognitoUserPool & { client: CognitoClient }).client;
}

/**
 * CIJ retries every failure of a token refresh or revocation for about 6 s (waits of 0.2 to 3.2 s), a
 * revoked or expired refresh token included: a user signed out everywhere from another device would watch
 * the loading state for 6 s before reaching sign-in. Only a failure that may pass is worth those retries.
 */
function retryOnlyRetryableFailures(client: CognitoClient): void {
  const requestWithRetry = client.requestWithRetry.bind(client);
  client.requestWithRetry = (operation, params, callback) => {
    client.request(operation, params, (error, result) => {
      if (error && isRetryableFailure(toAuthFailure(error))) requestWithRetry(operation, params, callback);
      else callback(error, result);
    });
  };
}

/** CIJ's token refresh request: InitiateAuth REFRESH_TOKEN_AUTH (CognitoUser.refreshSession). */
interface RefreshRequest {
  AuthFlow?: unknown;
  AuthParameters?: { REFRESH_TOKEN?: unknown; DEVICE_KEY?: unknown };
  ClientMetadata?: unknown;
}

/**
 * A client with refresh-token rotation refuses REFRESH_TOKEN_AUTH, the only way CIJ refreshes
 * (docs/cognito-behaviour.md §4.21). With `refreshTokenRotation` on, CIJ's refresh goes out as
 * GetTokensFromRefreshToken on CIJ's own HTTP client (its retries included), and the answer comes back to CIJ in
 * InitiateAuth's shape: CIJ then stores the new refresh token as it stores any answer (it keeps the old one
 * only when the answer has none), so the session lives on under CIJ's usual storage keys.
 *
 * Refreshes of one refresh token that overlap (two calls that each found the access token expired) share one
 * request: the second would otherwise present a token the first had just rotated out, which a client without a
 * grace period refuses with RefreshTokenReuseException and so would end the session.
 */
function refreshThroughGetTokens(client: CognitoClient, clientId: string): void {
  const requestWithRetry = client.requestWithRetry.bind(client);
  const waiting = new Map<string, ClientCallback[]>();
  client.requestWithRetry = (operation, params, callback) => {
    const request = params as RefreshRequest | null;
    const refreshToken = request?.AuthParameters?.REFRESH_TOKEN;
    if (operation !== 'InitiateAuth' || request?.AuthFlow !== 'REFRESH_TOKEN_AUTH' || typeof refreshToken !== 'string') {
      requestWithRetry(operation, params, callback);
      return;
    }
    const queued = waiting.get(refreshToken);
    if (queued) {
      queued.push(callback);
      return;
    }
    waiting.set(refreshToken, [callback]);
    const deviceKey = request.AuthParameters?.DEVICE_KEY;
    requestWithRetry(
      'GetTokensFromRefreshToken',
      {
        ClientId: clientId,
        RefreshToken: refreshToken,
        ...(typeof deviceKey === 'string' && deviceKey ? { DeviceKey: deviceKey } : {}),
        ...(request.ClientMetadata ? { ClientMetadata: request.ClientMetadata } : {}),
      },
      (error, result) => {
        const callbacks = waiting.get(refreshToken) ?? [];
        waiting.delete(refreshToken);
        const tokens = (result as { AuthenticationResult?: AuthenticationAnswer['AuthenticationResult'] } | undefined)?.AuthenticationResult;
        // Each caller gets its own copy: CIJ writes into the answer it is handed.
        for (const settle of callbacks) {
          if (error) settle(error);
          else settle(null, { ChallengeParameters: {}, AuthenticationResult: { ...tokens } });
        }
      },
    );
  };
}

/** One of Cognito's sign-in answers: tokens, or the next challenge with its Session and parameters. */
interface AuthenticationAnswer {
  ChallengeName?: string;
  Session?: string;
  ChallengeParameters?: Record<string, string>;
  AuthenticationResult?: { IdToken: string; AccessToken: string; RefreshToken?: string };
}

/**
 * Cognito's EMAIL_OTP challenge, stopped on its way into CIJ. CIJ has no callback for it: it takes the answer
 * for tokens, stores empty ones and fails with a TypeError, losing the Session. Handed to CIJ as a failure
 * instead, it reaches `onFailure` before anything is stored, and the adapter answers the challenge itself.
 */
class EmailOtpChallengeSignal extends Error {
  readonly answer: AuthenticationAnswer;
  constructor(answer: AuthenticationAnswer) {
    super('EMAIL_OTP');
    this.name = 'EmailOtpChallengeSignal';
    this.answer = answer;
  }
}

/** Sends every sign-in answer that carries EMAIL_OTP to `onFailure` as an {@link EmailOtpChallengeSignal}. */
function divertEmailOtpChallenges(client: CognitoClient): void {
  const request = client.request.bind(client);
  client.request = (operation, params, callback) => {
    request(operation, params, (error, result) => {
      const answer = result as AuthenticationAnswer | undefined;
      if (!error && (operation === 'InitiateAuth' || operation === 'RespondToAuthChallenge') && answer?.ChallengeName === 'EMAIL_OTP') {
        callback(new EmailOtpChallengeSignal(answer));
        return;
      }
      callback(error, result);
    });
  };
}

/** A JSON array in a string, as Cognito sends `MFAS_CAN_CHOOSE` and `MFAS_CAN_SETUP`; unknown names are dropped. */
function mfaMethodList(value: string | undefined): MfaMethod[] {
  if (!value) return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter(isMfaMethod) : [];
  } catch {
    return [];
  }
}

/** A second-factor challenge as the app knows it, from its name and parameters; null for any other. */
function mfaChallenge(name: string | undefined, parameters: Record<string, string> = {}): AdapterChallenge | null {
  switch (name) {
    case 'SMS_MFA':
    case 'EMAIL_OTP':
      return { name, destination: parameters.CODE_DELIVERY_DESTINATION ?? '' };
    case 'SOFTWARE_TOKEN_MFA':
      return { name };
    case 'SELECT_MFA_TYPE':
      return { name, methods: mfaMethodList(parameters.MFAS_CAN_CHOOSE) };
    case 'MFA_SETUP':
      return { name, methods: mfaMethodList(parameters.MFAS_CAN_SETUP) };
    default:
      return null;
  }
}

/** Cognito's `UserMFASettingList` / `PreferredMfaSetting` names, and the preference keys of SetUserMFAPreference. */
const MFA_PREFERENCE_KEYS: Record<MfaMethod, string> = {
  SOFTWARE_TOKEN_MFA: 'SoftwareTokenMfaSettings',
  SMS_MFA: 'SMSMfaSettings',
  EMAIL_OTP: 'EmailMfaSettings',
};

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
  const client = poolClient(pool);
  // The untouched request, for the calls the adapter makes itself (EMAIL_OTP, the method choice).
  const rawRequest = client.request.bind(client);
  retryOnlyRetryableFailures(client);
  divertEmailOtpChallenges(client);
  if (config.refreshTokenRotation) refreshThroughGetTokens(client, config.userPoolClientId);

  /** One call of Cognito's API outside CIJ's methods, as a promise. */
  function send<T>(operation: string, params: unknown): Promise<T> {
    return fromCallbacks<T>((resolve, reject) => {
      rawRequest(operation, params, (error, result) => {
        if (error) reject(toAuthFailure(error));
        else resolve(result as T);
      });
    });
  }

  /**
   * Cognito's answer to a challenge the adapter sent itself: tokens are stored as CIJ stores them, a next
   * challenge carries on with its Session.
   */
  function stepFromAnswer(user: CognitoUserWithSession, answer: AuthenticationAnswer): AdapterStepResult {
    if (answer.AuthenticationResult) {
      const { IdToken, AccessToken, RefreshToken } = answer.AuthenticationResult;
      const session = new CognitoUserSession({
        IdToken: new CognitoIdToken({ IdToken }),
        AccessToken: new CognitoAccessToken({ AccessToken }),
        RefreshToken: new CognitoRefreshToken({ RefreshToken: RefreshToken ?? '' }),
      });
      adoptSrpUsername(user, answer);
      user.setSignInUserSession(session);
      return { kind: 'signedIn', user: signedInUser(user, session) };
    }
    user.Session = answer.Session ?? null;
    adoptSrpUsername(user, answer);
    const challenge = mfaChallenge(answer.ChallengeName, answer.ChallengeParameters);
    if (!challenge) return { kind: 'unsupportedChallenge', name: answer.ChallengeName ?? 'UNKNOWN' };
    return { kind: 'challenge', handle: new CognitoChallenge(user), challenge };
  }

  /** The name Cognito knows the user by (USER_ID_FOR_SRP), which its later answers must carry as USERNAME. */
  function adoptSrpUsername(user: CognitoUser, answer: AuthenticationAnswer): void {
    const srpName = answer.ChallengeParameters?.USER_ID_FOR_SRP;
    if (srpName && srpName !== user.getUsername()) (user as CognitoUser & { username: string }).username = srpName;
  }

  /** A signed-in user with a live session (refreshed by CIJ when needed), for the account's calls. */
  async function signedInUserWithSession(): Promise<{ user: CognitoUser; session: CognitoUserSession }> {
    const user = pool.getCurrentUser();
    if (!user) throw noSession();
    return { user, session: await getSession(user) };
  }

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
      resolve(result: AdapterSignInResult | AdapterStepResult): void;
      reject(failure: AuthFailureError): void;
    },
  ): IAuthenticationCallback {
    const unsupported = (name: string) => settle.resolve({ kind: 'unsupportedChallenge', name });
    // CIJ has already put the challenge's Session on the user; USER_ID_FOR_SRP is in the parameters.
    const second = (name: string, parameters: unknown) => {
      const challengeParameters = toStringRecord(parameters);
      const challenge = mfaChallenge(name, challengeParameters);
      if (!challenge) return unsupported(name);
      adoptSrpUsername(user, { ChallengeParameters: challengeParameters });
      settle.resolve({ kind: 'challenge', handle: new CognitoChallenge(user), challenge });
    };
    return {
      onSuccess: (session) => {
        try {
          settle.resolve({ kind: 'signedIn', user: signedInUser(user, session) });
        } catch (error) {
          settle.reject(toAuthFailure(error));
        }
      },
      onFailure: (error: unknown) => {
        if (error instanceof EmailOtpChallengeSignal) {
          settle.resolve(stepFromAnswer(user as CognitoUserWithSession, error.answer));
          return;
        }
        const failure = toAuthFailure(error);
        // Cognito answers an administrator's reset with this exception, after the password was proven.
        if (failure.code === 'PasswordResetRequiredException') settle.resolve({ kind: 'passwordResetRequired' });
        else settle.reject(failure);
      },
      newPasswordRequired: (userAttributes: unknown, requiredAttributes: unknown) =>
        settle.resolve({
          kind: 'challenge',
          handle: new CognitoChallenge(user),
          challenge: {
            name: 'NEW_PASSWORD_REQUIRED',
            userAttributes: toStringRecord(userAttributes),
            requiredAttributes: toStringArray(requiredAttributes),
          },
        }),
      mfaRequired: (name, parameters) => second(name ?? 'SMS_MFA', parameters),
      totpRequired: (name, parameters) => second(name ?? 'SOFTWARE_TOKEN_MFA', parameters),
      selectMFAType: (name, parameters) => second(name ?? 'SELECT_MFA_TYPE', parameters),
      mfaSetup: (name, parameters) => second(name ?? 'MFA_SETUP', parameters),
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
      // A reset demanded right after answering NEW_PASSWORD_REQUIRED is not a flow this app knows.
      if (result.kind === 'passwordResetRequired') return { kind: 'unsupportedChallenge', name: 'PASSWORD_RESET_REQUIRED' };
      if (result.kind === 'challenge' && result.challenge.name === 'NEW_PASSWORD_REQUIRED') {
        return { kind: 'unsupportedChallenge', name: 'NEW_PASSWORD_REQUIRED' };
      }
      return result;
    },

    async answerMfaCode(handle, challengeName, code) {
      const user = challengeUser(handle) as CognitoUserWithSession;
      if (challengeName === 'EMAIL_OTP') {
        // CIJ cannot answer EMAIL_OTP (its sendMFACode sends SMS_MFA_CODE only): the adapter does.
        const answer = await send<AuthenticationAnswer>('RespondToAuthChallenge', {
          ChallengeName: 'EMAIL_OTP',
          ClientId: config.userPoolClientId,
          Session: user.Session,
          ChallengeResponses: { USERNAME: user.getUsername(), EMAIL_OTP_CODE: code },
        });
        return stepFromAnswer(user, answer);
      }
      const result = await fromCallbacks<AdapterSignInResult>((resolve, reject) => {
        // The challenge name must be passed: without it CIJ answers SMS_MFA, and a TOTP challenge fails.
        user.sendMFACode(code, challengeCallbacks(user, { resolve, reject }), challengeName);
      });
      return result.kind === 'passwordResetRequired' ? { kind: 'unsupportedChallenge', name: 'PASSWORD_RESET_REQUIRED' } : result;
    },

    async chooseMfaMethod(handle, method) {
      // Sent by the adapter for every method: CIJ's sendMFASelectionAnswer never calls back for EMAIL_OTP.
      const user = challengeUser(handle) as CognitoUserWithSession;
      const answer = await send<AuthenticationAnswer>('RespondToAuthChallenge', {
        ChallengeName: 'SELECT_MFA_TYPE',
        ClientId: config.userPoolClientId,
        Session: user.Session,
        ChallengeResponses: { USERNAME: user.getUsername(), ANSWER: method },
      });
      return stepFromAnswer(user, answer);
    },

    associateAuthenticator(handle) {
      const user = challengeUser(handle);
      return fromCallbacks<{ secret: string; handle: ChallengeHandle }>((resolve, reject) => {
        // Without tokens, CIJ associates with the challenge's Session and keeps the new one it gets back.
        user.associateSoftwareToken({
          associateSecretCode: (secret) => resolve({ secret, handle: new CognitoChallenge(user) }),
          onFailure: (error) => reject(toAuthFailure(error)),
        });
      });
    },

    verifyAuthenticator(handle, code, deviceName) {
      const user = challengeUser(handle);
      return fromCallbacks<AdapterStepResult>((resolve, reject) => {
        // VerifySoftwareToken, then MFA_SETUP answered with the Session it returns; CIJ stores the tokens.
        user.verifySoftwareToken(code, deviceName, {
          onSuccess: (session: CognitoUserSession) => {
            try {
              resolve({ kind: 'signedIn', user: signedInUser(user, session) });
            } catch (error) {
              reject(toAuthFailure(error));
            }
          },
          onFailure: (error) => reject(toAuthFailure(error)),
        });
      });
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

    async getAccountDetails(): Promise<AccountDetails> {
      const { session } = await signedInUserWithSession();
      const data = await send<{
        UserAttributes?: { Name: string; Value?: string }[];
        UserMFASettingList?: string[];
        PreferredMfaSetting?: string;
      }>('GetUser', { AccessToken: session.getAccessToken().getJwtToken() });
      const attributes = Object.fromEntries((data.UserAttributes ?? []).map(({ Name, Value }) => [Name, Value ?? '']));
      const preferred = data.PreferredMfaSetting;
      return {
        attributes,
        mfa: { enabled: (data.UserMFASettingList ?? []).filter(isMfaMethod), preferred: isMfaMethod(preferred) ? preferred : null },
      };
    },

    async setMfaPreference(changes: MfaPreferenceChanges) {
      const { session } = await signedInUserWithSession();
      // Sent directly: CIJ's setUserMfaPreference knows SMS and TOTP only, not email.
      const settings = Object.fromEntries(
        Object.entries(changes).map(([method, change]) => [
          MFA_PREFERENCE_KEYS[method as MfaMethod],
          { Enabled: change.enabled, ...(change.preferred === undefined ? {} : { PreferredMfa: change.preferred }) },
        ]),
      );
      await send('SetUserMFAPreference', { AccessToken: session.getAccessToken().getJwtToken(), ...settings });
    },

    async startAuthenticatorSetup() {
      const { user } = await signedInUserWithSession();
      return fromCallbacks<{ secret: string }>((resolve, reject) => {
        user.associateSoftwareToken({
          associateSecretCode: (secret) => resolve({ secret }),
          onFailure: (error) => reject(toAuthFailure(error)),
        });
      });
    },

    async confirmAuthenticatorSetup(code, deviceName) {
      const { user } = await signedInUserWithSession();
      await fromCallbacks<void>((resolve, reject) => {
        user.verifySoftwareToken(code, deviceName, {
          onSuccess: (data: unknown) => {
            // An old answer for a code Cognito did not accept; newer pools fail with EnableSoftwareTokenMFAException.
            if ((data as { Status?: string } | null)?.Status === 'ERROR') {
              reject(new AuthFailureError('EnableSoftwareTokenMFAException', 'Code mismatch and fail enable Software Token MFA'));
            } else resolve();
          },
          onFailure: (error) => reject(toAuthFailure(error)),
        });
      });
    },

    async sendAttributeVerificationCode(attribute) {
      const { user } = await signedInUserWithSession();
      return fromCallbacks<CodeDelivery>((resolve, reject) => {
        user.getAttributeVerificationCode(attribute, {
          onSuccess: () => reject(new AuthFailureError('UnknownError', 'The answer did not say where the code was sent.')),
          inputVerificationCode: (data: unknown) => {
            try {
              resolve(toCodeDelivery(data));
            } catch (error) {
              reject(toAuthFailure(error));
            }
          },
          onFailure: (error) => reject(toAuthFailure(error)),
        });
      });
    },

    async verifyAttribute(attribute, code) {
      const { user } = await signedInUserWithSession();
      await fromCallbacks<void>((resolve, reject) => {
        user.verifyAttribute(attribute, code, {
          onSuccess: () => resolve(),
          onFailure: (error) => reject(toAuthFailure(error)),
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
