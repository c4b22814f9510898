import { isRetryableFailure, type AuthFailure } from './adapter';
import type { ErrorField, UiError } from './auth-types';

export type AuthOperation =
  | 'signIn'
  | 'newPassword'
  | 'forgotPassword'
  | 'confirmReset'
  | 'changePassword'
  | 'signOutEverywhere'
  /** SMS_MFA, EMAIL_OTP and SOFTWARE_TOKEN_MFA answered with a code. */
  | 'mfaCode'
  /** SELECT_MFA_TYPE answered. */
  | 'chooseMfa'
  /** MFA_SETUP during sign-in, and an authenticator set up from the account page: AssociateSoftwareToken, VerifySoftwareToken. */
  | 'authenticatorSetup'
  /** The account page: GetUser, SetUserMFAPreference. */
  | 'accountSettings'
  /** GetUserAttributeVerificationCode and VerifyUserAttribute. */
  | 'verifyAttribute';

/**
 * One row of the table: a Cognito error code, optionally narrowed by its message (where Cognito uses
 * one code for several causes, docs/cognito-behaviour.md §5), and what the user sees.
 * Codes are matched exactly; messages only where they are the sole way to tell causes apart.
 */
export interface ErrorRow {
  id: string;
  code: string;
  /** Tested against Cognito's message. Absent: any message. */
  message?: RegExp;
  toUi(operation: AuthOperation, failure: AuthFailure): UiError;
}

const form = (messageKey: string, extra: Partial<UiError> = {}): UiError => ({ kind: 'form', messageKey, ...extra });
const field = (field: ErrorField, messageKey: string, extra: Partial<UiError> = {}): UiError => ({
  kind: 'field',
  field,
  messageKey,
  ...extra,
});
const operator = (messageKey: string, extra: Partial<UiError> = {}): UiError => ({
  kind: 'operator',
  messageKey,
  ...extra,
});
const sessionExpired = (messageKey: string): UiError => ({ kind: 'sessionExpired', messageKey });

/** The operations a signed-in user makes with their access token. */
const SIGNED_IN_OPERATIONS: ReadonlySet<AuthOperation> = new Set<AuthOperation>([
  'changePassword',
  'signOutEverywhere',
  'authenticatorSetup',
  'accountSettings',
  'verifyAttribute',
]);

export const GENERIC_ERROR: UiError = form('errors.generic');

/**
 * Wrong credentials. Cognito does not say whether the username or the password was wrong, and neither
 * may we: the message goes to the form, and `field` only says where focus goes (the password, cleared).
 */
const wrongCredentials: UiError = form('errors.wrongCredentials', { field: 'password' });

/** Every password-setting operation puts a weak password on its new-password field. */
function weakPassword(messageKey: string): () => UiError {
  return () => field('newPassword', messageKey);
}

/** Cognito names one unmet policy rule per answer (§5.3); each has its own message. */
const policyRuleRow = (id: string, reason: RegExp, rule: string): ErrorRow => ({
  id,
  code: 'InvalidPasswordException',
  message: reason,
  toUi: weakPassword(`errors.passwordPolicy.${rule}`),
});

/**
 * Too many attempts. Where a code was being entered (at sign-in or setting up an authenticator), the
 * message says it was the codes; Cognito does not publish these limits (docs/cognito-behaviour.md, MFA).
 */
function attemptsExceeded(operation: AuthOperation): UiError {
  return operation === 'mfaCode' || operation === 'authenticatorSetup'
    ? form('errors.codeAttemptsExceeded')
    : form('errors.limitExceeded');
}

/** Access/refresh token problems: the signed-in session is over; the user signs in again. */
const TOKEN_MESSAGES =
  /^(Access Token has been revoked|Access Token has expired|Invalid Access Token|Refresh Token has been revoked|Refresh Token has expired|Invalid Refresh Token)/;

export const ERROR_ROWS: readonly ErrorRow[] = [
  // --- NotAuthorizedException: one code, many causes (§5.1, §5.2) ---
  {
    id: 'wrongPassword',
    code: 'NotAuthorizedException',
    message: /^Incorrect username or password/,
    toUi: (operation) => {
      if (operation === 'changePassword') return field('currentPassword', 'errors.currentPasswordWrong');
      if (operation === 'signIn') return wrongCredentials;
      return GENERIC_ERROR;
    },
  },
  {
    id: 'userDisabled',
    code: 'NotAuthorizedException',
    message: /^User is disabled/, // "User is disabled." on sign-in, without the period on ForgotPassword
    toUi: () => form('errors.userDisabled'),
  },
  {
    id: 'temporaryPasswordExpired',
    code: 'NotAuthorizedException',
    message: /^Temporary password has expired/,
    toUi: () => form('errors.temporaryPasswordExpired'),
  },
  {
    id: 'challengeSessionExpired',
    code: 'NotAuthorizedException',
    message: /^Invalid session for the user, session is expired/,
    toUi: () => sessionExpired('errors.challengeExpired'),
  },
  {
    id: 'challengeSessionInvalid',
    code: 'NotAuthorizedException',
    // Used or unknown Session; "Invalid session provided for the user." is an older wording of the same.
    // A second-factor answer sent twice with one Session: "…, session can only be used once." (docs/cognito-behaviour.md, MFA).
    message: /^Invalid session (provided )?for the user(\.|, session can only be used once\.?)?$/,
    toUi: () => sessionExpired('errors.challengeInvalid'),
  },
  {
    id: 'passwordAttemptsExceeded',
    code: 'NotAuthorizedException',
    message: /^Password attempts exceeded/,
    toUi: () => form('errors.passwordAttemptsExceeded'),
  },
  {
    id: 'tokenRevokedOrExpired',
    code: 'NotAuthorizedException',
    message: TOKEN_MESSAGES,
    toUi: () => sessionExpired('errors.sessionEnded'),
  },
  {
    // A refresh token rotated out and past its grace period (docs/cognito-behaviour.md §4.21): another tab or
    // device renewed first, or the token was copied. Either way this session is over.
    id: 'refreshTokenReused',
    code: 'RefreshTokenReuseException',
    toUi: () => sessionExpired('errors.sessionEnded'),
  },
  {
    id: 'resetNotAllowedInCurrentState',
    code: 'NotAuthorizedException',
    message: /^User password cannot be reset in the current state/,
    toUi: () => form('errors.resetNotAllowedInCurrentState'),
  },
  {
    id: 'secretHash',
    code: 'NotAuthorizedException',
    message:
      /(Unable to verify secret hash for client|is configured (for|with) secret but (secret|SECRET_HASH) was not received|SecretHash does not match for the client)/,
    toUi: () => operator('errors.operator.clientSecret'),
  },
  {
    id: 'attributeAlreadyProvided',
    code: 'NotAuthorizedException',
    message: /^Cannot modify an already provided/,
    toUi: () => form('errors.attributeNotModifiable'),
  },
  {
    id: 'attributeNotWritable',
    code: 'NotAuthorizedException',
    message: /^A client attempted to write unauthorized attribute/,
    toUi: () => operator('errors.operator.attributeNotWritable'),
  },
  {
    id: 'notAuthorizedOther',
    code: 'NotAuthorizedException',
    toUi: (operation) => (operation === 'signIn' ? wrongCredentials : form('errors.notAuthorized')),
  },

  // --- Unknown user (PreventUserExistenceErrors LEGACY) ---
  {
    id: 'userNotFound',
    code: 'UserNotFoundException',
    toUi: (operation) => {
      switch (operation) {
        // Say no more than an ENABLED client would: "wrong credentials" on sign-in, "wrong code" on a reset.
        case 'signIn':
          return wrongCredentials;
        // The user was deleted while the challenge was open: the step cannot succeed, so back to sign-in
        // (the new-password form has no password of the old kind to point at).
        case 'newPassword':
        case 'mfaCode':
        case 'chooseMfa':
          return sessionExpired('errors.challengeInvalid');
        case 'confirmReset':
          return field('code', 'errors.codeMismatch');
        case 'forgotPassword':
          return form('errors.resetUnavailable');
        // A signed-in call: the access token belongs to a user deleted since (the local pool answers so;
        // docs/cognito-behaviour.md §4.15 leaves real Cognito's answer open [U]). The session is over.
        case 'changePassword':
        case 'signOutEverywhere':
        case 'authenticatorSetup':
        case 'accountSettings':
        case 'verifyAttribute':
          return sessionExpired('errors.sessionEnded');
      }
    },
  },
  { id: 'userNotConfirmed', code: 'UserNotConfirmedException', toUi: () => form('errors.userNotConfirmed') },
  {
    id: 'passwordResetRequired',
    code: 'PasswordResetRequiredException',
    // An administrator reset the password while the user was signed in: until a new password is set with the
    // code, the access and refresh tokens get this answer (docs/cognito-behaviour.md §4.11). The session is over
    // there; signing in again leads to the reset screen.
    toUi: (operation) =>
      SIGNED_IN_OPERATIONS.has(operation) ? sessionExpired('errors.sessionEnded') : form('errors.passwordResetRequired'),
  },

  // --- Weak passwords (§5.3): one reason per answer, on the new-password field ---
  policyRuleRow('passwordTooShort', /Password not long enough/, 'minLength'),
  policyRuleRow('passwordNeedsLowercase', /Password must have lowercase characters/, 'lowercase'),
  policyRuleRow('passwordNeedsUppercase', /Password must have uppercase characters/, 'uppercase'),
  policyRuleRow('passwordNeedsNumber', /Password must have numeric characters/, 'number'),
  policyRuleRow('passwordNeedsSymbol', /Password must have symbol characters/, 'symbol'),
  {
    id: 'passwordPolicyOther',
    code: 'InvalidPasswordException',
    toUi: weakPassword('errors.passwordPolicy.generic'),
  },
  {
    id: 'passwordReused',
    code: 'PasswordHistoryPolicyViolationException',
    toUi: weakPassword('errors.passwordPolicy.reused'),
  },

  // --- Codes ---
  // Also a wrong second-factor code ("Invalid code or auth state for the user.", docs/cognito-behaviour.md, MFA).
  { id: 'codeMismatch', code: 'CodeMismatchException', toUi: () => field('code', 'errors.codeMismatch') },
  {
    id: 'totpCodeUsed',
    code: 'ExpiredCodeException',
    // An authenticator code is single-use (the set-up's code too): the next one comes within 30 seconds.
    message: /^Your software token has already been used once/,
    toUi: () => field('code', 'errors.totpCodeUsed'),
  },
  {
    id: 'codeExpired',
    code: 'ExpiredCodeException',
    // Verifying an email or phone: the code field is where "ask for a new one" is, next to its button.
    toUi: (operation) => {
      // A sign-in code cannot be sent again (Cognito has no resend for it): a new sign-in sends a new one.
      if (operation === 'mfaCode') return field('code', 'errors.mfaCodeExpired');
      return operation === 'verifyAttribute' ? field('code', 'errors.codeExpired') : form('errors.codeExpired');
    },
  },
  {
    id: 'aliasExists',
    code: 'AliasExistsException',
    // The right code for an address another user already signs in with (docs/cognito-behaviour.md §10.3): it
    // stays theirs. Said on the form: the code was not the problem.
    toUi: () => form('errors.aliasExists'),
  },
  {
    id: 'authenticatorCodeMismatch',
    code: 'EnableSoftwareTokenMFAException',
    // VerifySoftwareToken's wrong code ("Code mismatch and fail enable Software Token MFA"); the same key takes the next one.
    toUi: () => field('code', 'errors.authenticatorCodeMismatch'),
  },
  {
    id: 'authenticatorNotEnabledForPool',
    code: 'SoftwareTokenMFANotFoundException',
    message: /has not been enabled by the userPool/,
    toUi: () => operator('errors.operator.authenticatorNotEnabled'),
  },
  {
    id: 'authenticatorNotFound',
    code: 'SoftwareTokenMFANotFoundException',
    // "Software Token MFA does not exist for the user.": asked for an app code, but no app is set up.
    toUi: () => form('errors.authenticatorNotFound'),
  },

  // --- Limits ---
  { id: 'limitExceeded', code: 'LimitExceededException', toUi: (operation) => attemptsExceeded(operation) },
  {
    id: 'tooManyFailedAttempts',
    code: 'TooManyFailedAttemptsException',
    toUi: (operation) => attemptsExceeded(operation),
  },
  {
    id: 'tooManyRequests',
    code: 'TooManyRequestsException',
    toUi: () => form('errors.tooManyRequests'),
  },

  // --- InvalidParameterException: one code, many causes ---
  {
    id: 'noVerifiedContact',
    code: 'InvalidParameterException',
    message: /no registered\/verified email or phone_number/,
    toUi: () => form('errors.noVerifiedContact'),
  },
  {
    id: 'flowNotEnabled',
    code: 'InvalidParameterException',
    // Any flow, in either wording: "USER_PASSWORD_AUTH flow not enabled for this client",
    // "USER_SRP_AUTH is not enabled for the client.", "Auth flow not enabled for this client" (§4.1).
    message: /flow not enabled|is not enabled for the client/i,
    toUi: () => operator('errors.operator.flowNotEnabled'),
  },
  {
    id: 'requiredAttributeMissing',
    code: 'InvalidParameterException',
    message: /^Invalid attributes given, .+ is missing/,
    toUi: (_operation, failure) => {
      const names = /^Invalid attributes given, (.+) is missing/.exec(failure.message)?.[1] ?? '';
      // A single plain attribute name can go on its field; "a and b" cannot.
      if (/^[\w:.-]+$/.test(names)) return field(`attribute:${names}`, 'errors.attributeRequired');
      return form('errors.attributesMissing', { values: { attributes: names } });
    },
  },
  {
    id: 'attributeImmutable',
    code: 'InvalidParameterException',
    message: /^Cannot modify the non-mutable attribute/,
    toUi: () => form('errors.attributeNotModifiable'),
  },
  {
    id: 'passwordBelowModelMinimum',
    code: 'InvalidParameterException',
    // The old service model rejected passwords under 6 characters before the policy was checked (§5.3).
    message: /Value at '(password|proposedPassword)' failed to satisfy constraint/,
    toUi: weakPassword('errors.passwordPolicy.minLength'),
  },
  {
    id: 'mfaNoDeliveryConfig',
    code: 'InvalidParameterException',
    // SetUserMFAPreference for a method the user has nothing to receive it with (no phone, no email, no authenticator).
    message: /^User does not have delivery config set to turn on/,
    toUi: (_operation, failure) => {
      if (/SMS_MFA/.test(failure.message)) return form('errors.mfaNeedsVerifiedPhone');
      if (/EMAIL_OTP/.test(failure.message)) return form('errors.mfaNeedsVerifiedEmail');
      return form('errors.mfaNeedsAuthenticator');
    },
  },
  {
    id: 'noContactToVerify',
    code: 'InvalidParameterException',
    // GetUserAttributeVerificationCode for an email or phone the user does not have (removed since the page loaded).
    message: /^User does not have a valid registered (email address|phone number)/,
    toUi: (_operation, failure) => form(/email/.test(failure.message) ? 'errors.noEmailToVerify' : 'errors.noPhoneToVerify'),
  },
  { id: 'invalidParameterOther', code: 'InvalidParameterException', toUi: () => form('errors.invalidRequest') },

  // --- Deployment problems: the operator must act ---
  { id: 'resourceNotFound', code: 'ResourceNotFoundException', toUi: () => operator('errors.operator.resourceNotFound') },
  {
    id: 'operationNotEnabled',
    code: 'OperationNotEnabledException',
    toUi: () => operator('errors.operator.operationNotEnabled'),
  },
  {
    id: 'invalidPoolConfiguration',
    code: 'InvalidUserPoolConfigurationException',
    toUi: () => operator('errors.operator.poolConfiguration'),
  },

  // --- No answer, no session, server trouble ---
  { id: 'network', code: 'NetworkError', toUi: () => form('errors.network') },
  { id: 'noSession', code: 'NoSession', toUi: () => sessionExpired('errors.sessionEnded') },
  {
    id: 'internalError',
    code: 'InternalErrorException',
    toUi: () => form('errors.serviceUnavailable'),
  },
];

function findRow(failure: AuthFailure): ErrorRow | undefined {
  return ERROR_ROWS.find((row) => row.code === failure.code && (!row.message || row.message.test(failure.message)));
}

/** Cognito's answer as the user sees it for one operation. Unknown errors get a generic message (input kept). */
export function toUiError(failure: AuthFailure, operation: AuthOperation): UiError {
  const uiError = findRow(failure)?.toUi(operation, failure) ?? GENERIC_ERROR;
  return isRetryableFailure(failure) ? { ...uiError, retryable: true } : uiError;
}

/** The row that matched, for tests and diagnostics. */
export function errorRowId(failure: AuthFailure): string | undefined {
  return findRow(failure)?.id;
}

/**
 * A challenge this app does not answer (a custom challenge from the pool's Lambda triggers, or one Cognito
 * adds later): say so rather than leave the user waiting.
 */
export function unsupportedChallengeError(challengeName: string): UiError {
  return form('errors.unsupportedChallenge', { values: { challenge: challengeName } });
}
