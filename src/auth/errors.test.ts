import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import type { UiError } from './auth-types';
import { ERROR_ROWS, errorRowId, toUiError, unsupportedChallengeError, type AuthOperation } from './errors';

interface Case {
  row: string;
  code: string;
  /** Cognito's exact message (docs/cognito-behaviour.md §5). */
  message: string;
  operation: AuthOperation;
  expected: UiError;
}

// One case per row of the table, with Cognito's exact strings; extra cases where the operation changes the answer.
const cases: Case[] = [
  {
    row: 'wrongPassword',
    code: 'NotAuthorizedException',
    message: 'Incorrect username or password.',
    operation: 'signIn',
    expected: { kind: 'form', messageKey: 'errors.wrongCredentials', field: 'password' },
  },
  {
    row: 'wrongPassword',
    code: 'NotAuthorizedException',
    message: 'Incorrect username or password.',
    operation: 'changePassword',
    expected: { kind: 'field', field: 'currentPassword', messageKey: 'errors.currentPasswordWrong' },
  },
  {
    row: 'userDisabled',
    code: 'NotAuthorizedException',
    message: 'User is disabled.',
    operation: 'signIn',
    expected: { kind: 'form', messageKey: 'errors.userDisabled' },
  },
  {
    row: 'userDisabled',
    code: 'NotAuthorizedException',
    message: 'User is disabled',
    operation: 'forgotPassword',
    expected: { kind: 'form', messageKey: 'errors.userDisabled' },
  },
  {
    row: 'temporaryPasswordExpired',
    code: 'NotAuthorizedException',
    message: 'Temporary password has expired and must be reset by an administrator.',
    operation: 'signIn',
    expected: { kind: 'form', messageKey: 'errors.temporaryPasswordExpired' },
  },
  {
    row: 'challengeSessionExpired',
    code: 'NotAuthorizedException',
    message: 'Invalid session for the user, session is expired.',
    operation: 'newPassword',
    expected: { kind: 'sessionExpired', messageKey: 'errors.challengeExpired' },
  },
  {
    row: 'challengeSessionInvalid',
    code: 'NotAuthorizedException',
    message: 'Invalid session for the user.',
    operation: 'newPassword',
    expected: { kind: 'sessionExpired', messageKey: 'errors.challengeInvalid' },
  },
  {
    row: 'challengeSessionInvalid',
    code: 'NotAuthorizedException',
    message: 'Invalid session provided for the user.',
    operation: 'newPassword',
    expected: { kind: 'sessionExpired', messageKey: 'errors.challengeInvalid' },
  },
  {
    row: 'passwordAttemptsExceeded',
    code: 'NotAuthorizedException',
    message: 'Password attempts exceeded',
    operation: 'signIn',
    expected: { kind: 'form', messageKey: 'errors.passwordAttemptsExceeded' },
  },
  {
    row: 'tokenRevokedOrExpired',
    code: 'NotAuthorizedException',
    message: 'Access Token has been revoked',
    operation: 'signOutEverywhere',
    expected: { kind: 'sessionExpired', messageKey: 'errors.sessionEnded' },
  },
  {
    row: 'tokenRevokedOrExpired',
    code: 'NotAuthorizedException',
    message: 'Refresh Token has been revoked',
    operation: 'changePassword',
    expected: { kind: 'sessionExpired', messageKey: 'errors.sessionEnded' },
  },
  {
    row: 'refreshTokenReused',
    code: 'RefreshTokenReuseException',
    // [U] docs/cognito-behaviour.md §4.21: the local pool's wording; the row matches on the type alone.
    message: 'Refresh Token has been rotated',
    operation: 'accountSettings',
    expected: { kind: 'sessionExpired', messageKey: 'errors.sessionEnded' },
  },
  {
    row: 'resetNotAllowedInCurrentState',
    code: 'NotAuthorizedException',
    message: 'User password cannot be reset in the current state.',
    operation: 'forgotPassword',
    expected: { kind: 'form', messageKey: 'errors.resetNotAllowedInCurrentState' },
  },
  {
    row: 'secretHash',
    code: 'NotAuthorizedException',
    message: 'Unable to verify secret hash for client localdemosecretclient00001',
    operation: 'signIn',
    expected: { kind: 'operator', messageKey: 'errors.operator.clientSecret' },
  },
  {
    row: 'secretHash',
    code: 'NotAuthorizedException',
    message: 'Client localdemosecretclient00001 is configured for secret but secret was not received',
    operation: 'forgotPassword',
    expected: { kind: 'operator', messageKey: 'errors.operator.clientSecret' },
  },
  {
    row: 'secretHash',
    code: 'NotAuthorizedException',
    message: 'Client localdemosecretclient00001 is configured with secret but SECRET_HASH was not received',
    operation: 'signIn',
    expected: { kind: 'operator', messageKey: 'errors.operator.clientSecret' },
  },
  {
    row: 'secretHash',
    code: 'NotAuthorizedException',
    message: 'SecretHash does not match for the client: localdemosecretclient00001',
    operation: 'signIn',
    expected: { kind: 'operator', messageKey: 'errors.operator.clientSecret' },
  },
  {
    row: 'attributeAlreadyProvided',
    code: 'NotAuthorizedException',
    message: 'Cannot modify an already provided email',
    operation: 'newPassword',
    expected: { kind: 'form', messageKey: 'errors.attributeNotModifiable' },
  },
  {
    row: 'attributeNotWritable',
    code: 'NotAuthorizedException',
    message: 'A client attempted to write unauthorized attribute',
    operation: 'newPassword',
    expected: { kind: 'operator', messageKey: 'errors.operator.attributeNotWritable' },
  },
  {
    row: 'notAuthorizedOther',
    code: 'NotAuthorizedException',
    message: 'Something Cognito has not said before',
    operation: 'signIn',
    expected: { kind: 'form', messageKey: 'errors.wrongCredentials', field: 'password' },
  },
  {
    row: 'notAuthorizedOther',
    code: 'NotAuthorizedException',
    message: 'Something Cognito has not said before',
    operation: 'confirmReset',
    expected: { kind: 'form', messageKey: 'errors.notAuthorized' },
  },
  {
    row: 'userNotFound',
    code: 'UserNotFoundException',
    message: 'User does not exist.',
    operation: 'signIn',
    // Same as a wrong password: the page does not say more than an ENABLED pool would.
    expected: { kind: 'form', messageKey: 'errors.wrongCredentials', field: 'password' },
  },
  {
    row: 'userNotFound',
    code: 'UserNotFoundException',
    message: 'Username/client id combination not found.',
    operation: 'forgotPassword',
    expected: { kind: 'form', messageKey: 'errors.resetUnavailable' },
  },
  {
    row: 'userNotFound',
    code: 'UserNotFoundException',
    message: 'Username/client id combination not found.',
    operation: 'confirmReset',
    expected: { kind: 'field', field: 'code', messageKey: 'errors.codeMismatch' },
  },
  {
    row: 'userNotFound',
    code: 'UserNotFoundException',
    message: 'User does not exist.',
    operation: 'newPassword',
    expected: { kind: 'sessionExpired', messageKey: 'errors.challengeInvalid' },
  },
  {
    // A signed-in user deleted by an administrator: the session is over, not the password wrong.
    row: 'userNotFound',
    code: 'UserNotFoundException',
    message: 'User does not exist.',
    operation: 'changePassword',
    expected: { kind: 'sessionExpired', messageKey: 'errors.sessionEnded' },
  },
  {
    row: 'userNotFound',
    code: 'UserNotFoundException',
    message: 'User does not exist.',
    operation: 'signOutEverywhere',
    expected: { kind: 'sessionExpired', messageKey: 'errors.sessionEnded' },
  },
  {
    row: 'userNotConfirmed',
    code: 'UserNotConfirmedException',
    message: 'User is not confirmed.',
    operation: 'signIn',
    expected: { kind: 'form', messageKey: 'errors.userNotConfirmed' },
  },
  {
    row: 'passwordResetRequired',
    code: 'PasswordResetRequiredException',
    message: 'Password reset required for the user',
    operation: 'signIn',
    expected: { kind: 'form', messageKey: 'errors.passwordResetRequired' },
  },
  {
    // An administrator reset the password of a signed-in user: the session is over.
    row: 'passwordResetRequired',
    code: 'PasswordResetRequiredException',
    message: 'Password reset required for the user',
    operation: 'accountSettings',
    expected: { kind: 'sessionExpired', messageKey: 'errors.sessionEnded' },
  },
  {
    row: 'passwordResetRequired',
    code: 'PasswordResetRequiredException',
    message: 'Password reset required for the user',
    operation: 'changePassword',
    expected: { kind: 'sessionExpired', messageKey: 'errors.sessionEnded' },
  },
  {
    row: 'passwordResetRequired',
    code: 'PasswordResetRequiredException',
    message: 'Password reset required for the user',
    operation: 'signOutEverywhere',
    expected: { kind: 'sessionExpired', messageKey: 'errors.sessionEnded' },
  },
  {
    row: 'passwordResetRequired',
    code: 'PasswordResetRequiredException',
    message: 'Password reset required for the user',
    operation: 'authenticatorSetup',
    expected: { kind: 'sessionExpired', messageKey: 'errors.sessionEnded' },
  },
  {
    row: 'passwordResetRequired',
    code: 'PasswordResetRequiredException',
    message: 'Password reset required for the user',
    operation: 'verifyAttribute',
    expected: { kind: 'sessionExpired', messageKey: 'errors.sessionEnded' },
  },
  {
    row: 'passwordTooShort',
    code: 'InvalidPasswordException',
    message: 'Password does not conform to policy: Password not long enough',
    operation: 'confirmReset',
    expected: { kind: 'field', field: 'newPassword', messageKey: 'errors.passwordPolicy.minLength' },
  },
  {
    row: 'passwordNeedsLowercase',
    code: 'InvalidPasswordException',
    message: 'Password does not conform to policy: Password must have lowercase characters',
    operation: 'newPassword',
    expected: { kind: 'field', field: 'newPassword', messageKey: 'errors.passwordPolicy.lowercase' },
  },
  {
    row: 'passwordNeedsUppercase',
    code: 'InvalidPasswordException',
    message: 'Password did not conform with policy: Password must have uppercase characters',
    operation: 'changePassword',
    expected: { kind: 'field', field: 'newPassword', messageKey: 'errors.passwordPolicy.uppercase' },
  },
  {
    row: 'passwordNeedsNumber',
    code: 'InvalidPasswordException',
    message: 'Password does not conform to policy: Password must have numeric characters',
    operation: 'newPassword',
    expected: { kind: 'field', field: 'newPassword', messageKey: 'errors.passwordPolicy.number' },
  },
  {
    row: 'passwordNeedsSymbol',
    code: 'InvalidPasswordException',
    message: 'Password does not conform to policy: Password must have symbol characters',
    operation: 'confirmReset',
    expected: { kind: 'field', field: 'newPassword', messageKey: 'errors.passwordPolicy.symbol' },
  },
  {
    row: 'passwordPolicyOther',
    code: 'InvalidPasswordException',
    message: 'Password does not conform to policy: Password must not contain the username',
    operation: 'changePassword',
    expected: { kind: 'field', field: 'newPassword', messageKey: 'errors.passwordPolicy.generic' },
  },
  {
    row: 'passwordReused',
    code: 'PasswordHistoryPolicyViolationException',
    message: 'The password history policy was violated.',
    operation: 'changePassword',
    expected: { kind: 'field', field: 'newPassword', messageKey: 'errors.passwordPolicy.reused' },
  },
  {
    row: 'codeMismatch',
    code: 'CodeMismatchException',
    message: 'Invalid verification code provided, please try again.',
    operation: 'confirmReset',
    expected: { kind: 'field', field: 'code', messageKey: 'errors.codeMismatch' },
  },
  {
    row: 'codeExpired',
    code: 'ExpiredCodeException',
    message: 'Invalid code provided, please request a code again.',
    operation: 'confirmReset',
    expected: { kind: 'form', messageKey: 'errors.codeExpired' },
  },
  {
    row: 'aliasExists',
    code: 'AliasExistsException',
    message: 'An account with the given email already exists.',
    operation: 'verifyAttribute',
    expected: { kind: 'form', messageKey: 'errors.aliasExists' },
  },
  {
    row: 'codeMismatch',
    code: 'CodeMismatchException',
    message: 'Invalid verification code provided, please try again.',
    operation: 'verifyAttribute',
    expected: { kind: 'field', field: 'code', messageKey: 'errors.codeMismatch' },
  },
  {
    row: 'codeExpired',
    code: 'ExpiredCodeException',
    message: 'Invalid code provided, please request a code again.',
    operation: 'verifyAttribute',
    expected: { kind: 'field', field: 'code', messageKey: 'errors.codeExpired' },
  },
  {
    row: 'limitExceeded',
    code: 'LimitExceededException',
    message: 'Attempt limit exceeded, please try after some time.',
    operation: 'verifyAttribute',
    expected: { kind: 'form', messageKey: 'errors.limitExceeded' },
  },
  {
    row: 'limitExceeded',
    code: 'LimitExceededException',
    message: 'Attempt limit exceeded, please try after some time.',
    operation: 'forgotPassword',
    expected: { kind: 'form', messageKey: 'errors.limitExceeded' },
  },
  {
    row: 'tooManyRequests',
    code: 'TooManyRequestsException',
    message: 'Rate exceeded',
    operation: 'signIn',
    expected: { kind: 'form', messageKey: 'errors.tooManyRequests', retryable: true },
  },
  {
    row: 'noVerifiedContact',
    code: 'InvalidParameterException',
    message: 'Cannot reset password for the user as there is no registered/verified email or phone_number',
    operation: 'forgotPassword',
    expected: { kind: 'form', messageKey: 'errors.noVerifiedContact' },
  },
  {
    row: 'flowNotEnabled',
    code: 'InvalidParameterException',
    message: 'USER_PASSWORD_AUTH flow not enabled for this client',
    operation: 'signIn',
    expected: { kind: 'operator', messageKey: 'errors.operator.flowNotEnabled' },
  },
  {
    row: 'flowNotEnabled',
    code: 'InvalidParameterException',
    message: 'USER_SRP_AUTH is not enabled for the client.',
    operation: 'signIn',
    expected: { kind: 'operator', messageKey: 'errors.operator.flowNotEnabled' },
  },
  {
    row: 'flowNotEnabled',
    code: 'InvalidParameterException',
    message: 'REFRESH_TOKEN_AUTH flow not enabled for this client',
    operation: 'changePassword',
    expected: { kind: 'operator', messageKey: 'errors.operator.flowNotEnabled' },
  },
  {
    row: 'flowNotEnabled',
    code: 'InvalidParameterException',
    message: 'Auth flow not enabled for this client',
    operation: 'signIn',
    expected: { kind: 'operator', messageKey: 'errors.operator.flowNotEnabled' },
  },
  {
    row: 'flowNotEnabled',
    code: 'InvalidParameterException',
    message: 'CUSTOM_AUTH is not enabled for the client.',
    operation: 'signIn',
    expected: { kind: 'operator', messageKey: 'errors.operator.flowNotEnabled' },
  },
  {
    row: 'requiredAttributeMissing',
    code: 'InvalidParameterException',
    message: 'Invalid attributes given, name is missing',
    operation: 'newPassword',
    expected: { kind: 'field', field: 'attribute:name', messageKey: 'errors.attributeRequired' },
  },
  {
    row: 'requiredAttributeMissing',
    code: 'InvalidParameterException',
    message: 'Invalid attributes given, name and adress is missing',
    operation: 'newPassword',
    expected: { kind: 'form', messageKey: 'errors.attributesMissing', values: { attributes: 'name and adress' } },
  },
  {
    row: 'attributeImmutable',
    code: 'InvalidParameterException',
    message: 'Cannot modify the non-mutable attribute email_verified',
    operation: 'newPassword',
    expected: { kind: 'form', messageKey: 'errors.attributeNotModifiable' },
  },
  {
    row: 'passwordBelowModelMinimum',
    code: 'InvalidParameterException',
    message:
      "1 validation error detected: Value at 'password' failed to satisfy constraint: Member must have length greater than or equal to 6",
    operation: 'confirmReset',
    expected: { kind: 'field', field: 'newPassword', messageKey: 'errors.passwordPolicy.minLength' },
  },
  {
    row: 'mfaNoDeliveryConfig',
    code: 'InvalidParameterException',
    message: 'User does not have delivery config set to turn on SMS_MFA',
    operation: 'accountSettings',
    expected: { kind: 'form', messageKey: 'errors.mfaNeedsVerifiedPhone' },
  },
  {
    row: 'mfaNoDeliveryConfig',
    code: 'InvalidParameterException',
    message: 'User does not have delivery config set to turn on EMAIL_OTP',
    operation: 'accountSettings',
    expected: { kind: 'form', messageKey: 'errors.mfaNeedsVerifiedEmail' },
  },
  {
    row: 'mfaNoDeliveryConfig',
    code: 'InvalidParameterException',
    message: 'User does not have delivery config set to turn on SOFTWARE_TOKEN_MFA',
    operation: 'accountSettings',
    expected: { kind: 'form', messageKey: 'errors.mfaNeedsAuthenticator' },
  },
  {
    row: 'noContactToVerify',
    code: 'InvalidParameterException',
    message: 'User does not have a valid registered email address',
    operation: 'verifyAttribute',
    expected: { kind: 'form', messageKey: 'errors.noEmailToVerify' },
  },
  {
    row: 'noContactToVerify',
    code: 'InvalidParameterException',
    message: 'User does not have a valid registered phone number',
    operation: 'verifyAttribute',
    expected: { kind: 'form', messageKey: 'errors.noPhoneToVerify' },
  },
  {
    row: 'userNotFound',
    code: 'UserNotFoundException',
    message: 'User does not exist.',
    operation: 'accountSettings',
    expected: { kind: 'sessionExpired', messageKey: 'errors.sessionEnded' },
  },
  {
    row: 'invalidParameterOther',
    code: 'InvalidParameterException',
    message: 'Missing required parameter USERNAME',
    operation: 'signIn',
    expected: { kind: 'form', messageKey: 'errors.invalidRequest' },
  },
  {
    row: 'resourceNotFound',
    code: 'ResourceNotFoundException',
    message: 'User pool client localdemoappclient00000001 does not exist.',
    operation: 'signIn',
    expected: { kind: 'operator', messageKey: 'errors.operator.resourceNotFound' },
  },
  {
    row: 'operationNotEnabled',
    code: 'OperationNotEnabledException',
    message: 'This operation is not enabled.',
    operation: 'forgotPassword',
    expected: { kind: 'operator', messageKey: 'errors.operator.operationNotEnabled' },
  },
  {
    row: 'invalidPoolConfiguration',
    code: 'InvalidUserPoolConfigurationException',
    message: 'Pool configuration is invalid.',
    operation: 'signIn',
    expected: { kind: 'operator', messageKey: 'errors.operator.poolConfiguration' },
  },
  {
    row: 'network',
    code: 'NetworkError',
    message: 'Network error',
    operation: 'signIn',
    expected: { kind: 'form', messageKey: 'errors.network', retryable: true },
  },
  {
    row: 'noSession',
    code: 'NoSession',
    message: 'There is no signed-in session on this device.',
    operation: 'changePassword',
    expected: { kind: 'sessionExpired', messageKey: 'errors.sessionEnded' },
  },
  {
    row: 'internalError',
    code: 'InternalErrorException',
    message: 'Internal server error.',
    operation: 'confirmReset',
    expected: { kind: 'form', messageKey: 'errors.serviceUnavailable', retryable: true },
  },
  // --- Second factors at sign-in, and an authenticator's set-up ---
  {
    row: 'codeMismatch',
    code: 'CodeMismatchException',
    message: 'Invalid code or auth state for the user.', // a wrong text-message or email code
    operation: 'mfaCode',
    expected: { kind: 'field', field: 'code', messageKey: 'errors.codeMismatch' },
  },
  {
    row: 'codeMismatch',
    code: 'CodeMismatchException',
    message: 'Invalid code received for user', // a wrong authenticator code at sign-in
    operation: 'mfaCode',
    expected: { kind: 'field', field: 'code', messageKey: 'errors.codeMismatch' },
  },
  {
    row: 'totpCodeUsed',
    code: 'ExpiredCodeException',
    message: 'Your software token has already been used once.',
    operation: 'mfaCode',
    expected: { kind: 'field', field: 'code', messageKey: 'errors.totpCodeUsed' },
  },
  {
    row: 'codeExpired',
    code: 'ExpiredCodeException',
    message: 'Invalid code provided, please request a code again.',
    operation: 'mfaCode',
    expected: { kind: 'field', field: 'code', messageKey: 'errors.mfaCodeExpired' },
  },
  {
    row: 'authenticatorCodeMismatch',
    code: 'EnableSoftwareTokenMFAException',
    message: 'Code mismatch and fail enable Software Token MFA',
    operation: 'authenticatorSetup',
    expected: { kind: 'field', field: 'code', messageKey: 'errors.authenticatorCodeMismatch' },
  },
  {
    row: 'authenticatorNotEnabledForPool',
    code: 'SoftwareTokenMFANotFoundException',
    message: 'Software Token MFA has not been enabled by the userPool',
    operation: 'authenticatorSetup',
    expected: { kind: 'operator', messageKey: 'errors.operator.authenticatorNotEnabled' },
  },
  {
    row: 'authenticatorNotFound',
    code: 'SoftwareTokenMFANotFoundException',
    message: 'Software Token MFA does not exist for the user.',
    operation: 'mfaCode',
    expected: { kind: 'form', messageKey: 'errors.authenticatorNotFound' },
  },
  {
    row: 'limitExceeded',
    code: 'LimitExceededException',
    message: 'Attempt limit exceeded, please try after some time.',
    operation: 'mfaCode',
    expected: { kind: 'form', messageKey: 'errors.codeAttemptsExceeded' },
  },
  {
    row: 'limitExceeded',
    code: 'LimitExceededException',
    message: 'Attempt limit exceeded, please try after some time.',
    operation: 'authenticatorSetup',
    expected: { kind: 'form', messageKey: 'errors.codeAttemptsExceeded' },
  },
  {
    // No capture of this answer's message exists (Cognito does not publish its code limits); the code alone decides.
    row: 'tooManyFailedAttempts',
    code: 'TooManyFailedAttemptsException',
    message: 'Too many failed attempts.',
    operation: 'mfaCode',
    expected: { kind: 'form', messageKey: 'errors.codeAttemptsExceeded' },
  },
  {
    row: 'tooManyFailedAttempts',
    code: 'TooManyFailedAttemptsException',
    message: 'Too many failed attempts.',
    operation: 'signIn',
    expected: { kind: 'form', messageKey: 'errors.limitExceeded' },
  },
  {
    row: 'challengeSessionInvalid',
    code: 'NotAuthorizedException',
    message: 'Invalid session for the user, session can only be used once.',
    operation: 'mfaCode',
    expected: { kind: 'sessionExpired', messageKey: 'errors.challengeInvalid' },
  },
  {
    row: 'challengeSessionExpired',
    code: 'NotAuthorizedException',
    message: 'Invalid session for the user, session is expired.',
    operation: 'authenticatorSetup',
    expected: { kind: 'sessionExpired', messageKey: 'errors.challengeExpired' },
  },
];

describe('toUiError', () => {
  it.each(cases.map((testCase) => [testCase.row, testCase.operation, testCase.message, testCase] as const))(
    '%s on %s: %j',
    (row, operation, _message, { code, message, expected }) => {
      expect(errorRowId({ code, message })).toBe(row);
      expect(toUiError({ code, message }, operation)).toEqual(expected);
    },
  );

  it('gives an unknown code the generic form message', () => {
    expect(toUiError({ code: 'SomethingNewException', message: 'new' }, 'signIn')).toEqual({
      kind: 'form',
      messageKey: 'errors.generic',
    });
  });

  it('gives UnknownError the generic form message', () => {
    expect(toUiError({ code: 'UnknownError', message: '' }, 'changePassword')).toEqual({
      kind: 'form',
      messageKey: 'errors.generic',
    });
  });

  it('names an unsupported (custom) challenge', () => {
    expect(unsupportedChallengeError('CUSTOM_CHALLENGE')).toEqual({
      kind: 'form',
      messageKey: 'errors.unsupportedChallenge',
      values: { challenge: 'CUSTOM_CHALLENGE' },
    });
  });

  it('has a case above for every row of the table', () => {
    const tested = new Set(cases.map((testCase) => testCase.row));
    expect(ERROR_ROWS.map((row) => row.id).filter((id) => !tested.has(id))).toEqual([]);
  });

  it('has every message in the English catalog', () => {
    const keys = [...cases.map((testCase) => testCase.expected.messageKey), 'errors.generic', 'errors.unsupportedChallenge'];
    expect(keys.filter((key) => !i18n.exists(key))).toEqual([]);
  });
});
