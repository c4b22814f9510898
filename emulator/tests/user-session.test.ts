import type { CognitoUserSession } from 'amazon-cognito-identity-js';
import { createHmac } from 'node:crypto';
import { SignJWT, decodeJwt, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../limits';
import {
  APP_CLIENT,
  DEMO_PASSWORD,
  LEGACY_CLIENT,
  NO_REVOCATION_CLIENT,
  POOL_ID,
  SECRET_CLIENT,
  SECRET_CLIENT_SECRET,
  SHORT_TOKENS_CLIENT,
  SIGNED,
  advanceClock,
  call,
  expectError,
  extendedSeed,
  passwordSignIn,
  settle,
  signedIn,
  useEmulator,
} from './helpers';

const emulator = useEmulator({ seed: extendedSeed() });
const url = () => emulator.current.url;

interface Tokens {
  AccessToken: string;
  IdToken: string;
  RefreshToken: string;
}

async function tokensFor(username = 'demo.user', clientId = APP_CLIENT): Promise<Tokens> {
  const response = await passwordSignIn(url(), username, DEMO_PASSWORD, clientId);
  return response.body.AuthenticationResult as Tokens;
}

const getUser = (accessToken: string) => call(url(), 'GetUser', { AccessToken: accessToken });
const refresh = (refreshToken: string, clientId = APP_CLIENT) =>
  call(url(), 'InitiateAuth', { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: clientId, AuthParameters: { REFRESH_TOKEN: refreshToken } });

describe('tokens with amazon-cognito-identity-js', () => {
  it('reads the user with GetUser', async () => {
    const { user } = await signedIn(url(), 'demo.user', DEMO_PASSWORD);
    const { result } = await settle<Array<{ getName(): string; getValue(): string }>>((done) => user.getUserAttributes(done));
    const attributes = Object.fromEntries((result ?? []).map((attribute) => [attribute.getName(), attribute.getValue()]));
    expect(attributes).toMatchObject({ email: 'demo.user@example.com', email_verified: 'true', name: 'Demo User' });
    expect(attributes.sub).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refreshes the session: new tokens, same sign-in, no new refresh token', async () => {
    const { user, session } = await signedIn(url(), 'demo.user', DEMO_PASSWORD);
    await advanceClock(url(), 60);
    const { error, result } = await settle<CognitoUserSession>((done) => user.refreshSession(session.getRefreshToken(), done));
    expect(error).toBeUndefined();
    const before = session.getAccessToken().decodePayload();
    const after = result?.getAccessToken().decodePayload();
    expect(after?.jti).not.toBe(before.jti);
    expect(after?.iat).toBeGreaterThan(before.iat);
    expect(after?.origin_jti).toBe(before.origin_jti);
    expect(after?.auth_time).toBe(before.auth_time);

    const raw = await refresh(session.getRefreshToken().getToken());
    expect(raw.body.AuthenticationResult).not.toHaveProperty('RefreshToken');
    expect(raw.body.AuthenticationResult).toMatchObject({ ExpiresIn: 3600, TokenType: 'Bearer' });
  });

  it('changes the password', async () => {
    const { user } = await signedIn(url(), 'demo.user', DEMO_PASSWORD);
    const { error, result } = await settle((done) => user.changePassword(DEMO_PASSWORD, 'Changed-Passw0rd!', done));
    expect(error).toBeUndefined();
    expect(result).toBe('SUCCESS');
    expect((await passwordSignIn(url(), 'demo.user', 'Changed-Passw0rd!')).status).toBe(200);
    expect(expectError(await passwordSignIn(url(), 'demo.user', DEMO_PASSWORD)).message).toBe('Incorrect username or password.');
  });

  it('refuses a wrong previous password and a weak new one', async () => {
    const { user } = await signedIn(url(), 'demo.user', DEMO_PASSWORD);
    const wrong = await settle((done) => user.changePassword('Not-The-Passw0rd!', 'Changed-Passw0rd!', done));
    expect(wrong.error).toMatchObject({ code: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    const weak = await settle((done) => user.changePassword(DEMO_PASSWORD, 'Changed-Password!', done));
    expect(weak.error).toMatchObject({
      code: 'InvalidPasswordException',
      message: 'Password did not conform with policy: Password must have numeric characters',
    });
  });

  it('signs out everywhere with GlobalSignOut', async () => {
    const other = await tokensFor();
    const { user, session } = await signedIn(url(), 'demo.user', DEMO_PASSWORD);
    const outcome = await new Promise<string>((resolve, reject) => user.globalSignOut({ onSuccess: resolve, onFailure: reject }));
    expect(outcome).toBe('SUCCESS');
    for (const accessToken of [session.getAccessToken().getJwtToken(), other.AccessToken]) {
      expect(expectError(await getUser(accessToken))).toEqual({ type: 'NotAuthorizedException', message: 'Access Token has been revoked' });
    }
    expect(expectError(await refresh(other.RefreshToken))).toEqual({ type: 'NotAuthorizedException', message: 'Refresh Token has been revoked' });
  });

  it('revokes one sign-in with RevokeToken (signOut) and leaves the others alone', async () => {
    const other = await tokensFor();
    const { user, session } = await signedIn(url(), 'demo.user', DEMO_PASSWORD);
    await new Promise<void>((resolve, reject) => user.signOut((error?: Error) => (error ? reject(error) : resolve())));
    expect(expectError(await getUser(session.getAccessToken().getJwtToken())).message).toBe('Access Token has been revoked');
    expect(expectError(await refresh(session.getRefreshToken().getToken())).message).toBe('Refresh Token has been revoked');
    expect((await getUser(other.AccessToken)).status).toBe(200);
  });
});

describe('access tokens are verified on every use', () => {
  it('refuses an expired access token', async () => {
    const { AccessToken } = await tokensFor();
    await advanceClock(url(), 3600 + 1);
    expect(expectError(await getUser(AccessToken))).toEqual({ type: 'NotAuthorizedException', message: 'Access Token has expired' });
  });

  it('refuses garbage and tokens not signed by the pool', async () => {
    expect(expectError(await getUser('not-a-token'))).toEqual({ type: 'NotAuthorizedException', message: 'Invalid Access Token' });
    const { AccessToken } = await tokensFor();
    const claims = decodeJwt(AccessToken);
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'forged' }).sign(privateKey);
    expect(expectError(await getUser(forged)).message).toBe('Invalid Access Token');
  });

  it('refuses an ID token where an access token belongs', async () => {
    const { IdToken } = await tokensFor();
    expect(expectError(await getUser(IdToken)).message).toBe('Invalid Access Token');
  });

  it('revokes the tokens of a disabled user, for good', async () => {
    const { AccessToken, RefreshToken } = await tokensFor();
    await call(url(), 'AdminDisableUser', { UserPoolId: POOL_ID, Username: 'demo.user' }, SIGNED);
    expect(expectError(await getUser(AccessToken)).message).toBe('Access Token has been revoked');
    await call(url(), 'AdminEnableUser', { UserPoolId: POOL_ID, Username: 'demo.user' }, SIGNED);
    expect(expectError(await getUser(AccessToken)).message).toBe('Access Token has been revoked');
    expect(expectError(await refresh(RefreshToken)).message).toBe('Refresh Token has been revoked');
    expect((await getUser((await tokensFor()).AccessToken)).status).toBe(200);
  });

  it('refuses the token of a deleted user', async () => {
    const { AccessToken } = await tokensFor();
    await call(url(), 'AdminDeleteUser', { UserPoolId: POOL_ID, Username: 'demo.user' }, SIGNED);
    expect(expectError(await getUser(AccessToken))).toEqual({ type: 'UserNotFoundException', message: 'User does not exist.' });
  });

  it('checks the token on ChangePassword and GlobalSignOut too', async () => {
    const { AccessToken } = await tokensFor();
    await call(url(), 'GlobalSignOut', { AccessToken });
    const change = await call(url(), 'ChangePassword', { AccessToken, PreviousPassword: DEMO_PASSWORD, ProposedPassword: 'Changed-Passw0rd!' });
    expect(expectError(change).message).toBe('Access Token has been revoked');
    expect(expectError(await call(url(), 'GlobalSignOut', { AccessToken })).message).toBe('Access Token has been revoked');
  });
});

describe('refresh tokens', () => {
  it('refuses garbage', async () => {
    expect(expectError(await refresh('garbage'))).toEqual({ type: 'NotAuthorizedException', message: 'Invalid Refresh Token.' });
  });

  it('refuses a refresh token of another client', async () => {
    const { RefreshToken } = await tokensFor();
    expect(expectError(await refresh(RefreshToken, LEGACY_CLIENT)).message).toBe('Invalid Refresh Token.');
  });

  it("expires with the client's RefreshTokenValidity", async () => {
    const { RefreshToken } = await tokensFor('demo.user', SHORT_TOKENS_CLIENT);
    await advanceClock(url(), 59 * 60);
    expect((await refresh(RefreshToken, SHORT_TOKENS_CLIENT)).status).toBe(200);
    await advanceClock(url(), 2 * 60);
    expect(expectError(await refresh(RefreshToken, SHORT_TOKENS_CLIENT)).message).toBe('Refresh Token has expired');
  });
});

describe('RevokeToken over the wire', () => {
  it('answers 200 with an empty body', async () => {
    const { RefreshToken } = await tokensFor();
    const response = await call(url(), 'RevokeToken', { Token: RefreshToken, ClientId: APP_CLIENT });
    expect(response.status).toBe(200);
    expect(response.text).toBe('');
  });

  it('refuses an access token', async () => {
    const { AccessToken } = await tokensFor();
    const response = await call(url(), 'RevokeToken', { Token: AccessToken, ClientId: APP_CLIENT });
    expect(expectError(response).type).toBe('UnsupportedTokenTypeException');
  });

  it('answers UnsupportedOperationException for a client without token revocation, and revokes nothing', async () => {
    const { RefreshToken } = await tokensFor('demo.user', NO_REVOCATION_CLIENT);
    const response = await call(url(), 'RevokeToken', { Token: RefreshToken, ClientId: NO_REVOCATION_CLIENT });
    expect(expectError(response)).toEqual({
      type: 'UnsupportedOperationException',
      message: 'Token revocation is not enabled for this client.',
    });
    expect((await refresh(RefreshToken, NO_REVOCATION_CLIENT)).status).toBe(200);
  });

  it('answers UnauthorizedException for a refresh token of another client, and revokes nothing', async () => {
    const { RefreshToken } = await tokensFor();
    const response = await call(url(), 'RevokeToken', { Token: RefreshToken, ClientId: LEGACY_CLIENT });
    expect(expectError(response)).toEqual({ type: 'UnauthorizedException', message: 'Invalid client credentials.' });
    expect((await refresh(RefreshToken)).status).toBe(200);
  });

  it('answers UnauthorizedException for an unknown client', async () => {
    const { RefreshToken } = await tokensFor();
    const response = await call(url(), 'RevokeToken', { Token: RefreshToken, ClientId: 'nosuchclient0000000000001' });
    expect(expectError(response).type).toBe('UnauthorizedException');
  });

  it('needs the raw ClientSecret of a client with a secret (§7)', async () => {
    const secretHash = createHmac('sha256', SECRET_CLIENT_SECRET).update(`demo.user${SECRET_CLIENT}`).digest('base64');
    const signIn = await call(url(), 'InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: SECRET_CLIENT,
      AuthParameters: { USERNAME: 'demo.user', PASSWORD: DEMO_PASSWORD, SECRET_HASH: secretHash },
    });
    const { RefreshToken } = signIn.body.AuthenticationResult as Tokens;
    const revoke = (clientSecret?: string) =>
      call(url(), 'RevokeToken', { Token: RefreshToken, ClientId: SECRET_CLIENT, ...(clientSecret === undefined ? {} : { ClientSecret: clientSecret }) });
    for (const wrong of [undefined, `${SECRET_CLIENT_SECRET}x`]) {
      expect(expectError(await revoke(wrong))).toEqual({ type: 'UnauthorizedException', message: 'Invalid client credentials.' });
    }
    // A SECRET_HASH is base64 of 32 bytes, so it ends in `=`, which the model's ClientSecretType pattern refuses
    // before anything else (§0.6; the secret is sensitive, so its value is not quoted).
    expect(expectError(await revoke(secretHash))).toEqual({
      type: 'InvalidParameterException',
      message:
        "1 validation error detected: Value at 'clientSecret' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+]+",
    });
    expect((await revoke(SECRET_CLIENT_SECRET)).status).toBe(200);
    const refreshed = await call(url(), 'InitiateAuth', {
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId: SECRET_CLIENT,
      AuthParameters: { REFRESH_TOKEN: RefreshToken, SECRET_HASH: secretHash },
    });
    expect(expectError(refreshed).message).toBe('Refresh Token has been revoked');
  });
});

describe('ChangePassword limits', () => {
  it(`answers LimitExceededException after ${LIMITS.changePasswordFailuresPerWindow} wrong previous passwords`, async () => {
    const { AccessToken } = await tokensFor();
    const attempt = (previous: string) =>
      call(url(), 'ChangePassword', { AccessToken, PreviousPassword: previous, ProposedPassword: 'Changed-Passw0rd!' });
    for (let failure = 0; failure < LIMITS.changePasswordFailuresPerWindow; failure += 1) {
      expect(expectError(await attempt('Wrong-Passw0rd!')).type).toBe('NotAuthorizedException');
    }
    expect(expectError(await attempt(DEMO_PASSWORD))).toEqual({
      type: 'LimitExceededException',
      message: 'Attempt limit exceeded, please try after some time.',
    });
  });
});
