import { fillNewPassword, formAlert, heading, headings, notice, openSignIn, passwordField, secondsLeft, submitSignIn } from './app';
import { MFA_APP_URL, enableCodeMfa, expect, test, uniquePassword } from './fixtures';
import { MFA_CODE_KIND, mfaHeadings, mfaNotices, readShownKey, uniquePhoneNumber, verificationCodeField } from './mfa-helpers';

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
      'Your time is almost up. Save your password before the time runs out, or you will need to sign in again with your temporary password.',
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

test.describe('the time limit of the second step', () => {
  test('a text-message code: the warning near the end, then sign-in with the username and "sign in again to get a new one"', async ({
    page,
    makeUser,
    admin,
    outbox,
  }) => {
    const user = await makeUser({ phoneNumber: uniquePhoneNumber() });
    await enableCodeMfa(admin, user, { sms: true, preferred: 'sms' });
    await page.clock.install();
    await openSignIn(page);
    await submitSignIn(page, user.username, user.password);
    await expect(heading(page, mfaHeadings.code)).toBeVisible();
    const first = await outbox.latest(user.username, MFA_CODE_KIND);

    const warning = page.getByRole('main').locator('[aria-live]').filter({ hasText: 'Your time is almost up' });
    await expect(warning).toHaveCount(0);
    expect(await secondsLeft(page)).toBeGreaterThan(60);
    await verificationCodeField(page).fill('12');

    await page.clock.fastForward('02:01');
    await expect(warning).toHaveText('Your time is almost up. Enter the code before the time runs out, or you will need to sign in again.');
    await expect(warning).toHaveAttribute('aria-live', 'assertive');
    expect(await secondsLeft(page)).toBeLessThanOrEqual(60);
    await expect(verificationCodeField(page)).toBeEditable();

    await page.clock.fastForward('01:00');
    await expect(heading(page, headings.signIn)).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(notice(page)).toHaveText(mfaNotices.expired);
    await expect(page.getByLabel('Username', { exact: true })).toHaveValue(user.username);
    await expect(passwordField(page, 'Password')).toHaveValue('');

    // As the notice says: signing in again sends a new code, with a fresh time limit, and that code signs in.
    await passwordField(page, 'Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(heading(page, mfaHeadings.code)).toBeVisible();
    expect(await secondsLeft(page)).toBeGreaterThan(170);
    const second = await outbox.latest(user.username, MFA_CODE_KIND, { newerThan: first });
    await verificationCodeField(page).fill(second.code ?? '');
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await expect(heading(page, headings.account)).toBeVisible();
  });

  test('the authenticator set-up right after a new password: at zero, sign-in says to use the NEW password, which works', async ({
    page,
    makeUser,
  }) => {
    const user = await makeUser({ pool: 'mfaRequired', setup: 'temporaryPassword', name: null });
    await page.clock.install();
    await page.goto(`${MFA_APP_URL}/sign-in`);
    await expect(heading(page, headings.signIn)).toBeVisible();
    await submitSignIn(page, user.username, user.password);
    await expect(heading(page, headings.newPassword)).toBeVisible();
    const chosen = uniquePassword();
    await fillNewPassword(page, chosen);
    await page.getByLabel('Full name', { exact: true }).fill('Grace Hopper');
    await page.getByRole('button', { name: 'Save password', exact: true }).click();
    await expect(heading(page, mfaHeadings.setUpAuthenticator)).toBeVisible();
    await readShownKey(page);

    await page.clock.fastForward('02:01');
    const warning = page.getByRole('main').locator('[aria-live]').filter({ hasText: 'Your time is almost up' });
    await expect(warning).toHaveText(
      'Your time is almost up. Finish the set-up before the time runs out, or you will need to sign in again and start over.',
    );
    expect(await secondsLeft(page)).toBeLessThanOrEqual(60);

    await page.clock.fastForward('01:00');
    await expect(heading(page, headings.signIn)).toBeVisible();
    await expect(notice(page)).toHaveText(mfaNotices.expiredAfterNewPassword);
    await expect(page.getByLabel('Username', { exact: true })).toHaveValue(user.username);

    // The notice is right: the temporary password is spent, the new one leads back to the set-up, with a fresh time.
    await passwordField(page, 'Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(formAlert(page)).toHaveText('Incorrect username or password.');
    await expect(heading(page, headings.signIn)).toBeVisible();
    await passwordField(page, 'Password').fill(chosen);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(heading(page, mfaHeadings.setUpAuthenticator)).toBeVisible();
    expect(await secondsLeft(page)).toBeGreaterThan(170);
    await expect(verificationCodeField(page)).toBeEditable();
  });
});
