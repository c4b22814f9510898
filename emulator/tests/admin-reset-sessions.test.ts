import { describe, expect, it } from 'vitest';
import {
  APP_CLIENT,
  DEMO_PASSWORD,
  POOL_ID,
  SIGNED,
  call,
  confirmWithLatestCode,
  expectError,
  passwordSignIn,
  useEmulator,
} from './helpers';

/**
 * docs/cognito-behaviour.md §4.11: an administrator's reset of a signed-in user. The tokens are not revoked, but
 * while the reset is pending every call they authorise answers PasswordResetRequiredException, refreshing
 * included, and sign-in answers it once the old password is proven. The reset completed, they work again.
 */

const emulator = useEmulator();
const url = () => emulator.current.url;
const NEW_PASSWORD = 'After-Reset-Passw0rd!';
const RESET_REQUIRED = { type: 'PasswordResetRequiredException', message: 'Password reset required for the user' };

interface Tokens {
  AccessToken: string;
  RefreshToken: string;
}

async function signedInTokens(): Promise<Tokens> {
  return (await passwordSignIn(url(), 'demo.user', DEMO_PASSWORD)).body.AuthenticationResult as Tokens;
}

const adminReset = () => call(url(), 'AdminResetUserPassword', { UserPoolId: POOL_ID, Username: 'demo.user' }, SIGNED);
const getUser = (accessToken: string) => call(url(), 'GetUser', { AccessToken: accessToken });
const refresh = (refreshToken: string) =>
  call(url(), 'InitiateAuth', { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: APP_CLIENT, AuthParameters: { REFRESH_TOKEN: refreshToken } });

describe('AdminResetUserPassword while the user is signed in', () => {
  it('the access token answers PasswordResetRequiredException for GetUser, ChangePassword and GlobalSignOut', async () => {
    const tokens = await signedInTokens();
    expect((await getUser(tokens.AccessToken)).status).toBe(200);
    expect((await adminReset()).status).toBe(200);

    expect(expectError(await getUser(tokens.AccessToken))).toEqual(RESET_REQUIRED);
    const change = await call(url(), 'ChangePassword', {
      AccessToken: tokens.AccessToken,
      PreviousPassword: DEMO_PASSWORD,
      ProposedPassword: NEW_PASSWORD,
    });
    expect(expectError(change)).toEqual(RESET_REQUIRED);
    expect(expectError(await call(url(), 'GlobalSignOut', { AccessToken: tokens.AccessToken }))).toEqual(RESET_REQUIRED);
  });

  it('the refresh token gets no new tokens, by InitiateAuth or GetTokensFromRefreshToken', async () => {
    const tokens = await signedInTokens();
    await adminReset();
    expect(expectError(await refresh(tokens.RefreshToken))).toEqual(RESET_REQUIRED);
    const viaGetTokens = await call(url(), 'GetTokensFromRefreshToken', { RefreshToken: tokens.RefreshToken, ClientId: APP_CLIENT });
    expect(expectError(viaGetTokens)).toEqual(RESET_REQUIRED);
  });

  it('sign-in with the old password answers PasswordResetRequiredException; a wrong one stays a wrong password', async () => {
    await signedInTokens();
    await adminReset();
    expect(expectError(await passwordSignIn(url(), 'demo.user', DEMO_PASSWORD))).toEqual(RESET_REQUIRED);
    expect(expectError(await passwordSignIn(url(), 'demo.user', 'Wrong-Passw0rd!'))).toEqual({
      type: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });

  it('once the user completes the reset, the tokens they kept work again (the reset revoked nothing)', async () => {
    const tokens = await signedInTokens();
    await adminReset();
    expect((await confirmWithLatestCode(url(), 'demo.user', NEW_PASSWORD)).status).toBe(200);

    expect((await getUser(tokens.AccessToken)).body.Username).toBe('demo.user');
    expect((await refresh(tokens.RefreshToken)).body.AuthenticationResult).toBeDefined();
    expect((await passwordSignIn(url(), 'demo.user', NEW_PASSWORD)).status).toBe(200);
  });
});
