import { fillNewPassword, formAlert, heading, headings, notice, openSignIn, passwordField, submitSignIn } from './app';
import { expect, test, uniquePassword } from './fixtures';

test.describe('forgot password', () => {
  test('request a code, resend it after the cooldown, confirm with the latest code, sign in with the new password', async ({
    page,
    makeUser,
    outbox,
  }) => {
    const user = await makeUser();
    // The resend cooldown (60 s) runs on the browser's clock.
    await page.clock.install();
    await openSignIn(page);
    await page.getByLabel('Username', { exact: true }).fill(user.username);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();

    await expect(heading(page, headings.forgotPassword)).toBeVisible();
    await expect(page.getByLabel('Username', { exact: true })).toHaveValue(user.username);
    await page.getByRole('button', { name: 'Send code', exact: true }).click();

    await expect(heading(page, headings.resetPassword)).toBeVisible();
    const main = page.getByRole('main');
    // Where the code went, masked as Cognito gives it: never the full address.
    const sentTo = main.getByText(/^We sent a code by email to /);
    await expect(sentTo).toHaveText(/^We sent a code by email to \S*\*\S*\. It can take a minute to arrive/);
    await expect(sentTo).not.toContainText(user.email);
    const first = await outbox.latest(user.username, 'ForgotPassword');
    expect(first.destination).toBe(user.email);

    const resend = page.getByRole('button', { name: 'Send a new code', exact: true });
    // The code just sent is on its way: the cooldown holds the button back from the start and says for how long.
    await expect(resend).toBeDisabled();
    await expect(resend).toHaveAccessibleDescription(/^You can ask for another code in \d+ seconds?\.$/);
    await page.clock.fastForward('01:00');
    await expect(resend).toBeEnabled();
    await resend.click();
    // The same one line, replaced: where the new code went, and that only it works now.
    await expect(notice(page)).toHaveText(/^We sent a new code by email to \S*\*\S*\. Only the newest code works\./);
    const second = await outbox.latest(user.username, 'ForgotPassword', { newerThan: first });
    // The cooldown holds the button back and says for how long.
    await expect(resend).toBeDisabled();
    await expect(resend).toHaveAccessibleDescription('You can ask for another code in 60 seconds.');

    await page.clock.fastForward('01:00');
    await expect(resend).toBeEnabled();
    await resend.click();
    await expect(resend).toBeDisabled();
    const latest = await outbox.latest(user.username, 'ForgotPassword', { newerThan: second });

    expect(latest.code).toMatch(/^\d{6}$/);
    const latestCode = latest.code as string;

    // Only the latest code counts: an earlier one is refused on the code field.
    const staleCode = [first.code, second.code].find((code) => code !== latestCode);
    expect(staleCode, 'an earlier code that differs from the latest').toBeDefined();
    const codeField = page.getByLabel('Code', { exact: true });
    const newPassword = uniquePassword();
    await codeField.fill(staleCode as string);
    await fillNewPassword(page, newPassword);
    await page.getByRole('button', { name: 'Reset password', exact: true }).click();
    await expect(codeField).toHaveAccessibleDescription(/^That code is not correct\. Check it and try again\./);
    await expect(codeField).toBeFocused();
    // Only the code was wrong: it is kept for correcting, and so are both new passwords.
    await expect(passwordField(page, 'New password')).toHaveValue(newPassword);
    await expect(passwordField(page, 'Confirm new password')).toHaveValue(newPassword);
    await expect(codeField).toHaveValue(staleCode as string);

    await codeField.fill(latestCode);
    await page.getByRole('button', { name: 'Reset password', exact: true }).click();

    await expect(heading(page, headings.signIn)).toBeVisible();
    await expect(notice(page)).toHaveText('Your password has been reset. Sign in with your new password.');
    await expect(page.getByLabel('Username', { exact: true })).toHaveValue(user.username);
    await passwordField(page, 'Password').fill(newPassword);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(heading(page, headings.account)).toBeVisible();
  });

  test('an account without a verified email or phone is told to ask the administrator', async ({ page, makeUser, outbox }) => {
    const user = await makeUser({ emailVerified: false });
    await page.goto('/forgot-password');
    await expect(heading(page, headings.forgotPassword)).toBeVisible();
    await page.getByLabel('Username', { exact: true }).fill(user.username);
    await page.getByRole('button', { name: 'Send code', exact: true }).click();

    await expect(formAlert(page)).toHaveText(
      'This account has no verified email address or phone number to send a code to. Ask your administrator to reset your password.',
    );
    await expect(heading(page, headings.forgotPassword)).toBeVisible();
    await expect(page.getByLabel('Username', { exact: true })).toHaveValue(user.username);
    expect((await outbox.all()).filter((message) => message.username === user.username)).toEqual([]);
  });

  test('an unknown username gets the same kind of answer as a real one, and nothing is sent', async ({ page, makeUser, outbox }) => {
    // Security: with user-existence protection on, the answer must not tell whether the account exists.
    const known = await makeUser();
    const unknownUsername = `${known.username}.nobody`;
    await page.goto('/forgot-password');
    await page.getByLabel('Username', { exact: true }).fill(unknownUsername);
    await page.getByRole('button', { name: 'Send code', exact: true }).click();

    await expect(heading(page, headings.resetPassword)).toBeVisible();
    await expect(page.getByRole('main').getByText(/^We sent a code by email to \S*\*\S*\. /)).toBeVisible();
    expect((await outbox.all()).filter((message) => message.username === unknownUsername)).toEqual([]);
  });

  test('a code link opened on its own fills the reset form, and the code leaves the address bar', async ({ page, makeUser, outbox }) => {
    const user = await makeUser();
    // Ask for a code the way another device would: through the app's own form, in a separate page.
    const requester = await page.context().newPage();
    await requester.goto('/forgot-password');
    await requester.getByLabel('Username', { exact: true }).fill(user.username);
    await requester.getByRole('button', { name: 'Send code', exact: true }).click();
    await expect(heading(requester, headings.resetPassword)).toBeVisible();
    await requester.close();
    const code = await outbox.latestCode(user.username, 'ForgotPassword');

    await page.goto(`/reset-password?username=${encodeURIComponent(user.username)}&code=${code}`);
    await expect(heading(page, headings.resetPassword)).toBeVisible();
    await expect(page.getByLabel('Code', { exact: true })).toHaveValue(code);
    await expect(page).not.toHaveURL(/code=/);

    const newPassword = uniquePassword();
    await fillNewPassword(page, newPassword);
    await page.getByRole('button', { name: 'Reset password', exact: true }).click();
    await expect(notice(page)).toHaveText('Your password has been reset. Sign in with your new password.');
    await submitSignIn(page, user.username, newPassword);
    await expect(heading(page, headings.account)).toBeVisible();
  });
});
