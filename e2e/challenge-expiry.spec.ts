import { fillNewPassword, heading, headings, notice, openSignIn, passwordField, secondsLeft, submitSignIn } from './app';
import { expect, test, uniquePassword } from './fixtures';

/**
 * The challenge's lifetime by the BROWSER's clock (`page.clock`, private to this page). The server's side of it
 * (Cognito answering "session is expired") is in server-clock.spec.ts, which moves the shared emulator clock.
 */
test.describe('the time limit of the new-password challenge', () => {
  test('the warning is announced near the end, and at zero the user is back on sign-in with the username and the reason', async ({
    page,
    makeUser,
  }) => {
    const user = await makeUser({ setup: 'temporaryPassword', name: null });
    // Installed before the challenge arrives: the app starts its countdown from Date.now() at Cognito's answer.
    await page.clock.install();
    await openSignIn(page);
    await submitSignIn(page, user.username, user.password);
    await expect(heading(page, headings.newPassword)).toBeVisible();

    const announcements = page.getByRole('main').locator('[aria-live]');
    const warning = announcements.filter({ hasText: 'Your time is almost up' });
    await expect(warning).toHaveCount(0);
    expect(await secondsLeft(page)).toBeGreaterThan(60);
    await passwordField(page, 'New password').fill(uniquePassword());

    // 2:01 of the 3:00 gone: 59 s left, inside the 60-second warning.
    await page.clock.fastForward('02:01');
    await expect(warning).toHaveText(
      'Your time is almost up: save your password within 60 seconds, or you will need to sign in again with the temporary password.',
    );
    await expect(warning).toBeVisible();
    await expect(warning).toHaveAttribute('aria-live', 'assertive');
    expect(await secondsLeft(page)).toBeLessThanOrEqual(60);
    // Still usable during the warning.
    await expect(passwordField(page, 'New password')).toBeEditable();

    await page.clock.fastForward('01:00');
    await expect(heading(page, headings.signIn)).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(notice(page)).toHaveText('Your time to choose a new password ran out. Sign in again with your temporary password.');
    await expect(page.getByLabel('Username', { exact: true })).toHaveValue(user.username);
    await expect(passwordField(page, 'Password')).toHaveValue('');

    // As the notice says: the temporary password starts a new challenge with a fresh lifetime.
    await passwordField(page, 'Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(heading(page, headings.newPassword)).toBeVisible();
    expect(await secondsLeft(page)).toBeGreaterThan(170);
    await fillNewPassword(page, uniquePassword());
    await page.getByLabel('Full name', { exact: true }).fill('Grace Hopper');
    await page.getByRole('button', { name: 'Save password', exact: true }).click();
    await expect(heading(page, headings.account)).toBeVisible();
  });
});
