import { heading, headings, notice, signedInTokens, signIn, storedTokens } from './app';
import { expect, getUserWithAccessToken, refreshWithToken, test } from './fixtures';

test.describe('sign out', () => {
  test('signs out on this device: sign-in says so, the account needs a sign-in again, and the refresh token is revoked', async ({
    page,
    makeUser,
    admin,
  }) => {
    const user = await makeUser();
    await signIn(page, user);
    const tokens = await signedInTokens(page);
    expect(await refreshWithToken(admin, tokens.refreshToken)).toBe('accepted');

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect(heading(page, headings.signIn)).toBeVisible();
    await expect(notice(page)).toHaveText('You have signed out.');
    expect(await storedTokens(page)).toBeNull();

    await page.goto('/account');
    await expect(heading(page, headings.signIn)).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in$/);

    await expect.poll(() => refreshWithToken(admin, tokens.refreshToken)).toBe('NotAuthorizedException: Refresh Token has been revoked');
    // Revoking the refresh token revokes the access tokens issued with it.
    expect(await getUserWithAccessToken(admin, tokens.accessToken)).toBe('NotAuthorizedException: Access Token has been revoked');
  });
});
