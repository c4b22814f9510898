import { fillNewPassword, formAlert, heading, headings, notice, openSignIn, passwordField, secondsLeft, submitSignIn } from './app';
import { expect, test, uniquePassword } from './fixtures';

/**
 * Tests that move the EMULATOR's clock. That clock is one per emulator process, shared by every test, so this
 * file runs in its own Playwright project (`server-clock`) that starts only after the `chromium` project has
 * finished: nothing else is in flight when time jumps. Serial, so its own tests never overlap either.
 * The clock only moves forward, so the tests run in order of growing jumps: minutes first, then days.
 */
test.describe.configure({ mode: 'serial' });

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
