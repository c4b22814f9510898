/**
 * Cognito's error types and exact message strings. Section numbers (§) point into
 * docs/cognito-behaviour.md; every string here is quoted from its catalogue (§5) unless a comment
 * marks it as this emulator's choice ([U]).
 */

/** A Cognito service error: serialised as `{"__type", "message"}` with HTTP 400 (500 for InternalErrorException). */
export class CognitoServiceError extends Error {
  readonly type: string;

  constructor(type: string, message: string) {
    super(message);
    this.name = type;
    this.type = type;
  }

  /** §0.3: InternalErrorException is the only fault; every other exception is a client fault (400). */
  get httpStatus(): number {
    return this.type === 'InternalErrorException' ? 500 : 400;
  }
}

const fail = (type: string, message: string): CognitoServiceError => new CognitoServiceError(type, message);

export const Messages = {
  // §5.1
  incorrectCredentials: 'Incorrect username or password.',
  userDoesNotExist: 'User does not exist.',
  usernameClientNotFound: 'Username/client id combination not found.',
  sessionExpired: 'Invalid session for the user, session is expired.',
  sessionInvalid: 'Invalid session for the user.',
  passwordResetRequired: 'Password reset required for the user',
  userDisabledSignIn: 'User is disabled.',
  // §4.3: the ForgotPassword / AdminResetUserPassword capture has no trailing period.
  userDisabledReset: 'User is disabled',
  temporaryPasswordExpired: 'Temporary password has expired and must be reset by an administrator.',
  userNotConfirmed: 'User is not confirmed.',
  passwordAttemptsExceeded: 'Password attempts exceeded',
  timestampFormat: 'TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english.',
  // §5.2
  accessTokenRevoked: 'Access Token has been revoked',
  accessTokenExpired: 'Access Token has expired',
  invalidAccessToken: 'Invalid Access Token',
  invalidRefreshToken: 'Invalid Refresh Token.',
  refreshTokenRevoked: 'Refresh Token has been revoked',
  // [U] §4.1: no capture of the expired-refresh-token message exists; this follows the access-token wording.
  refreshTokenExpired: 'Refresh Token has expired',
  // [U] §4.21: RefreshTokenReuseException's message is not published; this follows the other refresh-token wordings.
  refreshTokenReused: 'Refresh Token has been rotated',
  // [C] §4.21, §5.2: InitiateAuth REFRESH_TOKEN_AUTH on a client without ALLOW_REFRESH_TOKEN_AUTH (a rotating one).
  refreshFlowNotEnabled: 'REFRESH_TOKEN_AUTH flow not enabled for this client',
  cannotResetInCurrentState: 'User password cannot be reset in the current state.',
  noVerifiedContact:
    'Cannot reset password for the user as there is no registered/verified email or phone_number',
  codeMismatch: 'Invalid verification code provided, please try again.',
  codeExpired: 'Invalid code provided, please request a code again.',
  attemptLimitExceeded: 'Attempt limit exceeded, please try after some time.',
  userAccountExists: 'User account already exists',
  unauthorizedAttributeWrite: 'A client attempted to write unauthorized attribute',
  // docs/cognito-behaviour.md, MFA (rule numbers in brackets).
  mfaCodeMismatch: 'Invalid code or auth state for the user.', // M9
  softwareTokenAlreadyUsed: 'Your software token has already been used once.', // M12
  softwareTokenNotEnabledForPool: 'Software Token MFA has not been enabled by the userPool', // M10
  softwareTokenMissingForUser: 'Software Token MFA does not exist for the user.', // M8
  enableSoftwareTokenCodeMismatch: 'Code mismatch and fail enable Software Token MFA', // M11
  mfaConfigAllFactorsOff: "Invalid MFA configuration given, can't disable all MFAs with a required or optional configuration.", // M3
  mfaConfigOffWithFactor: "Invalid MFA configuration given, can't turn off MFA and configure an MFA together.", // M3
  // §4.19: GetUserAttributeVerificationCode's answers, captured against a real pool.
  notVerifiableAttribute: 'Invalid attribute name. Only phone_number and email can be verified.',
  noRegisteredEmail: 'User does not have a valid registered email address',
  noRegisteredPhoneNumber: 'User does not have a valid registered phone number',
  // §4.16: ListUsers AttributesToGet naming an attribute the pool does not have.
  requestedAttributesDoNotExist: 'One or more requested attributes do not exist.',
} as const;

export const Errors = {
  notAuthorized: (message: string) => fail('NotAuthorizedException', message),
  incorrectCredentials: () => fail('NotAuthorizedException', Messages.incorrectCredentials),
  invalidParameter: (message: string) => fail('InvalidParameterException', message),
  /** §4.1 step 4 wording, used for every missing AuthParameters / ChallengeResponses entry. */
  missingAuthParameter: (name: string) => fail('InvalidParameterException', `Missing required parameter ${name}`),
  /**
   * A required request member that is absent or null. AWS validates its model before the operation runs and
   * answers in this form (§5.3 quotes the same "1 validation error detected" shape for a length constraint).
   */
  missingMember: (memberName: string) =>
    fail(
      'InvalidParameterException',
      `1 validation error detected: Value null at '${lowerFirst(memberName)}' failed to satisfy constraint: Member must not be null`,
    ),
  enumMember: (memberName: string, value: string, allowed: readonly string[]) =>
    fail(
      'InvalidParameterException',
      `1 validation error detected: Value '${value}' at '${lowerFirst(memberName)}' failed to satisfy constraint: Member must satisfy enum value set: [${allowed.join(', ')}]`,
    ),
  userNotFound: (message: string = Messages.userDoesNotExist) => fail('UserNotFoundException', message),
  userNotConfirmed: () => fail('UserNotConfirmedException', Messages.userNotConfirmed),
  passwordResetRequired: () => fail('PasswordResetRequiredException', Messages.passwordResetRequired),
  invalidPassword: (message: string) => fail('InvalidPasswordException', message),
  codeMismatch: () => fail('CodeMismatchException', Messages.codeMismatch),
  codeExpired: () => fail('ExpiredCodeException', Messages.codeExpired),
  limitExceeded: () => fail('LimitExceededException', Messages.attemptLimitExceeded),
  /** §4.9; with a message naming the attribute when an email or phone number is taken (§10.2). */
  usernameExists: (message: string = Messages.userAccountExists) => fail('UsernameExistsException', message),
  /** §10.3: an email, phone number or preferred_username that already names another user. */
  aliasExists: (message: string) => fail('AliasExistsException', message),
  /** docs/cognito-behaviour.md, MFA, M9: a wrong MFA code, or an answer to a challenge that is not the pending one. */
  mfaCodeMismatch: () => fail('CodeMismatchException', Messages.mfaCodeMismatch),
  softwareTokenAlreadyUsed: () => fail('ExpiredCodeException', Messages.softwareTokenAlreadyUsed),
  softwareTokenMfaNotFound: (message: string) => fail('SoftwareTokenMFANotFoundException', message),
  enableSoftwareTokenMfa: () => fail('EnableSoftwareTokenMFAException', Messages.enableSoftwareTokenCodeMismatch),
  /** MFA, M13: SetUserMFAPreference for a factor the user has no phone, email or verified authenticator for. */
  noMfaDeliveryConfig: (factor: string) =>
    fail('InvalidParameterException', `User does not have delivery config set to turn on ${factor}`),
  /**
   * §4.12 [R]: every attribute outside the pool schema, one line each, each line ending in a newline. `create` is
   * the form SignUp answers, `update` the form UpdateUserAttributes answers. [U] Which form AdminCreateUser
   * (`create`), AdminUpdateUserAttributes and the NEW_PASSWORD_REQUIRED answer (`update`) use.
   */
  attributesNotInSchema: (names: readonly string[], form: 'create' | 'update') => {
    const lines = names.map((name) => `${form === 'update' ? 'user.' : ''}${name}: Attribute does not exist in the schema.\n`).join('');
    return fail('InvalidParameterException', form === 'create' ? `Attributes did not conform to the schema: ${lines}` : lines);
  },
  /** [U] The model declares UnsupportedUserStateException (e.g. AdminCreateUser RESEND); callers word the message. */
  unsupportedUserState: (message: string) => fail('UnsupportedUserStateException', message),
  poolClientNotFound: (clientId: string) =>
    fail('ResourceNotFoundException', `User pool client ${clientId} does not exist.`),
  poolNotFound: (poolId: string) => fail('ResourceNotFoundException', `User pool ${poolId} does not exist.`),
  /** §0.3 error body for a bad request body; AWS's JSON protocol uses this type for undecodable input. */
  serialization: (message: string) => fail('SerializationException', message),
  unknownOperation: (operation: string) =>
    fail(
      'UnknownOperationException',
      operation
        ? `Operation ${operation} is not supported by this local user pool.`
        : 'The X-Amz-Target header must name an AWSCognitoIdentityProviderService operation.',
    ),
  internal: () => fail('InternalErrorException', 'The local user pool failed to process the request.'),
} as const;

/** AWS model validation names a member with its first letter in lower case ('username', 'advanceSeconds'). */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
