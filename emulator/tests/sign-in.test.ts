import { decodeJwt } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import {
  APP_CLIENT,
  DEMO_PASSWORD,
  LEGACY_CLIENT,
  NEW_USER_TEMP_PASSWORD,
  RESET_USER_OLD_PASSWORD,
  SHORT_TOKENS_CLIENT,
  SRP_ONLY_CLIENT,
  advanceClock,
  call,
  expectError,
  extendedSeed,
  interceptCognitoRequests,
  passwordSignIn,
  signIn,
  useEmulator,
} from './helpers';

const emulator = useEmulator({ seed: extendedSeed() });
const url = () => emulator.current.url;

let restoreFetch: (() => void) | undefined;
afterEach(() => {
  restoreFetch?.();
  restoreFetch = undefined;
});

const flows = ['USER_SRP_AUTH', 'USER_PASSWORD_AUTH'] as const;

describe.each(flows)('sign-in with amazon-cognito-identity-js, %s', (flow) => {
  it('signs a confirmed user in and returns Cognito-shaped tokens', async () => {
    const outcome = await signIn(url(), 'demo.user', DEMO_PASSWORD, { flow });
    expect(outcome.kind).toBe('signedIn');
    if (outcome.kind !== 'signedIn') return;
    const access = outcome.session.getAccessToken().decodePayload();
    const id = outcome.session.getIdToken().decodePayload();
    expect(access).toMatchObject({
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      client_id: APP_CLIENT,
      username: 'demo.user',
      iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_LocalDemo',
    });
    expect(access.exp - access.iat).toBe(3600);
    expect(id).toMatchObject({ token_use: 'id', aud: APP_CLIENT, 'cognito:username': 'demo.user', email_verified: true });
    expect(id.origin_jti).toBe(access.origin_jti);
    expect(id.sub).toBe(access.sub);
    expect(outcome.session.getRefreshToken().getToken()).not.toBe('');
  });

  it('answers a wrong password with "Incorrect username or password."', async () => {
    const outcome = await signIn(url(), 'demo.user', 'Wrong-Passw0rd!', { flow });
    expect(outcome.kind === 'failed' && outcome.error).toMatchObject({
      code: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });

  it('hides an unknown user under PreventUserExistenceErrors ENABLED', async () => {
    const outcome = await signIn(url(), 'nobody.here', DEMO_PASSWORD, { flow });
    expect(outcome.kind === 'failed' && outcome.error).toMatchObject({
      code: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });

  it('names an unknown user under LEGACY', async () => {
    const outcome = await signIn(url(), 'nobody.here', DEMO_PASSWORD, { flow, clientId: LEGACY_CLIENT });
    expect(outcome.kind === 'failed' && outcome.error).toMatchObject({ code: 'UserNotFoundException', message: 'User does not exist.' });
  });

  it('refuses a disabled user', async () => {
    const outcome = await signIn(url(), 'disabled.user', DEMO_PASSWORD, { flow });
    expect(outcome.kind === 'failed' && outcome.error).toMatchObject({ code: 'NotAuthorizedException', message: 'User is disabled.' });
  });

  it('refuses an unconfirmed user, even with a wrong password', async () => {
    for (const password of [DEMO_PASSWORD, 'Wrong-Passw0rd!']) {
      const outcome = await signIn(url(), 'unconfirmed.user', password, { flow });
      expect(outcome.kind === 'failed' && outcome.error).toMatchObject({ code: 'UserNotConfirmedException', message: 'User is not confirmed.' });
    }
  });

  it.each([APP_CLIENT, LEGACY_CLIENT])(
    'gives RESET_REQUIRED users PasswordResetRequiredException only after the old password is proven (%s)',
    async (clientId) => {
      const wrong = await signIn(url(), 'reset.user', 'Wrong-Passw0rd!', { flow, clientId });
      expect(wrong.kind === 'failed' && wrong.error.code).toBe('NotAuthorizedException');
      const right = await signIn(url(), 'reset.user', RESET_USER_OLD_PASSWORD, { flow, clientId });
      expect(right.kind === 'failed' && right.error).toMatchObject({
        code: 'PasswordResetRequiredException',
        message: 'Password reset required for the user',
      });
    },
  );

  it('gives FORCE_CHANGE_PASSWORD users NEW_PASSWORD_REQUIRED only after the temporary password is proven', async () => {
    const wrong = await signIn(url(), 'new.user', 'Wrong-Passw0rd!', { flow });
    expect(wrong.kind === 'failed' && wrong.error.message).toBe('Incorrect username or password.');
    const right = await signIn(url(), 'new.user', NEW_USER_TEMP_PASSWORD, { flow });
    expect(right.kind).toBe('newPasswordRequired');
    if (right.kind !== 'newPasswordRequired') return;
    expect(right.userAttributes).toEqual({ email: 'new.user@example.com', email_verified: 'true' });
    expect(right.requiredAttributes).toEqual(['name']);
  });

  it('refuses an expired temporary password (TemporaryPasswordValidityDays, by the emulator clock)', async () => {
    await advanceClock(url(), 7 * 24 * 3600 + 60);
    const outcome = await signIn(url(), 'new.user', NEW_USER_TEMP_PASSWORD, { flow });
    expect(outcome.kind === 'failed' && outcome.error).toMatchObject({
      code: 'NotAuthorizedException',
      message: 'Temporary password has expired and must be reset by an administrator.',
    });
  });
});

describe('InitiateAuth wire details', () => {
  it('encodes the NEW_PASSWORD_REQUIRED parameters as JSON strings, with an opaque Session', async () => {
    const response = await passwordSignIn(url(), 'new.user', NEW_USER_TEMP_PASSWORD);
    expect(response.body.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    const parameters = response.body.ChallengeParameters as Record<string, string>;
    expect(parameters.USER_ID_FOR_SRP).toBe('new.user');
    expect(JSON.parse(parameters.requiredAttributes)).toEqual(['userAttributes.name']);
    expect(JSON.parse(parameters.userAttributes)).toEqual({ email: 'new.user@example.com', email_verified: 'true' });
    const session = String(response.body.Session);
    expect(session.length).toBeGreaterThanOrEqual(20);
    expect(session).toMatch(/^AYAB/);
    expect(Buffer.from(session.slice(4), 'base64url').toString('latin1')).not.toContain('new.user');
  });

  it('answers USER_SRP_AUTH with PASSWORD_VERIFIER and no Session, USER_ID_FOR_SRP being the internal username', async () => {
    const response = await call(url(), 'InitiateAuth', {
      AuthFlow: 'USER_SRP_AUTH',
      ClientId: APP_CLIENT,
      AuthParameters: { USERNAME: 'Demo.User', SRP_A: 'abc123' },
    });
    expect(response.body.ChallengeName).toBe('PASSWORD_VERIFIER');
    expect(response.body).not.toHaveProperty('Session');
    const parameters = response.body.ChallengeParameters as Record<string, string>;
    expect(Object.keys(parameters).sort()).toEqual(['SALT', 'SECRET_BLOCK', 'SRP_B', 'USERNAME', 'USER_ID_FOR_SRP']);
    expect(parameters.USER_ID_FOR_SRP).toBe('demo.user');
    expect(parameters.USERNAME).toBe('demo.user');
  });

  it('simulates the first SRP step for an unknown user with a stable salt and a UUID-format id (ENABLED)', async () => {
    const start = () =>
      call(url(), 'InitiateAuth', {
        AuthFlow: 'USER_SRP_AUTH',
        ClientId: APP_CLIENT,
        AuthParameters: { USERNAME: 'ghost', SRP_A: 'abc123' },
      });
    const first = (await start()).body.ChallengeParameters as Record<string, string>;
    const second = (await start()).body.ChallengeParameters as Record<string, string>;
    expect(first.USER_ID_FOR_SRP).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(second.USER_ID_FOR_SRP).toBe(first.USER_ID_FOR_SRP);
    expect(second.SALT).toBe(first.SALT);
    expect(second.SECRET_BLOCK).not.toBe(first.SECRET_BLOCK);
  });

  it('refuses a flow the client does not allow', async () => {
    const response = await passwordSignIn(url(), 'demo.user', DEMO_PASSWORD, SRP_ONLY_CLIENT);
    expect(expectError(response)).toEqual({
      type: 'InvalidParameterException',
      message: 'USER_PASSWORD_AUTH flow not enabled for this client',
    });
  });

  it('refuses SRP on a client without ALLOW_USER_SRP_AUTH', async () => {
    const outcome = await signIn(url(), 'demo.user', DEMO_PASSWORD, { clientId: SHORT_TOKENS_CLIENT });
    expect(outcome.kind === 'failed' && outcome.error).toMatchObject({
      code: 'InvalidParameterException',
      message: 'USER_SRP_AUTH is not enabled for the client.',
    });
  });

  it('names a missing USERNAME', async () => {
    const response = await call(url(), 'InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: APP_CLIENT, AuthParameters: { PASSWORD: 'x' } });
    expect(expectError(response)).toEqual({ type: 'InvalidParameterException', message: 'Missing required parameter USERNAME' });
  });

  it('answers an unknown client with ResourceNotFoundException', async () => {
    const response = await passwordSignIn(url(), 'demo.user', DEMO_PASSWORD, 'nosuchclient');
    expect(expectError(response)).toEqual({ type: 'ResourceNotFoundException', message: 'User pool client nosuchclient does not exist.' });
  });

  it('takes token lifetimes from the client', async () => {
    const response = await passwordSignIn(url(), 'demo.user', DEMO_PASSWORD, SHORT_TOKENS_CLIENT);
    const result = response.body.AuthenticationResult as Record<string, string | number>;
    expect(result.ExpiresIn).toBe(300);
    expect(result.TokenType).toBe('Bearer');
    const access = decodeJwt(String(result.AccessToken));
    const id = decodeJwt(String(result.IdToken));
    expect(Number(access.exp) - Number(access.iat)).toBe(300);
    expect(Number(id.exp) - Number(id.iat)).toBe(600);
  });
});

describe('the SRP proof', () => {
  it('is single use: replaying a PASSWORD_VERIFIER answer fails', async () => {
    const intercepted = interceptCognitoRequests();
    restoreFetch = intercepted.restore;
    const outcome = await signIn(url(), 'demo.user', DEMO_PASSWORD);
    expect(outcome.kind).toBe('signedIn');
    const answer = intercepted.requests.find((request) => request.operation === 'RespondToAuthChallenge');
    expect(answer).toBeDefined();
    const replay = await call(url(), 'RespondToAuthChallenge', answer?.body);
    expect(expectError(replay)).toEqual({ type: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('rejects an unparseable TIMESTAMP with Cognito\'s format message', async () => {
    const intercepted = interceptCognitoRequests((request) => {
      if (request.operation !== 'RespondToAuthChallenge') return undefined;
      const responses = request.body.ChallengeResponses as Record<string, string>;
      return { ...request.body, ChallengeResponses: { ...responses, TIMESTAMP: '2026-11-22T06:41:48Z' } };
    });
    restoreFetch = intercepted.restore;
    const outcome = await signIn(url(), 'demo.user', DEMO_PASSWORD);
    expect(outcome.kind === 'failed' && outcome.error).toMatchObject({
      code: 'InvalidParameterException',
      message: 'TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english.',
    });
  });

  it('fails a proof bound to another client', async () => {
    const intercepted = interceptCognitoRequests((request) =>
      request.operation === 'RespondToAuthChallenge' ? { ...request.body, ClientId: LEGACY_CLIENT } : undefined,
    );
    restoreFetch = intercepted.restore;
    const outcome = await signIn(url(), 'demo.user', DEMO_PASSWORD);
    expect(outcome.kind === 'failed' && outcome.error.message).toBe('Incorrect username or password.');
  });

  it.each([
    [200, 'signedIn'],
    [5 * 60 + 1, 'failed'],
  ])('after %i s between challenge and answer, the sign-in ends %s (SECRET_BLOCK lifetime)', async (delaySeconds, expected) => {
    const intercepted = interceptCognitoRequests(async (request) => {
      if (request.operation === 'RespondToAuthChallenge') await advanceClock(url(), delaySeconds);
      return undefined;
    });
    restoreFetch = intercepted.restore;
    const outcome = await signIn(url(), 'demo.user', DEMO_PASSWORD);
    expect(outcome.kind).toBe(expected);
    if (outcome.kind === 'failed') expect(outcome.error.message).toBe('Incorrect username or password.');
  });
});

describe('lockout after repeated failures', () => {
  const frozen = useEmulator({ seed: extendedSeed(), clockBase: () => Date.UTC(2026, 10, 22, 12, 0, 0) });

  it('answers "Password attempts exceeded" during the lockout, and lets the user in after it', async () => {
    const { url: base } = frozen.current;
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const response = await passwordSignIn(base, 'demo.user', 'Wrong-Passw0rd!');
      expect(expectError(response).message).toBe('Incorrect username or password.');
    }
    const locked = await passwordSignIn(base, 'demo.user', DEMO_PASSWORD);
    expect(expectError(locked)).toEqual({ type: 'NotAuthorizedException', message: 'Password attempts exceeded' });
    await advanceClock(base, 1);
    const after = await passwordSignIn(base, 'demo.user', DEMO_PASSWORD);
    expect(after.status).toBe(200);
  });

  it('locks out a name without a user just like a real user under ENABLED, so the sixth attempt reveals nothing', async () => {
    const { url: base } = frozen.current;
    const messages = async (username: string) => {
      const seen: string[] = [];
      for (let attempt = 1; attempt <= 6; attempt += 1) seen.push(expectError(await passwordSignIn(base, username, 'Wrong-Passw0rd!')).message);
      return seen;
    };
    const real = await messages('demo.user');
    expect(real.at(-1)).toBe('Password attempts exceeded');
    expect(await messages('ghost.user')).toEqual(real);
    // The same name whatever its case (the pool is case-insensitive), and the SRP flow meets the same lockout.
    expect(expectError(await passwordSignIn(base, 'Ghost.User', 'Wrong-Passw0rd!')).message).toBe('Password attempts exceeded');
    const srp = await signIn(base, 'ghost.user', 'Wrong-Passw0rd!');
    expect(srp.kind === 'failed' ? srp.error.message : srp.kind).toBe('Password attempts exceeded');
    // LEGACY names the unknown user, lockout or not.
    expect(expectError(await passwordSignIn(base, 'ghost.user', 'Wrong-Passw0rd!', LEGACY_CLIENT)).type).toBe('UserNotFoundException');
  });

  it('counts failed SRP proofs of a name without a user towards its lockout', async () => {
    const { url: base } = frozen.current;
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const outcome = await signIn(base, 'ghost.srp', 'Wrong-Passw0rd!');
      expect(outcome.kind === 'failed' ? outcome.error.message : outcome.kind).toBe('Incorrect username or password.');
    }
    expect(expectError(await passwordSignIn(base, 'ghost.srp', 'Wrong-Passw0rd!')).message).toBe('Password attempts exceeded');
  });
});
