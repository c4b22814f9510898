import {
  DescribeUserPoolClientCommand,
  GetTokensFromRefreshTokenCommand,
  GlobalSignOutCommand,
  RevokeTokenCommand,
  type CognitoIdentityProviderServiceException,
} from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoUserSession } from 'amazon-cognito-identity-js';
import { decodeJwt } from 'jose';
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseSeed } from '../seed-schema';
import { awsCli, cliJson, expectCliError } from './aws-cli-helpers';
import {
  APP_CLIENT,
  DEMO_PASSWORD,
  POOL_ID,
  SECRET_CLIENT,
  SECRET_CLIENT_SECRET,
  adminClient,
  advanceClock,
  call,
  expectError,
  extendedSeed,
  passwordSignIn,
  settle,
  signedIn,
  useEmulator,
} from './helpers';

/**
 * GetTokensFromRefreshToken and app-client refresh-token rotation (docs/cognito-behaviour.md §4.21), with the
 * AWS SDK, amazon-cognito-identity-js and the AWS CLI.
 */

const emulator = useEmulator({ seed: extendedSeed() });
const url = () => emulator.current.url;

/** The demo pool's rotating app client (emulator/seed.json): grace period 60 s, no ALLOW_REFRESH_TOKEN_AUTH. */
const ROTATING_CLIENT = 'localdemorotatingclient001';
const GRACE_SECONDS = 60;

interface Tokens {
  AccessToken: string;
  IdToken: string;
  RefreshToken?: string;
  ExpiresIn: number;
  TokenType: string;
}

async function signInTokens(clientId: string, username = 'demo.user'): Promise<Required<Tokens>> {
  const response = await passwordSignIn(url(), username, DEMO_PASSWORD, clientId);
  expect(response.status).toBe(200);
  return response.body.AuthenticationResult as Required<Tokens>;
}

/** GetTokensFromRefreshToken through the AWS SDK: its AuthenticationResult, or the service error. */
async function getTokens(refreshToken: string, clientId = ROTATING_CLIENT, clientSecret?: string) {
  try {
    const output = await adminClient(url()).send(
      new GetTokensFromRefreshTokenCommand({ RefreshToken: refreshToken, ClientId: clientId, ClientSecret: clientSecret }),
    );
    return { tokens: output.AuthenticationResult as Tokens };
  } catch (error) {
    const failure = error as CognitoIdentityProviderServiceException;
    return { error: { name: failure.name, message: failure.message } };
  }
}

describe('GetTokensFromRefreshToken on a client without rotation', () => {
  it('issues new access and ID tokens of the same sign-in, and no refresh token', async () => {
    const signedInTokens = await signInTokens(APP_CLIENT);
    await advanceClock(url(), 60);
    const { tokens, error } = await getTokens(signedInTokens.RefreshToken, APP_CLIENT);
    expect(error).toBeUndefined();
    expect(tokens).toMatchObject({ ExpiresIn: 3600, TokenType: 'Bearer' });
    expect(tokens?.RefreshToken).toBeUndefined();
    const before = decodeJwt(signedInTokens.AccessToken);
    const after = decodeJwt(tokens?.AccessToken ?? '');
    expect(after.jti).not.toBe(before.jti);
    expect(after.origin_jti).toBe(before.origin_jti);
    expect(after.auth_time).toBe(before.auth_time);
    expect(decodeJwt(tokens?.IdToken ?? '')['cognito:username']).toBe('demo.user');
    // The refresh token is not spent: it renews again.
    expect((await getTokens(signedInTokens.RefreshToken, APP_CLIENT)).tokens).toBeDefined();
  });

  it('answers as InitiateAuth does for a token it cannot read, of another client, or revoked', async () => {
    expect((await getTokens('not-a-token', APP_CLIENT)).error).toEqual({ name: 'NotAuthorizedException', message: 'Invalid Refresh Token.' });
    const other = await signInTokens(ROTATING_CLIENT);
    expect((await getTokens(other.RefreshToken, APP_CLIENT)).error).toEqual({
      name: 'NotAuthorizedException',
      message: 'Invalid Refresh Token.',
    });
    const mine = await signInTokens(APP_CLIENT);
    await adminClient(url()).send(new GlobalSignOutCommand({ AccessToken: mine.AccessToken }));
    expect((await getTokens(mine.RefreshToken, APP_CLIENT)).error).toEqual({
      name: 'NotAuthorizedException',
      message: 'Refresh Token has been revoked',
    });
  });

  it('takes the raw ClientSecret of a client with a secret', async () => {
    const response = await call(url(), 'InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: SECRET_CLIENT,
      AuthParameters: {
        USERNAME: 'demo.user',
        PASSWORD: DEMO_PASSWORD,
        SECRET_HASH: createHmac('sha256', SECRET_CLIENT_SECRET).update(`demo.user${SECRET_CLIENT}`).digest('base64'),
      },
    });
    const { RefreshToken } = response.body.AuthenticationResult as Required<Tokens>;
    expect((await getTokens(RefreshToken, SECRET_CLIENT)).error).toEqual({
      name: 'NotAuthorizedException',
      message: `Client ${SECRET_CLIENT} is configured for secret but secret was not received`,
    });
    expect((await getTokens(RefreshToken, SECRET_CLIENT, `${SECRET_CLIENT_SECRET}0`)).error).toEqual({
      name: 'NotAuthorizedException',
      message: `Unable to verify secret hash for client ${SECRET_CLIENT}`,
    });
    expect((await getTokens(RefreshToken, SECRET_CLIENT, SECRET_CLIENT_SECRET)).tokens?.AccessToken).toBeDefined();
  });
});

describe('refresh-token rotation', () => {
  it('is shown by DescribeUserPoolClient as seeded', async () => {
    const { UserPoolClient } = await adminClient(url()).send(
      new DescribeUserPoolClientCommand({ UserPoolId: POOL_ID, ClientId: ROTATING_CLIENT }),
    );
    expect(UserPoolClient?.RefreshTokenRotation).toEqual({ Feature: 'ENABLED', RetryGracePeriodSeconds: GRACE_SECONDS });
    expect(UserPoolClient?.ExplicitAuthFlows).not.toContain('ALLOW_REFRESH_TOKEN_AUTH');
  });

  it('issues a new refresh token on each refresh; the one it replaced works only for the grace period', async () => {
    const first = (await signInTokens(ROTATING_CLIENT)).RefreshToken;
    const second = (await getTokens(first)).tokens?.RefreshToken ?? '';
    expect(second).toMatch(/^[\w-]+\.[\w-]*\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(second).not.toBe(first);

    // A retry with the replaced token within the grace period renews, and hands out the current token again
    // rather than yet another one: the token it returns is as good as `second`.
    await advanceClock(url(), GRACE_SECONDS - 1);
    const retry = await getTokens(first);
    expect(retry.tokens?.AccessToken).toBeDefined();
    const retried = retry.tokens?.RefreshToken ?? '';

    await advanceClock(url(), 2);
    expect((await getTokens(first)).error).toEqual({ name: 'RefreshTokenReuseException', message: 'Refresh Token has been rotated' });

    // The current generation rotates on: `second` (or its equal from the retry) gives a third token.
    const third = (await getTokens(retried)).tokens?.RefreshToken ?? '';
    expect(third).not.toBe('');
    expect((await getTokens(third)).tokens?.RefreshToken).toBeDefined();
    // Two rotations later, `second` is past any grace period.
    await advanceClock(url(), GRACE_SECONDS + 1);
    expect((await getTokens(second)).error?.name).toBe('RefreshTokenReuseException');
  });

  it('keeps the sign-in across rotations: same origin_jti and auth_time, new jti each time', async () => {
    const signedInTokens = await signInTokens(ROTATING_CLIENT);
    const renewed = (await getTokens(signedInTokens.RefreshToken)).tokens;
    const again = (await getTokens(renewed?.RefreshToken ?? '')).tokens;
    const claims = [signedInTokens, renewed, again].map((tokens) => decodeJwt(tokens?.AccessToken ?? ''));
    expect(new Set(claims.map((claim) => claim.origin_jti)).size).toBe(1);
    expect(new Set(claims.map((claim) => claim.auth_time)).size).toBe(1);
    expect(new Set(claims.map((claim) => claim.jti)).size).toBe(3);
  });

  it('revokes the whole sign-in when any of its refresh tokens is revoked', async () => {
    const first = (await signInTokens(ROTATING_CLIENT)).RefreshToken;
    const second = (await getTokens(first)).tokens?.RefreshToken ?? '';
    await adminClient(url()).send(new RevokeTokenCommand({ Token: first, ClientId: ROTATING_CLIENT }));
    expect((await getTokens(second)).error).toEqual({ name: 'NotAuthorizedException', message: 'Refresh Token has been revoked' });
  });

  it('refuses REFRESH_TOKEN_AUTH through InitiateAuth, as a client without ALLOW_REFRESH_TOKEN_AUTH does', async () => {
    const { RefreshToken } = await signInTokens(ROTATING_CLIENT);
    for (const authFlow of ['REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN']) {
      const response = await call(url(), 'InitiateAuth', {
        AuthFlow: authFlow,
        ClientId: ROTATING_CLIENT,
        AuthParameters: { REFRESH_TOKEN: RefreshToken },
      });
      expect(expectError(response)).toEqual({
        type: 'InvalidParameterException',
        message: 'REFRESH_TOKEN_AUTH flow not enabled for this client',
      });
    }
  });

  it('leaves amazon-cognito-identity-js, which refreshes through InitiateAuth, with the same refusal', async () => {
    const { user, session } = await signedIn(url(), 'demo.user', DEMO_PASSWORD, ROTATING_CLIENT);
    const { error } = await settle<CognitoUserSession>((done) => user.refreshSession(session.getRefreshToken(), done));
    expect(error).toMatchObject({ code: 'InvalidParameterException', message: 'REFRESH_TOKEN_AUTH flow not enabled for this client' });
  });

  it('is refused in a seed together with ALLOW_REFRESH_TOKEN_AUTH', () => {
    const seed = extendedSeed();
    seed.UserPools[0].Clients.push({
      ClientId: 'rotatingwithrefreshflow01',
      ClientName: 'both',
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      RefreshTokenRotation: { Feature: 'ENABLED' },
    });
    expect(() => parseSeed(seed)).toThrow(/RefreshTokenRotation ENABLED refreshes with GetTokensFromRefreshToken only/);
  });
});

describe('the AWS CLI', () => {
  it('get-tokens-from-refresh-token rotates on a rotating client and names RefreshTokenReuseException after the grace period', async () => {
    const first = (await signInTokens(ROTATING_CLIENT)).RefreshToken;
    const renewed = cliJson(
      await awsCli(url(), 'get-tokens-from-refresh-token', '--client-id', ROTATING_CLIENT, '--refresh-token', first),
    ) as { AuthenticationResult: Tokens };
    expect(renewed.AuthenticationResult.RefreshToken).toBeDefined();
    expect(renewed.AuthenticationResult.RefreshToken).not.toBe(first);
    await advanceClock(url(), GRACE_SECONDS + 1);
    expectCliError(
      await awsCli(url(), 'get-tokens-from-refresh-token', '--client-id', ROTATING_CLIENT, '--refresh-token', first),
      'RefreshTokenReuseException',
      'GetTokensFromRefreshToken',
      'Refresh Token has been rotated',
    );
  });
});

describe('a refresh token of a sign-in long past', () => {
  it('answers "expired" rather than "revoked" while the pool still remembers the sign-in', async () => {
    const { RefreshToken } = await signInTokens(ROTATING_CLIENT);
    // §1: refresh tokens last 30 days by default.
    await advanceClock(url(), 30 * 24 * 60 * 60 + 1);
    expect(expectError(await call(url(), 'GetTokensFromRefreshToken', { RefreshToken, ClientId: ROTATING_CLIENT }))).toEqual({
      type: 'NotAuthorizedException',
      message: 'Refresh Token has expired',
    });
  });
});
