import type { CodeDelivery, SignedInUser } from './auth-types';
import type { ChallengeDetails, MfaCodeChallengeName, MfaMethod } from './challenges';

/**
 * The auth layer's view of the user pool. `cognito.ts` implements it with amazon-cognito-identity-js;
 * tests pass a fake to `<AuthProvider adapter={…}>`. Nothing here mentions the SDK.
 *
 * Every method rejects with an {@link AuthFailure} only.
 */
export interface AuthAdapter {
  signIn(username: string, password: string): Promise<AdapterSignInResult>;
  /** Answers NEW_PASSWORD_REQUIRED. */
  completeNewPassword(
    handle: ChallengeHandle,
    newPassword: string,
    attributes: Record<string, string>,
  ): Promise<AdapterStepResult>;
  /** Answers SMS_MFA, EMAIL_OTP or SOFTWARE_TOKEN_MFA with the code the user typed. */
  answerMfaCode(handle: ChallengeHandle, challengeName: MfaCodeChallengeName, code: string): Promise<AdapterStepResult>;
  /** Answers SELECT_MFA_TYPE: Cognito then asks for that method's code. */
  chooseMfaMethod(handle: ChallengeHandle, method: MfaMethod): Promise<AdapterStepResult>;
  /**
   * MFA_SETUP, first step: AssociateSoftwareToken with the challenge's Session. Resolves with the key to
   * put in the authenticator app and the handle carrying the Session Cognito returned with it.
   */
  associateAuthenticator(handle: ChallengeHandle): Promise<{ secret: string; handle: ChallengeHandle }>;
  /** MFA_SETUP, second step: VerifySoftwareToken with the first code, then the challenge's answer. */
  verifyAuthenticator(handle: ChallengeHandle, code: string, deviceName: string): Promise<AdapterStepResult>;
  /** Rebuilds a challenge after a reload from what was saved: the username and Cognito's Session string. */
  resumeChallenge(saved: { username: string; session: string }): ChallengeHandle;
  forgotPassword(username: string): Promise<CodeDelivery>;
  confirmForgotPassword(username: string, code: string, newPassword: string): Promise<void>;
  /** The stored session, refreshed through the SDK when its tokens have expired; null when there is none. */
  currentSession(): Promise<SignedInUser | null>;
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
  /** GetUser: the user's attributes as the pool has them now, and their second-factor settings. */
  getAccountDetails(): Promise<AccountDetails>;
  /** SetUserMFAPreference with only the methods named in `changes`. */
  setMfaPreference(changes: MfaPreferenceChanges): Promise<void>;
  /** AssociateSoftwareToken for the signed-in user: the key for a new authenticator app. */
  startAuthenticatorSetup(): Promise<{ secret: string }>;
  /** VerifySoftwareToken for the signed-in user's new key; does not turn it on as a sign-in step by itself. */
  confirmAuthenticatorSetup(code: string, deviceName: string): Promise<void>;
  /** GetUserAttributeVerificationCode. */
  sendAttributeVerificationCode(attribute: VerifiableAttribute): Promise<CodeDelivery>;
  /** VerifyUserAttribute. */
  verifyAttribute(attribute: VerifiableAttribute, code: string): Promise<void>;
  /** Local sign-out: forgets the tokens at once, and revokes the refresh token where the pool allows it. Never rejects. */
  signOut(): Promise<void>;
  /** Revokes every token of the user (GlobalSignOut), then forgets the local ones. */
  globalSignOut(): Promise<void>;
  /**
   * Cheap and synchronous: false when there is certainly no stored session, so that `currentSession()`
   * would resolve null. Optional; without it the start-up check always waits for `currentSession()`.
   */
  hasStoredSession?(): boolean;
  /**
   * For an adapter that loads its client on demand: starts loading it ahead of the first call. Resolves
   * once loaded or failed (a later call then retries); never rejects.
   */
  preload?(): Promise<void>;
}

/**
 * A pending challenge. Opaque to the app: the adapter keeps what it needs (for Cognito, the CognitoUser
 * carrying the Session). `username` and `session` are what may be saved in sessionStorage to survive a reload.
 */
export interface ChallengeHandle {
  readonly username: string;
  readonly session: string;
}

/** A challenge as Cognito sent it; the flow turns it into {@link ChallengeDetails}. */
export type AdapterChallenge =
  | {
      name: 'NEW_PASSWORD_REQUIRED';
      /** The user's current attributes as Cognito sent them with the challenge. */
      userAttributes: Record<string, string>;
      /** Attribute names without the `userAttributes.` prefix, unfiltered. */
      requiredAttributes: string[];
    }
  | Exclude<ChallengeDetails, { name: 'NEW_PASSWORD_REQUIRED' | 'MFA_SETUP' }>
  | { name: 'MFA_SETUP'; methods: MfaMethod[] };

/** Cognito's answer to a sign-in step: tokens, another challenge, or a step this app does not take. */
export type AdapterStepResult =
  | { kind: 'signedIn'; user: SignedInUser }
  | { kind: 'challenge'; handle: ChallengeHandle; challenge: AdapterChallenge }
  /** A custom challenge or anything else this app does not answer. */
  | { kind: 'unsupportedChallenge'; name: string };

export type AdapterSignInResult =
  | AdapterStepResult
  /** PasswordResetRequiredException: an administrator reset the password; a code went to the verified contact. */
  | { kind: 'passwordResetRequired' };

/** The attributes a user can verify with a code. */
export type VerifiableAttribute = 'email' | 'phone_number';

export interface MfaSettings {
  /** `UserMFASettingList`: the methods turned on for this user. */
  enabled: MfaMethod[];
  /** `PreferredMfaSetting`. */
  preferred: MfaMethod | null;
}

export interface AccountDetails {
  attributes: Record<string, string>;
  mfa: MfaSettings;
}

/** Per method: turn it on or off, and whether it becomes (or stops being) the preferred one. */
export type MfaPreferenceChanges = Partial<Record<MfaMethod, { enabled: boolean; preferred?: boolean }>>;

/**
 * A failed call. `code` is Cognito's `__type`, or `NetworkError` (no answer), `NoSession` (no usable
 * local session for an operation that needs one), or `UnknownError`.
 */
export interface AuthFailure {
  code: string;
  message: string;
}

export class AuthFailureError extends Error implements AuthFailure {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'AuthFailureError';
    this.code = code;
  }
}

export function isAuthFailure(value: unknown): value is AuthFailure {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

/** Normalises anything thrown by the SDK (or by fetch underneath it) into an {@link AuthFailure}. */
/** Failures after which nothing was decided: no answer came, or the service was too busy or failed before it looked. */
const RETRYABLE_CODES: ReadonlySet<string> = new Set(['NetworkError', 'TooManyRequestsException', 'InternalErrorException']);

export function isRetryableFailure(failure: AuthFailure): boolean {
  return RETRYABLE_CODES.has(failure.code);
}

export function toAuthFailure(error: unknown): AuthFailureError {
  if (error instanceof AuthFailureError) return error;
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code === 'string' && code.length > 0) return new AuthFailureError(code, message);
  // CIJ turns a rejected fetch into code NetworkError; a bare TypeError is fetch failing somewhere it does not catch
  // (or an unreadable answer from a proxy in between): to the user, the pool could not be reached either way.
  if (error instanceof TypeError) return new AuthFailureError('NetworkError', message);
  return new AuthFailureError('UnknownError', message);
}
