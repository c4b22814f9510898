import { fillNewPassword, heading, headings, notice, passwordField, signedInTokens, signIn, storedTokens } from './app';
import { expect, getUserWithAccessToken, test, uniquePassword } from './fixtures';

test.describe('sign out everywhere', () => {
  test('ends the sessions on every device: this one returns to sign-in, the other is refused at its next call', async ({
    page,
    browser,
    baseURL,
    makeUser,
    admin,
  }) => {
    const user = await makeUser();
    // Another device: a separate browser context with its own storage.
    const otherDevice = await browser.newContext({ baseURL });
    try {
      const otherPage = await otherDevice.newPage();
      await signIn(otherPage, user);
      await signIn(page, user);
      const tokens = await signedInTokens(page);

      const button = page.getByRole('button', { name: 'Sign out everywhere', exact: true });
      await expect(button).toHaveAccessibleDescription('Signs you out on every device and browser, including this one.');
      await button.click();
      await expect(heading(page, headings.signIn)).toBeVisible();
      await expect(notice(page)).toHaveText('You have been signed out on all your devices.');

      // This device: a reload does not bring the session back, and its old access token is refused by the pool.
      await page.reload();
      await expect(heading(page, headings.signIn)).toBeVisible();
      await page.goto('/account');
      await expect(heading(page, headings.signIn)).toBeVisible();
      expect(await getUserWithAccessToken(admin, tokens.accessToken)).toBe('NotAuthorizedException: Access Token has been revoked');

      // The other device still shows its account from its stored tokens, but the pool refuses them at the next call.
      await otherPage.getByRole('link', { name: 'Change password' }).click();
      await expect(heading(otherPage, headings.changePassword)).toBeVisible();
      await passwordField(otherPage, 'Current password').fill(user.password);
      await fillNewPassword(otherPage, uniquePassword());
      await otherPage.getByRole('button', { name: 'Change password', exact: true }).click();
      await expect(heading(otherPage, headings.signIn)).toBeVisible();
      await expect(notice(otherPage)).toHaveText('Your session has ended. Please sign in again.');
      expect(await storedTokens(otherPage)).toBeNull();
    } finally {
      await otherDevice.close();
    }
  });
});
