import type { Page } from '@playwright/test';
import { heading, headings, submitSignIn } from './app';
import { EMULATOR_URL, ROTATION_APP_URL, expect, test } from './fixtures';

/**
 * The app in front of an app client with refresh-token rotation (the demo pool's local-demo-rotating, with
 * `"refreshTokenRotation": true` in e2e/config.rotation.e2e.json). Such a client refuses REFRESH_TOKEN_AUTH, the
 * flow amazon-cognito-identity-js refreshes with, so the app renews through GetTokensFromRefreshToken and keeps
 * the rotated refresh token (docs/cognito-behaviour.md §4.21). The access token expires by the BROWSER's clock
 * (`page.clock`, private to this page), so these tests run with the rest.
 */

const ROTATING_CLIENT_ID = 'localdemorotatingclient001';

/** What amazon-cognito-identity-js keeps in localStorage for the signed-in user. */
function storedRefreshToken(page: Page, username: string): Promise<string | null> {
  return page.evaluate(
    (key) => window.localStorage.getItem(key),
    `CognitoIdentityServiceProvider.${ROTATING_CLIENT_ID}.${username}.refreshToken`,
  );
}

/** The Cognito operations (X-Amz-Target) this page sends from now on. */
function recordOperations(page: Page): string[] {
  const operations: string[] = [];
  page.on('request', (request) => {
    const target = request.headers()['x-amz-target'];
    if (target) operations.push(target.split('.').pop() ?? '');
  });
  return operations;
}

test.describe('a client with refresh-token rotation', () => {
  test('the user stays signed in when the access token expires, and the refresh token is rotated each time', async ({
    page,
    makeUser,
  }) => {
    const user = await makeUser();
    await page.clock.install();
    await page.goto(`${ROTATION_APP_URL}/sign-in`);
    await expect(heading(page, headings.signIn)).toBeVisible();
    await submitSignIn(page, user.username, user.password);
    await expect(heading(page, headings.account)).toBeVisible();
    const firstRefreshToken = await storedRefreshToken(page, user.username);
    expect(firstRefreshToken).toBeTruthy();

    // Two hours on: the 1-hour access and ID tokens have expired on this device, the refresh token has not.
    const operations = recordOperations(page);
    await page.clock.fastForward('02:00:00');
    const renewed = page.waitForResponse((response) => response.request().headers()['x-amz-target']?.endsWith('.GetTokensFromRefreshToken') ?? false);
    await page.reload();
    expect((await renewed).status()).toBe(200);
    await expect(heading(page, headings.account)).toBeVisible();
    await expect(page.getByRole('main').getByText(user.username, { exact: true })).toBeVisible();

    const secondRefreshToken = await storedRefreshToken(page, user.username);
    expect(secondRefreshToken).toBeTruthy();
    expect(secondRefreshToken).not.toBe(firstRefreshToken);
    // Never the flow this client refuses.
    expect(operations).toContain('GetTokensFromRefreshToken');
    expect(operations).not.toContain('InitiateAuth');

    // The rotated token is the one that works next time: two more hours, and the user is still signed in.
    await page.clock.fastForward('02:00:00');
    const renewedAgain = page.waitForResponse(
      (response) => response.request().headers()['x-amz-target']?.endsWith('.GetTokensFromRefreshToken') ?? false,
    );
    await page.reload();
    expect((await renewedAgain).status()).toBe(200);
    await expect(heading(page, headings.account)).toBeVisible();
    const thirdRefreshToken = await storedRefreshToken(page, user.username);
    expect(thirdRefreshToken).not.toBe(secondRefreshToken);
  });

  test('the pool itself refuses the flow amazon-cognito-identity-js would have used', async ({ makeUser }) => {
    // Why the app needs `refreshTokenRotation`: without it the refresh above is InitiateAuth REFRESH_TOKEN_AUTH.
    const user = await makeUser();
    const call = (operation: string, body: unknown) =>
      fetch(`${EMULATOR_URL}/`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}` },
        body: JSON.stringify(body),
      }).then(async (response) => (await response.json()) as Record<string, unknown>);
    const signedIn = await call('InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: ROTATING_CLIENT_ID,
      AuthParameters: { USERNAME: user.username, PASSWORD: user.password },
    });
    const refreshToken = (signedIn.AuthenticationResult as { RefreshToken: string }).RefreshToken;
    expect(
      await call('InitiateAuth', { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: ROTATING_CLIENT_ID, AuthParameters: { REFRESH_TOKEN: refreshToken } }),
    ).toEqual({ __type: 'InvalidParameterException', message: 'REFRESH_TOKEN_AUTH flow not enabled for this client' });
  });
});
