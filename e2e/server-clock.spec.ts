import type { Page } from '@playwright/test';
import { fillNewPassword, formAlert, heading, headings, notice, openSignIn, passwordField, secondsLeft, submitSignIn } from './app';
import { MFA_APP_URL, authenticatorCode, enableCodeMfa, expect, test, uniquePassword } from './fixtures';
import { MFA_CODE_KIND, mfaHeadings, mfaNotices, readShownKey, uniquePhoneNumber, verificationCodeField } from './mfa-helpers';

/**
 * Tests that move the EMULATOR's clock. That clock is one per emulator process, shared by every test, so this
 * file runs in its own Playwright project (`server-clock`) that starts only after the `chromium` project has
 * finished: nothing else is in flight when time jumps. Serial, so its own tests never overlap either.
 * The clock only moves forward, so the tests run in order of growing jumps: minutes first, then days.
 */
test.describe.configure({ mode: 'serial' });

/** Waits for the pool's answer to the next call of `operation` (by its X-Amz-Target). */
function nextAnswer(page: Page, operation: string) {
  return page.waitForResponse((response) => (response.request().headers()['x-amz-target'] ?? '').endsWith(`.${operation}`));
}

test.describe('the challenge session expiring on the server', () => {
  test('when Cognito itself answers "session is expired", the user is back on sign-in with the username and the reason', async ({
    page,
    makeUser,
    emulatorClock,
  }) => {
    const user = await makeUser({ setup: 'temporaryPassword', name: null });
    await openSignIn(page);
    await submitSignIn(page, user.username, user.password);
    await expect(heading(page, headings.newPassword)).toBeVisible();

    // The pool's session (AuthSessionValidity 3 minutes) runs out; the browser's clock does not move.
    await emulatorClock.advance(3 * 60 + 1);
    await fillNewPassword(page, uniquePassword());
    await page.getByLabel('Full name', { exact: true }).fill('Katherine Johnson');
    expect(await secondsLeft(page), 'by the browser clock there is plenty of time left').toBeGreaterThan(120);

    const answer = page.waitForResponse((response) =>
      (response.request().headers()['x-amz-target'] ?? '').endsWith('.RespondToAuthChallenge'),
    );
    await page.getByRole('button', { name: 'Save password', exact: true }).click();
    const response = await answer;
    expect(response.status()).toBe(400);
    expect(await response.json()).toEqual({
      __type: 'NotAuthorizedException',
      message: 'Invalid session for the user, session is expired.',
    });

    await expect(heading(page, headings.signIn)).toBeVisible();
    await expect(notice(page)).toHaveText('Your time to choose a new password ran out. Sign in again with your temporary password.');
    await expect(page.getByLabel('Username', { exact: true })).toHaveValue(user.username);
    await expect(passwordField(page, 'Password')).toHaveValue('');

    // The temporary password is still good for a new challenge.
    await passwordField(page, 'Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(heading(page, headings.newPassword)).toBeVisible();
  });

  test('a sign-in code answered after the pool’s session expired: "session is expired", then sign-in with the username and the reason', async ({
    page,
    makeUser,
    admin,
    outbox,
    emulatorClock,
  }) => {
    const user = await makeUser({ phoneNumber: uniquePhoneNumber() });
    await enableCodeMfa(admin, user, { sms: true, preferred: 'sms' });
    await openSignIn(page);
    await submitSignIn(page, user.username, user.password);
    await expect(heading(page, mfaHeadings.code)).toBeVisible();
    const first = await outbox.latest(user.username, MFA_CODE_KIND);

    await emulatorClock.advance(3 * 60 + 1);
    expect(await secondsLeft(page), 'by the browser clock there is plenty of time left').toBeGreaterThan(120);
    // The right code, but its session is over on the server.
    await verificationCodeField(page).fill(first.code ?? '');
    const answer = nextAnswer(page, 'RespondToAuthChallenge');
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    const response = await answer;
    expect(response.status()).toBe(400);
    expect(await response.json()).toEqual({
      __type: 'NotAuthorizedException',
      message: 'Invalid session for the user, session is expired.',
    });

    await expect(heading(page, headings.signIn)).toBeVisible();
    await expect(notice(page)).toHaveText(mfaNotices.expired);
    await expect(page.getByLabel('Username', { exact: true })).toHaveValue(user.username);
    await expect(passwordField(page, 'Password')).toHaveValue('');

    // Signing in again sends a new code, which works.
    await passwordField(page, 'Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(heading(page, mfaHeadings.code)).toBeVisible();
    const second = await outbox.latest(user.username, MFA_CODE_KIND, { newerThan: first });
    await verificationCodeField(page).fill(second.code ?? '');
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await expect(heading(page, headings.account)).toBeVisible();
  });

  test('an authenticator set-up after a new password, answered after the pool’s session expired: sign-in says to use the new password', async ({
    page,
    makeUser,
    emulatorClock,
  }) => {
    const user = await makeUser({ pool: 'mfaRequired', setup: 'temporaryPassword', name: null });
    await page.goto(`${MFA_APP_URL}/sign-in`);
    await submitSignIn(page, user.username, user.password);
    await expect(heading(page, headings.newPassword)).toBeVisible();
    const chosen = uniquePassword();
    await fillNewPassword(page, chosen);
    await page.getByLabel('Full name', { exact: true }).fill('Dorothy Vaughan');
    await page.getByRole('button', { name: 'Save password', exact: true }).click();
    await expect(heading(page, mfaHeadings.setUpAuthenticator)).toBeVisible();
    const secret = await readShownKey(page);

    await emulatorClock.advance(3 * 60 + 1);
    await verificationCodeField(page).fill(await authenticatorCode(secret));
    const answer = nextAnswer(page, 'VerifySoftwareToken');
    await page.getByRole('button', { name: 'Verify and sign in', exact: true }).click();
    const response = await answer;
    expect(response.status()).toBe(400);
    expect(await response.json()).toEqual({
      __type: 'NotAuthorizedException',
      message: 'Invalid session for the user, session is expired.',
    });

    await expect(heading(page, headings.signIn)).toBeVisible();
    await expect(notice(page)).toHaveText(mfaNotices.expiredAfterNewPassword);
    await expect(page.getByLabel('Username', { exact: true })).toHaveValue(user.username);
    await passwordField(page, 'Password').fill(chosen);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(heading(page, mfaHeadings.setUpAuthenticator)).toBeVisible();
  });

  test('a temporary password past its validity (7 days) is refused with "ask your administrator for a new one"', async ({
    page,
    makeUser,
    emulatorClock,
  }) => {
    const user = await makeUser({ setup: 'temporaryPassword' });
    await emulatorClock.advance(7 * 24 * 60 * 60 + 1);
    await openSignIn(page);
    await submitSignIn(page, user.username, user.password);
    await expect(formAlert(page)).toHaveText('Your temporary password has expired. Ask your administrator for a new one.');
    await expect(heading(page, headings.signIn)).toBeVisible();
  });
});
