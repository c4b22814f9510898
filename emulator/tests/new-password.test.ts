import { afterAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../server';
import {
  APP_CLIENT,
  LEGACY_CLIENT,
  LIMITED_WRITE_CLIENT,
  NEW_USER_TEMP_PASSWORD,
  SHORT_TOKENS_CLIENT,
  SIGNED,
  POOL_ID,
  advanceClock,
  call,
  completeNewPassword,
  expectError,
  extendedSeed,
  passwordSignIn,
  signIn,
  useEmulator,
} from './helpers';

const emulator = useEmulator({ seed: extendedSeed() });
const url = () => emulator.current.url;
const NEW_PASSWORD = 'Brand-New-Passw0rd!';

/** Starts the challenge for new.user over the wire and returns the Session. */
async function challengeSession(clientId = APP_CLIENT): Promise<string> {
  const response = await passwordSignIn(url(), 'new.user', NEW_USER_TEMP_PASSWORD, clientId);
  expect(response.body.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
  return String(response.body.Session);
}

function answer(session: string, responses: Record<string, string>, clientId = APP_CLIENT) {
  return call(url(), 'RespondToAuthChallenge', {
    ChallengeName: 'NEW_PASSWORD_REQUIRED',
    ClientId: clientId,
    Session: session,
    ChallengeResponses: { USERNAME: 'new.user', NEW_PASSWORD, ...responses },
  });
}

describe('NEW_PASSWORD_REQUIRED with amazon-cognito-identity-js', () => {
  it('completes the challenge after SRP: tokens, CONFIRMED, and the new password works', async () => {
    const challenge = await signIn(url(), 'new.user', NEW_USER_TEMP_PASSWORD);
    expect(challenge.kind).toBe('newPasswordRequired');
    const done = await completeNewPassword(challenge.user, NEW_PASSWORD, { name: 'New User' });
    expect(done.kind).toBe('signedIn');
    if (done.kind === 'signedIn') expect(done.session.getIdToken().decodePayload().name).toBe('New User');

    const status = await call(url(), 'AdminGetUser', { UserPoolId: POOL_ID, Username: 'new.user' }, SIGNED);
    expect(status.body.UserStatus).toBe('CONFIRMED');
    const again = await signIn(url(), 'new.user', NEW_PASSWORD);
    expect(again.kind).toBe('signedIn');
    const old = await passwordSignIn(url(), 'new.user', NEW_USER_TEMP_PASSWORD);
    expect(expectError(old).message).toBe('Incorrect username or password.');
  });

  it('names a missing required attribute', async () => {
    const challenge = await signIn(url(), 'new.user', NEW_USER_TEMP_PASSWORD, { flow: 'USER_PASSWORD_AUTH' });
    if (challenge.kind !== 'newPasswordRequired') throw new Error('expected the challenge');
    const outcome = await completeNewPassword(challenge.user, NEW_PASSWORD, {});
    expect(outcome.kind === 'failed' && outcome.error).toMatchObject({
      code: 'InvalidParameterException',
      message: 'Invalid attributes given, name is missing',
    });
  });

  it('refuses a weak new password with the policy reason', async () => {
    const challenge = await signIn(url(), 'new.user', NEW_USER_TEMP_PASSWORD, { flow: 'USER_PASSWORD_AUTH' });
    if (challenge.kind !== 'newPasswordRequired') throw new Error('expected the challenge');
    const outcome = await completeNewPassword(challenge.user, 'short', { name: 'New User' });
    expect(outcome.kind === 'failed' && outcome.error).toMatchObject({
      code: 'InvalidPasswordException',
      message: 'Password does not conform to policy: Password not long enough',
    });
  });
});

describe('NEW_PASSWORD_REQUIRED answers over the wire', () => {
  it('refuses re-sending a required attribute that already has a value', async () => {
    const response = await answer(await challengeSession(), { 'userAttributes.name': 'N', 'userAttributes.email': 'x@example.com' });
    expect(expectError(response)).toEqual({ type: 'NotAuthorizedException', message: 'Cannot modify an already provided email' });
  });

  it.each(['email_verified', 'phone_number_verified', 'sub'])('refuses the non-mutable attribute %s', async (attribute) => {
    const response = await answer(await challengeSession(), { 'userAttributes.name': 'N', [`userAttributes.${attribute}`]: 'true' });
    expect(expectError(response)).toEqual({ type: 'InvalidParameterException', message: `Cannot modify the non-mutable attribute ${attribute}` });
  });

  it('refuses an attribute the client may not write', async () => {
    const session = await challengeSession(LIMITED_WRITE_CLIENT);
    const response = await answer(session, { 'userAttributes.name': 'N', 'userAttributes.custom:department': 'Sales' }, LIMITED_WRITE_CLIENT);
    expect(expectError(response)).toEqual({ type: 'NotAuthorizedException', message: 'A client attempted to write unauthorized attribute' });
  });

  it('refuses an attribute outside the schema', async () => {
    const response = await answer(await challengeSession(), { 'userAttributes.name': 'N', 'userAttributes.shoe_size': '44' });
    expect(expectError(response).type).toBe('InvalidParameterException');
    expect(expectError(response).message).toContain('shoe_size');
  });

  it('accepts optional writable attributes with the required ones', async () => {
    const response = await answer(await challengeSession(), { 'userAttributes.name': 'N', 'userAttributes.custom:department': 'Sales' });
    expect(response.status).toBe(200);
    const user = await call(url(), 'AdminGetUser', { UserPoolId: POOL_ID, Username: 'new.user' }, SIGNED);
    expect(user.body.UserAttributes).toContainEqual({ Name: 'custom:department', Value: 'Sales' });
  });

  it.each([
    ['Sh0rt!a', 'Password not long enough'],
    ['NOLOWER-CASE1!', 'Password must have lowercase characters'],
    ['noupper-case1!', 'Password must have uppercase characters'],
    ['No-Numbers-Here!', 'Password must have numeric characters'],
    ['NoSymbols123abc', 'Password must have symbol characters'],
  ])('refuses %s: %s', async (password, reason) => {
    const response = await answer(await challengeSession(), { 'userAttributes.name': 'N', NEW_PASSWORD: password });
    expect(expectError(response)).toEqual({ type: 'InvalidPasswordException', message: `Password does not conform to policy: ${reason}` });
  });

  it('keeps the Session usable after a refused answer, and single use after success', async () => {
    const session = await challengeSession();
    const refused = await answer(session, { NEW_PASSWORD: 'weak' });
    expect(refused.status).toBe(400);
    const accepted = await answer(session, { 'userAttributes.name': 'N' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.AuthenticationResult).toHaveProperty('RefreshToken');
    const reused = await answer(session, { 'userAttributes.name': 'N' });
    expect(expectError(reused)).toEqual({ type: 'NotAuthorizedException', message: 'Invalid session for the user.' });
  });

  it("expires the Session after the client's AuthSessionValidity (3 minutes)", async () => {
    const session = await challengeSession();
    await advanceClock(url(), 3 * 60 + 1);
    const response = await answer(session, { 'userAttributes.name': 'N' });
    expect(expectError(response)).toEqual({ type: 'NotAuthorizedException', message: 'Invalid session for the user, session is expired.' });
  });

  it('honours a longer AuthSessionValidity (15 minutes)', async () => {
    const session = await challengeSession(SHORT_TOKENS_CLIENT);
    await advanceClock(url(), 14 * 60);
    const response = await answer(session, { 'userAttributes.name': 'N' }, SHORT_TOKENS_CLIENT);
    expect(response.status).toBe(200);
  });

  it('binds the Session to its client', async () => {
    const session = await challengeSession();
    const response = await answer(session, { 'userAttributes.name': 'N' }, LEGACY_CLIENT);
    expect(expectError(response)).toEqual({ type: 'NotAuthorizedException', message: 'Invalid session for the user.' });
  });

  it('binds the Session to its user', async () => {
    const session = await challengeSession();
    const response = await answer(session, { USERNAME: 'demo.user', 'userAttributes.name': 'N' });
    expect(expectError(response)).toEqual({ type: 'NotAuthorizedException', message: 'Invalid session for the user.' });
  });

  it('binds the Session to its challenge, and keeps it usable for that challenge', async () => {
    const session = await challengeSession();
    const otherChallenge = await call(url(), 'RespondToAuthChallenge', {
      ChallengeName: 'PASSWORD_VERIFIER',
      ClientId: APP_CLIENT,
      Session: session,
      ChallengeResponses: {
        USERNAME: 'new.user',
        PASSWORD_CLAIM_SECRET_BLOCK: 'AAAA',
        PASSWORD_CLAIM_SIGNATURE: 'AAAA',
        TIMESTAMP: 'Sun Nov 22 12:00:00 UTC 2026',
      },
    });
    expect(expectError(otherChallenge)).toEqual({ type: 'NotAuthorizedException', message: 'Invalid session for the user.' });
    expect((await answer(session, { 'userAttributes.name': 'N' })).status).toBe(200);
  });

  it('refuses a made-up Session', async () => {
    const response = await answer('AYAB' + 'x'.repeat(40), { 'userAttributes.name': 'N' });
    expect(expectError(response)).toEqual({ type: 'NotAuthorizedException', message: 'Invalid session for the user.' });
  });
});

/**
 * §4.2 with §4.12's rule: an email or phone number changed in the answer is not verified any more, so reset codes
 * do not go to an address the user never proved (it was the administrator who verified the old one).
 */
describe('contact attributes changed in the NEW_PASSWORD_REQUIRED answer', () => {
  async function temporaryUser(url: string, username: string, attributes: Record<string, string>) {
    const created = await call(
      url,
      'AdminCreateUser',
      {
        UserPoolId: POOL_ID,
        Username: username,
        TemporaryPassword: NEW_USER_TEMP_PASSWORD,
        MessageAction: 'SUPPRESS',
        UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
      },
      SIGNED,
    );
    expect(created.status).toBe(200);
  }

  async function attributesOf(url: string, username: string): Promise<Record<string, string>> {
    const response = await call(url, 'AdminGetUser', { UserPoolId: POOL_ID, Username: username }, SIGNED);
    return Object.fromEntries((response.body.UserAttributes as Array<{ Name: string; Value: string }>).map(({ Name, Value }) => [Name, Value]));
  }

  it('a new phone number is no longer verified, and reset codes keep going to the verified email', async () => {
    await temporaryUser(url(), 'phone.changer', {
      email: 'phone.changer@example.com',
      email_verified: 'true',
      phone_number: '+15555550100',
      phone_number_verified: 'true',
      name: 'Phone Changer',
    });
    const challenge = await signIn(url(), 'phone.changer', NEW_USER_TEMP_PASSWORD, { flow: 'USER_PASSWORD_AUTH' });
    if (challenge.kind !== 'newPasswordRequired') throw new Error('expected the challenge');
    expect((await completeNewPassword(challenge.user, NEW_PASSWORD, { phone_number: '+15555550199' })).kind).toBe('signedIn');

    expect(await attributesOf(url(), 'phone.changer')).toMatchObject({
      phone_number: '+15555550199',
      phone_number_verified: 'false',
      email_verified: 'true',
    });
    // §4.3: a verified phone would be preferred; the new number is not verified, so the code goes by email.
    const reset = await call(url(), 'ForgotPassword', { ClientId: APP_CLIENT, Username: 'phone.changer' });
    expect(reset.body.CodeDeliveryDetails).toMatchObject({ DeliveryMedium: 'EMAIL', AttributeName: 'email' });
  });

  describe('in a pool where email is not a required attribute', () => {
    const seed = extendedSeed();
    seed.UserPools[0].RequiredAttributes = ['name'];
    const other = startEmulator({ port: 0, seed });
    afterAll(async () => (await other).close());

    it('a new email address is no longer verified: no reset code goes to it', async () => {
      const { url: otherUrl } = await other;
      await temporaryUser(otherUrl, 'email.changer', { email: 'old@example.com', email_verified: 'true', name: 'Email Changer' });
      const response = await passwordSignIn(otherUrl, 'email.changer', NEW_USER_TEMP_PASSWORD);
      const done = await call(otherUrl, 'RespondToAuthChallenge', {
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        ClientId: APP_CLIENT,
        Session: response.body.Session,
        ChallengeResponses: { USERNAME: 'email.changer', NEW_PASSWORD, 'userAttributes.email': 'someone.else@example.com' },
      });
      expect(done.status).toBe(200);
      expect(await attributesOf(otherUrl, 'email.changer')).toMatchObject({ email: 'someone.else@example.com', email_verified: 'false' });
      const reset = await call(otherUrl, 'ForgotPassword', { ClientId: APP_CLIENT, Username: 'email.changer' });
      expect(expectError(reset)).toEqual({
        type: 'InvalidParameterException',
        message: 'Cannot reset password for the user as there is no registered/verified email or phone_number',
      });
    });

    it('the same address sent again stays verified', async () => {
      const { url: otherUrl } = await other;
      await temporaryUser(otherUrl, 'email.keeper', { email: 'keeper@example.com', email_verified: 'true', name: 'Email Keeper' });
      const response = await passwordSignIn(otherUrl, 'email.keeper', NEW_USER_TEMP_PASSWORD);
      const done = await call(otherUrl, 'RespondToAuthChallenge', {
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        ClientId: APP_CLIENT,
        Session: response.body.Session,
        ChallengeResponses: { USERNAME: 'email.keeper', NEW_PASSWORD, 'userAttributes.email': 'keeper@example.com' },
      });
      expect(done.status).toBe(200);
      expect(await attributesOf(otherUrl, 'email.keeper')).toMatchObject({ email_verified: 'true' });
    });
  });
});
