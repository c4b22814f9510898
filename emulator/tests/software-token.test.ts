import {
  AdminGetUserCommand,
  AssociateSoftwareTokenCommand,
  SetUserPoolMfaConfigCommand,
  VerifySoftwareTokenCommand,
  type CognitoIdentityProviderServiceException,
} from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoUser, CognitoUserSession } from 'amazon-cognito-identity-js';
import { describe, expect, it } from 'vitest';
import { BASE32_SECRET } from '../totp';
import {
  APP_CLIENT,
  DEMO_PASSWORD,
  DEMO_TOTP_SECRET,
  MFA_APP_CLIENT,
  MFA_POOL_ID,
  NEW_USER_TEMP_PASSWORD,
  POOL_ID,
  adminClient,
  advanceClock,
  authenticatorCode,
  call,
  completeNewPassword,
  expectError,
  frozenClockBase,
  passwordSignIn,
  sendMfaCode,
  settle,
  signIn,
  signedIn,
  useEmulator,
  type CognitoClientError,
} from './helpers';

/** AssociateSoftwareToken, VerifySoftwareToken and the MFA_SETUP challenge (docs/cognito-behaviour.md, MFA, M10–M12). */

const emulator = useEmulator({ clockBase: frozenClockBase() });
const url = () => emulator.current.url;
const admin = () => adminClient(emulator.current.url);
const code = (secret: string, offsetSeconds = 0) => authenticatorCode(emulator.current, secret, offsetSeconds);

const INVALID_SESSION = { type: 'NotAuthorizedException', message: 'Invalid session for the user.' };
const CODE_MISMATCH = { type: 'EnableSoftwareTokenMFAException', message: 'Code mismatch and fail enable Software Token MFA' };
const NEW_PASSWORD = 'Own-Mfa-Passw0rd!';

function associateWithCij(user: CognitoUser): Promise<{ secret?: string; error?: CognitoClientError }> {
  return new Promise((resolve) => {
    user.associateSoftwareToken({
      associateSecretCode: (secret) => resolve({ secret }),
      onFailure: (error: CognitoClientError) => resolve({ error }),
    });
  });
}

function verifyWithCij(user: CognitoUser, userCode: string, deviceName: string): Promise<{ result?: unknown; error?: CognitoClientError }> {
  return new Promise((resolve) => {
    user.verifySoftwareToken(userCode, deviceName, {
      // Session mode hands over a CognitoUserSession, AccessToken mode VerifySoftwareToken's raw answer.
      onSuccess: (result: CognitoUserSession | { Status: string }) => resolve({ result }),
      onFailure: (error) => resolve({ error: error as unknown as CognitoClientError }),
    });
  });
}

/** mfa.new.user: temporary password → new password → MFA_SETUP, over the wire. Returns the MFA_SETUP Session. */
async function mfaSetupSession(): Promise<string> {
  const first = await passwordSignIn(url(), 'mfa.new.user', NEW_USER_TEMP_PASSWORD, MFA_APP_CLIENT);
  expect(first.body.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
  const second = await call(url(), 'RespondToAuthChallenge', {
    ChallengeName: 'NEW_PASSWORD_REQUIRED',
    ClientId: MFA_APP_CLIENT,
    Session: first.body.Session,
    ChallengeResponses: { USERNAME: 'mfa.new.user', NEW_PASSWORD },
  });
  expect(second.body).toMatchObject({
    ChallengeName: 'MFA_SETUP',
    ChallengeParameters: { MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA"]', USER_ID_FOR_SRP: 'mfa.new.user' },
  });
  return String(second.body.Session);
}

const associate = (body: Record<string, unknown>) => call(url(), 'AssociateSoftwareToken', body);
const verify = (body: Record<string, unknown>) => call(url(), 'VerifySoftwareToken', body);
const finishSetup = (session: string) =>
  call(url(), 'RespondToAuthChallenge', {
    ChallengeName: 'MFA_SETUP',
    ClientId: MFA_APP_CLIENT,
    Session: session,
    ChallengeResponses: { USERNAME: 'mfa.new.user' },
  });

async function accessTokenOf(username: string): Promise<string> {
  return (await signedIn(url(), username, DEMO_PASSWORD)).session.getAccessToken().getJwtToken();
}

describe('MFA_SETUP during sign-in (M10, M11)', () => {
  it('sets up an authenticator with amazon-cognito-identity-js after the new password, then asks for it at sign-in', async () => {
    const first = await signIn(url(), 'mfa.new.user', NEW_USER_TEMP_PASSWORD, { clientId: MFA_APP_CLIENT, poolId: MFA_POOL_ID });
    expect(first.kind).toBe('newPasswordRequired');
    const setup = await completeNewPassword(first.user, NEW_PASSWORD, {});
    expect(setup).toMatchObject({ kind: 'mfaSetup', challengeName: 'MFA_SETUP', parameters: { MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA"]' } });

    const { secret } = await associateWithCij(setup.user);
    expect(secret).toMatch(BASE32_SECRET);
    expect(secret?.length).toBeGreaterThanOrEqual(32);
    const wrong = await verifyWithCij(setup.user, '000000', 'My phone');
    expect(wrong.error).toMatchObject({ code: CODE_MISMATCH.type, message: CODE_MISMATCH.message });
    const verified = await verifyWithCij(setup.user, code(secret ?? ''), 'My phone');
    expect(verified.error).toBeUndefined();
    expect((verified.result as CognitoUserSession).isValid()).toBe(true);

    const { UserMFASettingList, PreferredMfaSetting } = await admin().send(
      new AdminGetUserCommand({ UserPoolId: MFA_POOL_ID, Username: 'mfa.new.user' }),
    );
    expect({ UserMFASettingList, PreferredMfaSetting }).toEqual({ UserMFASettingList: ['SOFTWARE_TOKEN_MFA'], PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA' });

    // The code just used for VerifySoftwareToken is spent (M12); the next one signs in.
    const again = await signIn(url(), 'mfa.new.user', NEW_PASSWORD, { clientId: MFA_APP_CLIENT, poolId: MFA_POOL_ID });
    expect(again).toMatchObject({ kind: 'totpRequired', parameters: { FRIENDLY_DEVICE_NAME: 'My phone', USER_ID_FOR_SRP: 'mfa.new.user' } });
    const reused = await sendMfaCode(again.user, code(secret ?? ''), 'SOFTWARE_TOKEN_MFA');
    expect(reused.kind === 'failed' && reused.error).toMatchObject({
      code: 'ExpiredCodeException',
      message: 'Your software token has already been used once.',
    });
    await advanceClock(url(), 30);
    expect((await sendMfaCode(again.user, code(secret ?? ''), 'SOFTWARE_TOKEN_MFA')).kind).toBe('signedIn');
  });

  it('chains Sessions: challenge → Associate → (Associate again) → Verify → RespondToAuthChallenge, each spent when used', async () => {
    const challenge = await mfaSetupSession();
    const associated = await associate({ Session: challenge });
    expect(associated.status).toBe(200);
    expect(Object.keys(associated.body).sort()).toEqual(['SecretCode', 'Session']);
    expect(expectError(await associate({ Session: challenge }))).toEqual(INVALID_SESSION);

    const reassociated = await associate({ Session: associated.body.Session });
    const secret = String(reassociated.body.SecretCode);
    expect(secret).not.toBe(associated.body.SecretCode);
    expect(expectError(await verify({ Session: associated.body.Session, UserCode: code(secret) }))).toEqual(INVALID_SESSION);

    const session = String(reassociated.body.Session);
    expect(expectError(await verify({ Session: session, UserCode: '000000' }))).toEqual(CODE_MISMATCH);
    const verified = await verify({ Session: session, UserCode: code(secret), FriendlyDeviceName: 'Laptop' });
    expect(verified.body).toEqual({ Status: 'SUCCESS', Session: expect.stringMatching(/^AYAB/) });
    expect(expectError(await verify({ Session: session, UserCode: code(secret, 30) }))).toEqual(INVALID_SESSION);

    const done = await finishSetup(String(verified.body.Session));
    expect(done.body).toMatchObject({ ChallengeParameters: {}, AuthenticationResult: { TokenType: 'Bearer' } });
    expect(expectError(await finishSetup(String(verified.body.Session)))).toEqual(INVALID_SESSION);
  });

  it('refuses to finish MFA_SETUP before the authenticator is verified, keeping the Session', async () => {
    const challenge = await mfaSetupSession();
    expect(expectError(await finishSetup(challenge))).toEqual({ type: 'CodeMismatchException', message: 'Invalid code or auth state for the user.' });
    expect((await associate({ Session: challenge })).status).toBe(200);
  });

  it('keeps the MFA_SETUP expiry through Associate and Verify: set-up never extends the sign-in', async () => {
    const challenge = await mfaSetupSession();
    await advanceClock(url(), 2 * 60);
    const associated = await associate({ Session: challenge });
    const secret = String(associated.body.SecretCode);
    await advanceClock(url(), 61);
    const late = await verify({ Session: associated.body.Session, UserCode: code(secret) });
    expect(expectError(late)).toEqual({ type: 'NotAuthorizedException', message: 'Invalid session for the user, session is expired.' });
  });

  it('refuses a Session that is not an MFA_SETUP one', async () => {
    const sms = await passwordSignIn(url(), 'sms.user', DEMO_PASSWORD);
    expect(expectError(await associate({ Session: sms.body.Session }))).toEqual(INVALID_SESSION);
    expect(expectError(await associate({ Session: 'AYAB' + 'x'.repeat(40) }))).toEqual(INVALID_SESSION);
  });

  it('answers SoftwareTokenMFANotFoundException when the pool offers no authenticator', async () => {
    await admin().send(new SetUserPoolMfaConfigCommand({ UserPoolId: POOL_ID, MfaConfiguration: 'ON', SmsMfaConfiguration: {} }));
    const challenge = await passwordSignIn(url(), 'demo.user', DEMO_PASSWORD);
    expect(challenge.body).toMatchObject({ ChallengeName: 'MFA_SETUP', ChallengeParameters: { MFAS_CAN_SETUP: '["SMS_MFA"]' } });
    expect(expectError(await associate({ Session: challenge.body.Session }))).toEqual({
      type: 'SoftwareTokenMFANotFoundException',
      message: 'Software Token MFA has not been enabled by the userPool',
    });
  });
});

describe('an authenticator for a signed-in user (AccessToken; M10, M11)', () => {
  it('associates and verifies with amazon-cognito-identity-js; verification alone does not turn MFA on', async () => {
    const { user } = await signedIn(url(), 'demo.user', DEMO_PASSWORD);
    const { secret } = await associateWithCij(user);
    expect(secret).toMatch(BASE32_SECRET);
    const verified = await verifyWithCij(user, code(secret ?? ''), 'Phone');
    expect(verified.result).toEqual({ Status: 'SUCCESS' });
    expect((await passwordSignIn(url(), 'demo.user', DEMO_PASSWORD)).body.AuthenticationResult).toBeDefined();

    const preference = await settle<string>((done) => user.setUserMfaPreference(null, { Enabled: true, PreferredMfa: true }, done));
    expect(preference.result).toBe('SUCCESS');
    const next = await signIn(url(), 'demo.user', DEMO_PASSWORD, { flow: 'USER_PASSWORD_AUTH' });
    expect(next).toMatchObject({ kind: 'totpRequired', parameters: { FRIENDLY_DEVICE_NAME: 'Phone' } });
  });

  it('answers Associate with SecretCode only, and Verify with Status only (AWS SDK)', async () => {
    const accessToken = await accessTokenOf('demo.user');
    const associated = await admin().send(new AssociateSoftwareTokenCommand({ AccessToken: accessToken }));
    expect(associated.Session).toBeUndefined();
    const secret = associated.SecretCode ?? '';
    expect(secret).toHaveLength(52);
    const wrong = await admin()
      .send(new VerifySoftwareTokenCommand({ AccessToken: accessToken, UserCode: '000000' }))
      .catch((error: CognitoIdentityProviderServiceException) => error);
    expect(wrong).toMatchObject({ name: CODE_MISMATCH.type, message: CODE_MISMATCH.message });
    const verified = await admin().send(new VerifySoftwareTokenCommand({ AccessToken: accessToken, UserCode: code(secret) }));
    expect(verified.Status).toBe('SUCCESS');
    expect(verified.Session).toBeUndefined();
  });

  it('keeps the old authenticator until the new one is verified', async () => {
    const first = await passwordSignIn(url(), 'totp.user', DEMO_PASSWORD);
    const signedInTotp = await call(url(), 'RespondToAuthChallenge', {
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      ClientId: APP_CLIENT,
      Session: first.body.Session,
      ChallengeResponses: { USERNAME: 'totp.user', SOFTWARE_TOKEN_MFA_CODE: code(DEMO_TOTP_SECRET) },
    });
    const accessToken = String((signedInTotp.body.AuthenticationResult as Record<string, unknown>).AccessToken);
    const newSecret = String((await associate({ AccessToken: accessToken })).body.SecretCode);

    const answerWith = async (secret: string) => {
      await advanceClock(url(), 30);
      const challenge = await passwordSignIn(url(), 'totp.user', DEMO_PASSWORD);
      return call(url(), 'RespondToAuthChallenge', {
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        ClientId: APP_CLIENT,
        Session: challenge.body.Session,
        ChallengeResponses: { USERNAME: 'totp.user', SOFTWARE_TOKEN_MFA_CODE: code(secret) },
      });
    };
    expect((await answerWith(DEMO_TOTP_SECRET)).status).toBe(200);
    await advanceClock(url(), 30);
    expect((await verify({ AccessToken: accessToken, UserCode: code(newSecret) })).body).toEqual({ Status: 'SUCCESS' });
    expect(expectError(await answerWith(DEMO_TOTP_SECRET))).toEqual({ type: 'CodeMismatchException', message: 'Invalid code or auth state for the user.' });
    expect((await answerWith(newSecret)).status).toBe(200);
  });

  it('has nothing to verify before AssociateSoftwareToken', async () => {
    const response = await verify({ AccessToken: await accessTokenOf('demo.user'), UserCode: '123456' });
    expect(expectError(response)).toEqual({ type: 'SoftwareTokenMFANotFoundException', message: 'Software Token MFA does not exist for the user.' });
  });

  it('answers SoftwareTokenMFANotFoundException when the pool offers no authenticator', async () => {
    const accessToken = await accessTokenOf('demo.user');
    await admin().send(new SetUserPoolMfaConfigCommand({ UserPoolId: POOL_ID, MfaConfiguration: 'OPTIONAL', SmsMfaConfiguration: {} }));
    expect(expectError(await associate({ AccessToken: accessToken }))).toEqual({
      type: 'SoftwareTokenMFANotFoundException',
      message: 'Software Token MFA has not been enabled by the userPool',
    });
  });

  it('refuses a Session in place of an AccessToken', async () => {
    const challenge = await mfaSetupSession();
    expect(expectError(await associate({ AccessToken: challenge }))).toEqual({ type: 'NotAuthorizedException', message: 'Invalid Access Token' });
  });
});

describe('request checks', () => {
  it.each([
    ['abcdef', "1 validation error detected: Value at 'userCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [0-9]+"],
    ['12345', "1 validation error detected: Value at 'userCode' failed to satisfy constraint: Member must have length greater than or equal to 6"],
    ['1234567', "1 validation error detected: Value at 'userCode' failed to satisfy constraint: Member must have length less than or equal to 6"],
  ])('checks UserCode %s against the model', async (userCode, message) => {
    expect(expectError(await verify({ Session: 'AYABxxxxxxxxxxxxxxxxxxxx', UserCode: userCode }))).toEqual({ type: 'InvalidParameterException', message });
  });

  it('needs exactly one of AccessToken and Session', async () => {
    expect(expectError(await associate({})).type).toBe('InvalidParameterException');
    expect(expectError(await associate({ AccessToken: 'a', Session: 'b' })).type).toBe('InvalidParameterException');
  });
});
