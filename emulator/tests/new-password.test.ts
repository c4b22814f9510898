import { describe, expect, it } from 'vitest';
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
