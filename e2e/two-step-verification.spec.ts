import { fillNewPassword, heading, headings, notice, openSignIn, passwordField, signIn, submitSignIn } from './app';
import { authenticatorCode, expect, test, uniquePassword } from './fixtures';

const twoStepHeading = 'Two-step verification';

test.describe('two-step verification from the account page', () => {
  test('set up an authenticator app, sign in with its code, then turn it off', async ({ page, makeUser }) => {
    const user = await makeUser();
    await signIn(page, user);
    const section = page.getByRole('region', { name: twoStepHeading });
    await expect(section).toContainText('Off: signing in asks only for your password.');
    await section.getByRole('link', { name: 'Manage two-step verification' }).click();

    await expect(heading(page, twoStepHeading)).toBeVisible();
    await page.getByRole('link', { name: 'Set up an authenticator app' }).click();
    await expect(heading(page, 'Set up an authenticator app')).toBeVisible();
    await expect(page.getByRole('img', { name: /QR code that adds your Account account/ })).toBeVisible();
    // What a person would type into the app: the key as shown, in blocks of four.
    const shownKey = (await page.getByRole('main').locator('code').textContent()) ?? '';
    expect(shownKey).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
    const secret = shownKey.replace(/\s+/g, '');

    await page.getByLabel('Code from the app', { exact: true }).fill(await authenticatorCode(secret));
    await page.getByLabel('Device name (optional)', { exact: true }).fill('E2E phone');
    await page.getByRole('button', { name: 'Turn on', exact: true }).click();

    await expect(heading(page, twoStepHeading)).toBeVisible();
    const authenticator = page.getByRole('checkbox', { name: 'Authenticator app' });
    await expect(authenticator).toBeChecked();
    await expect(notice(page)).toHaveText('Your authenticator app is set up. Signing in now asks for a code from it.');
    await expect(authenticator).toHaveAccessibleDescription(/^Preferred/);

    await page.getByRole('link', { name: 'Back to your account' }).click();
    await expect(section).toContainText('On: signing in asks for a code from your authenticator app.');
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect(heading(page, headings.signIn)).toBeVisible();

    await submitSignIn(page, user.username, user.password);
    await expect(heading(page, 'Enter your verification code')).toBeVisible();
    // The set-up used the current period's code, and a code is accepted once: the app's next one.
    await page.getByLabel('Verification code', { exact: true }).fill(await authenticatorCode(secret, 1));
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await expect(heading(page, headings.account)).toBeVisible();

    await section.getByRole('link', { name: 'Manage two-step verification' }).click();
    await expect(heading(page, twoStepHeading)).toBeVisible();
    await authenticator.uncheck();
    await expect(notice(page)).toHaveText('The authenticator app is off.');
    await expect(authenticator).not.toBeChecked();

    await page.getByRole('link', { name: 'Back to your account' }).click();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect(heading(page, headings.signIn)).toBeVisible();
    await submitSignIn(page, user.username, user.password);
    await expect(heading(page, headings.account)).toBeVisible();
  });

  test('verify an email address from the account page, then reset the password with it', async ({ page, makeUser, outbox }) => {
    const user = await makeUser({ emailVerified: false });
    await signIn(page, user);
    const warning = page.getByText(`Your email address ${user.email} is not verified`);
    await expect(warning).toContainText('you cannot use it to reset a forgotten password');
    await page.getByRole('link', { name: 'Verify email address' }).click();

    await expect(heading(page, 'Verify your email address')).toBeVisible();
    await page.getByRole('button', { name: 'Send code', exact: true }).click();
    // Where the code went, masked as Cognito gives it: never the full address.
    await expect(notice(page)).toHaveText(/^We sent a code by email to \S*\*\S*\. It can take a minute to arrive/);
    const code = await outbox.latestCode(user.username, 'GetUserAttributeVerificationCode');
    const codeField = page.getByLabel('Code', { exact: true });
    await expect(codeField).toBeFocused();
    await codeField.fill(code);
    await page.getByRole('button', { name: 'Verify', exact: true }).click();

    await expect(heading(page, headings.account)).toBeVisible();
    await expect(notice(page)).toHaveText('Your email address is verified. You can now reset your password with it.');
    await expect(warning).toHaveCount(0);

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await openSignIn(page);
    await page.getByLabel('Username', { exact: true }).fill(user.username);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await expect(heading(page, headings.forgotPassword)).toBeVisible();
    await page.getByRole('button', { name: 'Send code', exact: true }).click();
    await expect(heading(page, headings.resetPassword)).toBeVisible();

    const newPassword = uniquePassword();
    await page.getByLabel('Code', { exact: true }).fill(await outbox.latestCode(user.username, 'ForgotPassword'));
    await fillNewPassword(page, newPassword);
    await page.getByRole('button', { name: 'Reset password', exact: true }).click();
    await expect(heading(page, headings.signIn)).toBeVisible();
    await passwordField(page, 'Password').fill(newPassword);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(heading(page, headings.account)).toBeVisible();
  });
});
