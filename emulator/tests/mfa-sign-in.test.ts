import {
  AdminGetUserCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminUpdateUserAttributesCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SetUserPoolMfaConfigCommand,
  type SetUserPoolMfaConfigCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { LIMITS } from '../limits';
import { computeSecretHash } from '../operations/context';
import {
  APP_CLIENT,
  DEMO_PASSWORD,
  DEMO_TOTP_SECRET,
  LEGACY_CLIENT,
  POOL_ID,
  SECRET_CLIENT,
  SECRET_CLIENT_SECRET,
  SIGNED,
  adminClient,
  advanceClock,
  authenticatorCode,
  call,
  expectError,
  frozenClockBase,
  interceptCognitoRequests,
  latestCode,
  outbox,
  passwordSignIn,
  sendMfaCode,
  sendMfaSelection,
  signIn,
  useEmulator,
} from './helpers';

/** MFA challenges at sign-in (docs/cognito-behaviour.md, MFA, M4–M9, M12, M15). */

const emulator = useEmulator({ clockBase: frozenClockBase() });
const url = () => emulator.current.url;
const admin = () => adminClient(emulator.current.url);

let restoreFetch: (() => void) | undefined;
afterEach(() => {
  restoreFetch?.();
  restoreFetch = undefined;
});

const INVALID_CODE = { type: 'CodeMismatchException', message: 'Invalid code or auth state for the user.' };
const INVALID_SESSION = { type: 'NotAuthorizedException', message: 'Invalid session for the user.' };
const EXPIRED_SESSION = { type: 'NotAuthorizedException', message: 'Invalid session for the user, session is expired.' };

const setPoolMfa = (input: Omit<SetUserPoolMfaConfigCommandInput, 'UserPoolId'>) =>
  admin().send(new SetUserPoolMfaConfigCommand({ UserPoolId: POOL_ID, ...input }));

/** USER_PASSWORD_AUTH over the wire, expecting a challenge: its name, Session and parameters. */
async function challengeFor(username: string, clientId = APP_CLIENT) {
  const response = await passwordSignIn(url(), username, DEMO_PASSWORD, clientId);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  expect(response.body.AuthenticationResult).toBeUndefined();
  return {
    name: String(response.body.ChallengeName),
    session: String(response.body.Session),
    parameters: response.body.ChallengeParameters as Record<string, string>,
  };
}

function respond(challengeName: string, session: string | undefined, responses: Record<string, string>, clientId = APP_CLIENT) {
  return call(url(), 'RespondToAuthChallenge', { ChallengeName: challengeName, ClientId: clientId, Session: session, ChallengeResponses: responses });
}

/** The sign-in codes in the outbox (the seed also leaves a password-reset code there). */
const mfaMessages = async () => (await outbox(url())).filter((message) => message.kind === 'MFA');

const userAttribute = async (username: string, name: string) =>
  (await admin().send(new AdminGetUserCommand({ UserPoolId: POOL_ID, Username: username }))).UserAttributes?.find(
    (attribute) => attribute.Name === name,
  )?.Value;

describe('which challenge follows the password (M5)', () => {
  it('signs a user without a factor straight in, in an OPTIONAL pool', async () => {
    const response = await passwordSignIn(url(), 'demo.user', DEMO_PASSWORD);
    expect(response.body.AuthenticationResult).toBeDefined();
    expect((await passwordSignIn(url(), 'phone.user', DEMO_PASSWORD)).body.AuthenticationResult).toBeDefined();
  });

  it('asks totp.user for the authenticator code', async () => {
    const challenge = await challengeFor('totp.user');
    expect(challenge.name).toBe('SOFTWARE_TOKEN_MFA');
    expect(challenge.session).toMatch(/^AYAB[\w-]{200,}$/);
    expect(challenge.parameters).toEqual({ FRIENDLY_DEVICE_NAME: 'Demo authenticator', USER_ID_FOR_SRP: 'totp.user' });
  });

  it('texts sms.user a code, with the masked number in the challenge and the real one in the outbox', async () => {
    const challenge = await challengeFor('sms.user');
    expect(challenge).toMatchObject({
      name: 'SMS_MFA',
      parameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS', CODE_DELIVERY_DESTINATION: '+*******0144', USER_ID_FOR_SRP: 'sms.user' },
    });
    const [message] = await mfaMessages();
    expect(message).toMatchObject({ kind: 'MFA', username: 'sms.user', medium: 'SMS', destination: '+15555550144', poolId: POOL_ID });
    expect(message.code).toMatch(/^\d{6}$/);
  });

  it('emails email.user a code (EMAIL_OTP)', async () => {
    const challenge = await challengeFor('email.user');
    expect(challenge).toMatchObject({
      name: 'EMAIL_OTP',
      parameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: 'e***@e***', USER_ID_FOR_SRP: 'email.user' },
    });
    expect((await outbox(url())).at(-1)).toMatchObject({ kind: 'MFA', medium: 'EMAIL', destination: 'email.user@example.com' });
  });

  it('lets choose.user choose between two factors, as a JSON-array string, and sends nothing yet', async () => {
    const challenge = await challengeFor('choose.user');
    expect(challenge).toMatchObject({
      name: 'SELECT_MFA_TYPE',
      parameters: { MFAS_CAN_CHOOSE: '["SMS_MFA","SOFTWARE_TOKEN_MFA"]', USER_ID_FOR_SRP: 'choose.user' },
    });
    expect(await mfaMessages()).toEqual([]);
  });

  it('uses the preferred factor when there is one', async () => {
    await admin().send(
      new AdminSetUserMFAPreferenceCommand({ UserPoolId: POOL_ID, Username: 'choose.user', SMSMfaSettings: { Enabled: true, PreferredMfa: true } }),
    );
    expect((await challengeFor('choose.user')).name).toBe('SMS_MFA');
  });

  it('skips a factor the pool no longer offers', async () => {
    await setPoolMfa({ MfaConfiguration: 'OPTIONAL', SoftwareTokenMfaConfiguration: { Enabled: true } });
    expect((await passwordSignIn(url(), 'sms.user', DEMO_PASSWORD)).body.AuthenticationResult).toBeDefined();
    expect((await challengeFor('choose.user')).name).toBe('SOFTWARE_TOKEN_MFA');
  });

  it('asks nothing when the pool turns MFA off', async () => {
    await setPoolMfa({ MfaConfiguration: 'OFF' });
    for (const username of ['totp.user', 'sms.user', 'email.user', 'choose.user']) {
      expect((await passwordSignIn(url(), username, DEMO_PASSWORD)).body.AuthenticationResult).toBeDefined();
    }
  });

  describe('in an ON pool, for a user without a factor', () => {
    it('texts a code to the phone number when the pool offers SMS', async () => {
      await setPoolMfa({ MfaConfiguration: 'ON', SmsMfaConfiguration: {}, EmailMfaConfiguration: {}, SoftwareTokenMfaConfiguration: { Enabled: true } });
      expect((await challengeFor('phone.user')).name).toBe('SMS_MFA');
    });

    it('emails a code when the pool offers email and the user has no phone', async () => {
      await setPoolMfa({ MfaConfiguration: 'ON', SmsMfaConfiguration: {}, EmailMfaConfiguration: {} });
      expect((await challengeFor('demo.user')).name).toBe('EMAIL_OTP');
    });

    it('asks for set-up when nothing can reach the user, listing every factor the pool offers', async () => {
      await setPoolMfa({ MfaConfiguration: 'ON', SmsMfaConfiguration: {}, SoftwareTokenMfaConfiguration: { Enabled: true } });
      const challenge = await challengeFor('demo.user');
      expect(challenge).toMatchObject({
        name: 'MFA_SETUP',
        parameters: { MFAS_CAN_SETUP: '["SMS_MFA","SOFTWARE_TOKEN_MFA"]', USER_ID_FOR_SRP: 'demo.user' },
      });
    });
  });
});

describe('SMS_MFA and EMAIL_OTP answers (M8, M9, M15)', () => {
  it('signs sms.user in with amazon-cognito-identity-js (mfaRequired → sendMFACode) and verifies the phone number', async () => {
    await admin().send(
      new AdminUpdateUserAttributesCommand({ UserPoolId: POOL_ID, Username: 'sms.user', UserAttributes: [{ Name: 'phone_number_verified', Value: 'false' }] }),
    );
    const challenge = await signIn(url(), 'sms.user', DEMO_PASSWORD, { flow: 'USER_PASSWORD_AUTH' });
    expect(challenge).toMatchObject({ kind: 'mfaRequired', challengeName: 'SMS_MFA', parameters: { CODE_DELIVERY_DESTINATION: '+*******0144' } });
    const done = await sendMfaCode(challenge.user, await latestCode(url(), 'sms.user'));
    expect(done.kind).toBe('signedIn');
    if (done.kind === 'signedIn') expect(done.session.getIdToken().decodePayload().phone_number_verified).toBe(true);
    expect(await userAttribute('sms.user', 'phone_number_verified')).toBe('true');
  });

  it('signs email.user in with EMAIL_OTP_CODE (AWS SDK) and verifies the email address', async () => {
    await admin().send(
      new AdminUpdateUserAttributesCommand({ UserPoolId: POOL_ID, Username: 'email.user', UserAttributes: [{ Name: 'email_verified', Value: 'false' }] }),
    );
    const challenge = await admin().send(
      new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: APP_CLIENT, AuthParameters: { USERNAME: 'email.user', PASSWORD: DEMO_PASSWORD } }),
    );
    expect(challenge.ChallengeName).toBe('EMAIL_OTP');
    const answer = await admin().send(
      new RespondToAuthChallengeCommand({
        ClientId: APP_CLIENT,
        ChallengeName: 'EMAIL_OTP',
        Session: challenge.Session,
        ChallengeResponses: { USERNAME: 'email.user', EMAIL_OTP_CODE: await latestCode(url(), 'email.user') },
      }),
    );
    expect(answer.AuthenticationResult?.RefreshToken).toBeDefined();
    expect(decodeJwt(answer.AuthenticationResult?.IdToken ?? '').email_verified).toBe(true);
    expect(await userAttribute('email.user', 'email_verified')).toBe('true');
  });

  it('answers a wrong code with CodeMismatchException and keeps the Session for the right one', async () => {
    const { session } = await challengeFor('sms.user');
    const wrong = await respond('SMS_MFA', session, { USERNAME: 'sms.user', SMS_MFA_CODE: '000000' });
    expect(expectError(wrong)).toEqual(INVALID_CODE);
    const right = await respond('SMS_MFA', session, { USERNAME: 'sms.user', SMS_MFA_CODE: await latestCode(url(), 'sms.user') });
    expect(right.body).toMatchObject({ ChallengeParameters: {}, AuthenticationResult: { TokenType: 'Bearer', ExpiresIn: 3600 } });
  });

  it('refuses a challenge name that is not the pending one, and keeps the Session', async () => {
    const { session } = await challengeFor('email.user');
    const code = await latestCode(url(), 'email.user');
    expect(expectError(await respond('SMS_MFA', session, { USERNAME: 'email.user', SMS_MFA_CODE: code }))).toEqual(INVALID_CODE);
    expect(expectError(await respond('NEW_PASSWORD_REQUIRED', session, { USERNAME: 'email.user', NEW_PASSWORD: 'x' }))).toEqual(INVALID_CODE);
    expect((await respond('EMAIL_OTP', session, { USERNAME: 'email.user', EMAIL_OTP_CODE: code })).status).toBe(200);
  });

  it('makes the Session single use', async () => {
    const { session } = await challengeFor('sms.user');
    const responses = { USERNAME: 'sms.user', SMS_MFA_CODE: await latestCode(url(), 'sms.user') };
    expect((await respond('SMS_MFA', session, responses)).status).toBe(200);
    expect(expectError(await respond('SMS_MFA', session, responses))).toEqual(INVALID_SESSION);
  });

  it("expires the Session and its code with the client's AuthSessionValidity", async () => {
    const { session } = await challengeFor('sms.user');
    await advanceClock(url(), 3 * 60 + 1);
    const response = await respond('SMS_MFA', session, { USERNAME: 'sms.user', SMS_MFA_CODE: await latestCode(url(), 'sms.user') });
    expect(expectError(response)).toEqual(EXPIRED_SESSION);
  });

  it(`spends the Session after ${LIMITS.mfaWrongAnswersPerSession} wrong codes`, async () => {
    const { session } = await challengeFor('email.user');
    for (let attempt = 0; attempt < LIMITS.mfaWrongAnswersPerSession; attempt++) {
      expect(expectError(await respond('EMAIL_OTP', session, { USERNAME: 'email.user', EMAIL_OTP_CODE: '000000' }))).toEqual(INVALID_CODE);
    }
    const right = await respond('EMAIL_OTP', session, { USERNAME: 'email.user', EMAIL_OTP_CODE: await latestCode(url(), 'email.user') });
    expect(expectError(right)).toEqual(INVALID_SESSION);
  });

  it('binds the Session to its client and its user', async () => {
    const { session } = await challengeFor('sms.user');
    const code = await latestCode(url(), 'sms.user');
    expect(expectError(await respond('SMS_MFA', session, { USERNAME: 'sms.user', SMS_MFA_CODE: code }, LEGACY_CLIENT))).toEqual(INVALID_SESSION);
    expect(expectError(await respond('SMS_MFA', session, { USERNAME: 'demo.user', SMS_MFA_CODE: code }))).toEqual(INVALID_SESSION);
    expect((await respond('SMS_MFA', session, { USERNAME: 'SMS.User', SMS_MFA_CODE: code })).status).toBe(200);
  });

  it('names what is missing', async () => {
    const { session } = await challengeFor('sms.user');
    expect(expectError(await respond('SMS_MFA', undefined, { USERNAME: 'sms.user', SMS_MFA_CODE: '123456' }))).toEqual({
      type: 'InvalidParameterException',
      message: 'Missing required parameter Session',
    });
    expect(expectError(await respond('SMS_MFA', session, { USERNAME: 'sms.user' }))).toEqual({
      type: 'InvalidParameterException',
      message: 'Missing required parameter SMS_MFA_CODE',
    });
    expect(expectError(await respond('SMS_MFA', session, { SMS_MFA_CODE: '123456' }))).toEqual({
      type: 'InvalidParameterException',
      message: 'Missing required parameter USERNAME',
    });
  });

  it('needs the SECRET_HASH on a client with a secret', async () => {
    const secretHash = computeSecretHash(SECRET_CLIENT_SECRET, 'sms.user', SECRET_CLIENT);
    const challenge = await call(url(), 'InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: SECRET_CLIENT,
      AuthParameters: { USERNAME: 'sms.user', PASSWORD: DEMO_PASSWORD, SECRET_HASH: secretHash },
    });
    const session = String(challenge.body.Session);
    const code = await latestCode(url(), 'sms.user');
    const without = await respond('SMS_MFA', session, { USERNAME: 'sms.user', SMS_MFA_CODE: code }, SECRET_CLIENT);
    expect(expectError(without)).toEqual({
      type: 'NotAuthorizedException',
      message: `Client ${SECRET_CLIENT} is configured for secret but secret was not received`,
    });
    const withHash = await respond('SMS_MFA', session, { USERNAME: 'sms.user', SMS_MFA_CODE: code, SECRET_HASH: secretHash }, SECRET_CLIENT);
    expect(withHash.status).toBe(200);
  });

  it('refuses a disabled user at the code step', async () => {
    const { session } = await challengeFor('sms.user');
    await call(url(), 'AdminDisableUser', { UserPoolId: POOL_ID, Username: 'sms.user' }, SIGNED);
    const response = await respond('SMS_MFA', session, { USERNAME: 'sms.user', SMS_MFA_CODE: await latestCode(url(), 'sms.user') });
    expect(expectError(response)).toEqual({ type: 'NotAuthorizedException', message: 'User is disabled.' });
  });

  it('has no resend: a new sign-in sends a new code, and each Session keeps its own', async () => {
    const first = await challengeFor('sms.user');
    const firstCode = await latestCode(url(), 'sms.user');
    const second = await challengeFor('sms.user');
    const secondCode = await latestCode(url(), 'sms.user');
    expect(await mfaMessages()).toHaveLength(2);
    if (firstCode !== secondCode) {
      expect(expectError(await respond('SMS_MFA', second.session, { USERNAME: 'sms.user', SMS_MFA_CODE: firstCode }))).toEqual(INVALID_CODE);
    }
    expect((await respond('SMS_MFA', first.session, { USERNAME: 'sms.user', SMS_MFA_CODE: firstCode })).status).toBe(200);
    expect((await respond('SMS_MFA', second.session, { USERNAME: 'sms.user', SMS_MFA_CODE: secondCode })).status).toBe(200);
  });
});

describe('SOFTWARE_TOKEN_MFA answers (M8, M9, M12)', () => {
  it('signs totp.user in with amazon-cognito-identity-js (totpRequired → sendMFACode(…, SOFTWARE_TOKEN_MFA)), ignoring SMS_MFA_CODE', async () => {
    const recorder = interceptCognitoRequests();
    restoreFetch = recorder.restore;
    const challenge = await signIn(url(), 'totp.user', DEMO_PASSWORD, { flow: 'USER_PASSWORD_AUTH' });
    expect(challenge).toMatchObject({ kind: 'totpRequired', challengeName: 'SOFTWARE_TOKEN_MFA' });
    const done = await sendMfaCode(challenge.user, authenticatorCode(emulator.current, DEMO_TOTP_SECRET), 'SOFTWARE_TOKEN_MFA');
    expect(done.kind).toBe('signedIn');
    const answer = recorder.requests.find((request) => request.operation === 'RespondToAuthChallenge');
    expect(Object.keys(answer?.body.ChallengeResponses as object).sort()).toEqual(['SMS_MFA_CODE', 'SOFTWARE_TOKEN_MFA_CODE', 'USERNAME']);
  });

  it('refuses sendMFACode without the challenge name (it sends SMS_MFA)', async () => {
    const challenge = await signIn(url(), 'totp.user', DEMO_PASSWORD, { flow: 'USER_PASSWORD_AUTH' });
    const done = await sendMfaCode(challenge.user, authenticatorCode(emulator.current, DEMO_TOTP_SECRET));
    expect(done.kind === 'failed' && done.error).toMatchObject({ code: 'CodeMismatchException', message: 'Invalid code or auth state for the user.' });
  });

  it('comes after the SRP proof too (USER_SRP_AUTH → PASSWORD_VERIFIER → SOFTWARE_TOKEN_MFA)', async () => {
    const challenge = await signIn(url(), 'totp.user', DEMO_PASSWORD);
    expect(challenge).toMatchObject({ kind: 'totpRequired', parameters: { USER_ID_FOR_SRP: 'totp.user' } });
    const done = await sendMfaCode(challenge.user, authenticatorCode(emulator.current, DEMO_TOTP_SECRET), 'SOFTWARE_TOKEN_MFA');
    expect(done.kind).toBe('signedIn');
  });

  it('accepts the codes of the step before and after, not two steps away', async () => {
    for (const [offset, accepted] of [[-60, false], [60, false], [-30, true]] as const) {
      const { session } = await challengeFor('totp.user');
      const code = authenticatorCode(emulator.current, DEMO_TOTP_SECRET, offset);
      const response = await respond('SOFTWARE_TOKEN_MFA', session, { USERNAME: 'totp.user', SOFTWARE_TOKEN_MFA_CODE: code });
      if (accepted) expect(response.status).toBe(200);
      else expect(expectError(response)).toEqual(INVALID_CODE);
    }
    const { session } = await challengeFor('totp.user');
    const ahead = authenticatorCode(emulator.current, DEMO_TOTP_SECRET, 30);
    expect((await respond('SOFTWARE_TOKEN_MFA', session, { USERNAME: 'totp.user', SOFTWARE_TOKEN_MFA_CODE: ahead })).status).toBe(200);
  });

  it('refuses a code already used, until the authenticator shows the next one', async () => {
    const code = authenticatorCode(emulator.current, DEMO_TOTP_SECRET);
    const first = await challengeFor('totp.user');
    expect((await respond('SOFTWARE_TOKEN_MFA', first.session, { USERNAME: 'totp.user', SOFTWARE_TOKEN_MFA_CODE: code })).status).toBe(200);
    const second = await challengeFor('totp.user');
    const reused = await respond('SOFTWARE_TOKEN_MFA', second.session, { USERNAME: 'totp.user', SOFTWARE_TOKEN_MFA_CODE: code });
    expect(expectError(reused)).toEqual({ type: 'ExpiredCodeException', message: 'Your software token has already been used once.' });
    await advanceClock(url(), 30);
    const next = authenticatorCode(emulator.current, DEMO_TOTP_SECRET);
    expect((await respond('SOFTWARE_TOKEN_MFA', second.session, { USERNAME: 'totp.user', SOFTWARE_TOKEN_MFA_CODE: next })).status).toBe(200);
  });

  it('tracks used codes per user: the same secret for another user is not affected', async () => {
    const code = authenticatorCode(emulator.current, DEMO_TOTP_SECRET);
    const totp = await challengeFor('totp.user');
    expect((await respond('SOFTWARE_TOKEN_MFA', totp.session, { USERNAME: 'totp.user', SOFTWARE_TOKEN_MFA_CODE: code })).status).toBe(200);
    const choose = await challengeFor('choose.user');
    const selected = await respond('SELECT_MFA_TYPE', choose.session, { USERNAME: 'choose.user', ANSWER: 'SOFTWARE_TOKEN_MFA' });
    const response = await respond('SOFTWARE_TOKEN_MFA', String(selected.body.Session), { USERNAME: 'choose.user', SOFTWARE_TOKEN_MFA_CODE: code });
    expect(response.status).toBe(200);
  });
});

describe('SELECT_MFA_TYPE answers (M8)', () => {
  it('goes on to the authenticator with amazon-cognito-identity-js (selectMFAType → sendMFASelectionAnswer → totpRequired)', async () => {
    const challenge = await signIn(url(), 'choose.user', DEMO_PASSWORD, { flow: 'USER_PASSWORD_AUTH' });
    expect(challenge).toMatchObject({ kind: 'selectMFAType', parameters: { MFAS_CAN_CHOOSE: '["SMS_MFA","SOFTWARE_TOKEN_MFA"]' } });
    const selected = await sendMfaSelection(challenge.user, 'SOFTWARE_TOKEN_MFA');
    expect(selected).toMatchObject({ kind: 'totpRequired', challengeName: 'SOFTWARE_TOKEN_MFA', parameters: { FRIENDLY_DEVICE_NAME: 'Demo authenticator' } });
    const done = await sendMfaCode(selected.user, authenticatorCode(emulator.current, DEMO_TOTP_SECRET), 'SOFTWARE_TOKEN_MFA');
    expect(done.kind).toBe('signedIn');
  });

  it('goes on to a text message with amazon-cognito-identity-js (→ mfaRequired)', async () => {
    const challenge = await signIn(url(), 'choose.user', DEMO_PASSWORD);
    const selected = await sendMfaSelection(challenge.user, 'SMS_MFA');
    expect(selected).toMatchObject({ kind: 'mfaRequired', challengeName: 'SMS_MFA', parameters: { CODE_DELIVERY_DESTINATION: '+*******0155' } });
    const done = await sendMfaCode(selected.user, await latestCode(url(), 'choose.user'));
    expect(done.kind).toBe('signedIn');
  });

  it('answers with a new Session of full validity and spends the old one', async () => {
    const { session } = await challengeFor('choose.user');
    await advanceClock(url(), 2 * 60);
    const selected = await respond('SELECT_MFA_TYPE', session, { USERNAME: 'choose.user', ANSWER: 'SMS_MFA' });
    expect(selected.body).toMatchObject({ ChallengeName: 'SMS_MFA', ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS' } });
    const next = String(selected.body.Session);
    expect(next).not.toBe(session);
    expect(expectError(await respond('SELECT_MFA_TYPE', session, { USERNAME: 'choose.user', ANSWER: 'SMS_MFA' }))).toEqual(INVALID_SESSION);
    await advanceClock(url(), 2 * 60);
    const done = await respond('SMS_MFA', next, { USERNAME: 'choose.user', SMS_MFA_CODE: await latestCode(url(), 'choose.user') });
    expect(done.status).toBe(200);
  });

  it('refuses a factor that was not offered, and a missing ANSWER', async () => {
    const { session } = await challengeFor('choose.user');
    expect(expectError(await respond('SELECT_MFA_TYPE', session, { USERNAME: 'choose.user', ANSWER: 'EMAIL_OTP' }))).toEqual(INVALID_CODE);
    expect(expectError(await respond('SELECT_MFA_TYPE', session, { USERNAME: 'choose.user' }))).toEqual({
      type: 'InvalidParameterException',
      message: 'Missing required parameter ANSWER',
    });
    expect((await respond('SELECT_MFA_TYPE', session, { USERNAME: 'choose.user', ANSWER: 'SOFTWARE_TOKEN_MFA' })).body.ChallengeName).toBe(
      'SOFTWARE_TOKEN_MFA',
    );
  });
});
