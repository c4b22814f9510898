import { createHmac } from 'node:crypto';
import { decodeJwt } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  NEW_USER_TEMP_PASSWORD,
  SECRET_CLIENT,
  SECRET_CLIENT_SECRET,
  call,
  expectError,
  interceptCognitoRequests,
  signIn,
  useEmulator,
} from './helpers';

const emulator = useEmulator();
const url = () => emulator.current.url;

/** docs/cognito-behaviour.md §7, computed independently of the server code. */
function secretHash(username: string): string {
  return createHmac('sha256', SECRET_CLIENT_SECRET).update(username + SECRET_CLIENT).digest('base64');
}

function passwordAuth(parameters: Record<string, string>) {
  return call(url(), 'InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: SECRET_CLIENT,
    AuthParameters: { USERNAME: 'demo.user', PASSWORD: DEMO_PASSWORD, ...parameters },
  });
}

let restoreFetch: (() => void) | undefined;
afterEach(() => {
  restoreFetch?.();
  restoreFetch = undefined;
});

describe('clients with a secret', () => {
  it('require SECRET_HASH', async () => {
    expect(expectError(await passwordAuth({}))).toEqual({
      type: 'NotAuthorizedException',
      message: `Client ${SECRET_CLIENT} is configured for secret but secret was not received`,
    });
  });

  it('refuse a wrong SECRET_HASH', async () => {
    expect(expectError(await passwordAuth({ SECRET_HASH: secretHash('someone.else') }))).toEqual({
      type: 'NotAuthorizedException',
      message: `Unable to verify secret hash for client ${SECRET_CLIENT}`,
    });
  });

  it('accept the right SECRET_HASH', async () => {
    const response = await passwordAuth({ SECRET_HASH: secretHash('demo.user') });
    expect(response.status).toBe(200);
  });

  it('verify SECRET_HASH on both SRP steps (USER_ID_FOR_SRP on the second)', async () => {
    const intercepted = interceptCognitoRequests((request) => {
      if (request.operation === 'InitiateAuth') {
        const parameters = request.body.AuthParameters as Record<string, string>;
        return { ...request.body, AuthParameters: { ...parameters, SECRET_HASH: secretHash(parameters.USERNAME) } };
      }
      if (request.operation === 'RespondToAuthChallenge') {
        const responses = request.body.ChallengeResponses as Record<string, string>;
        return { ...request.body, ChallengeResponses: { ...responses, SECRET_HASH: secretHash(responses.USERNAME) } };
      }
      return undefined;
    });
    restoreFetch = intercepted.restore;
    const outcome = await signIn(url(), 'Demo.User', DEMO_PASSWORD, { clientId: SECRET_CLIENT });
    expect(outcome.kind).toBe('signedIn');
  });

  it('verify SECRET_HASH on NEW_PASSWORD_REQUIRED answers', async () => {
    const challenge = await call(url(), 'InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: SECRET_CLIENT,
      AuthParameters: { USERNAME: 'new.user', PASSWORD: NEW_USER_TEMP_PASSWORD, SECRET_HASH: secretHash('new.user') },
    });
    const answer = (extra: Record<string, string>) =>
      call(url(), 'RespondToAuthChallenge', {
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        ClientId: SECRET_CLIENT,
        Session: challenge.body.Session,
        ChallengeResponses: { USERNAME: 'new.user', NEW_PASSWORD: 'Brand-New-Passw0rd!', 'userAttributes.name': 'N', ...extra },
      });
    expect(expectError(await answer({})).message).toBe(`Client ${SECRET_CLIENT} is configured for secret but secret was not received`);
    expect((await answer({ SECRET_HASH: secretHash('new.user') })).status).toBe(200);
  });

  it('verify SecretHash on ForgotPassword', async () => {
    const forgot = (extra: Record<string, string>) => call(url(), 'ForgotPassword', { ClientId: SECRET_CLIENT, Username: 'demo.user', ...extra });
    expect(expectError(await forgot({ SecretHash: secretHash('nobody') })).message).toBe(`Unable to verify secret hash for client ${SECRET_CLIENT}`);
    expect((await forgot({ SecretHash: secretHash('demo.user') })).status).toBe(200);
  });

  it('verify SECRET_HASH on refresh, computed from the username or sub', async () => {
    const signedIn = await passwordAuth({ SECRET_HASH: secretHash('demo.user') });
    const { RefreshToken, AccessToken } = signedIn.body.AuthenticationResult as Record<string, string>;
    const refresh = (hash: string) =>
      call(url(), 'InitiateAuth', {
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        ClientId: SECRET_CLIENT,
        AuthParameters: { REFRESH_TOKEN: RefreshToken, SECRET_HASH: hash },
      });
    expect(expectError(await refresh(secretHash('nobody')))).toEqual({
      type: 'NotAuthorizedException',
      message: `SecretHash does not match for the client: ${SECRET_CLIENT}`,
    });
    expect((await refresh(secretHash('demo.user'))).status).toBe(200);
    expect((await refresh(secretHash(String(decodeJwt(AccessToken).sub)))).status).toBe(200);
  });
});
