import { fillNewPassword, formAlert, heading, headings, notice, openSignIn, passwordField, signIn, submitSignIn } from './app';
import { AdminResetUserPasswordCommand } from '@aws-sdk/client-cognito-identity-provider';
import { POOL_ID, expect, test, uniquePassword } from './fixtures';

test.describe('a password reset by the administrator', () => {
  test('signing in leads to the reset screen; the code from the message sets a new password that signs in', async ({
    page,
    makeUser,
    outbox,
  }) => {
    const user = await makeUser({ setup: 'resetByAdmin' });
    const code = await outbox.latestCode(user.username, 'AdminResetUserPassword');

    // The old password is still proven first; Cognito then answers PasswordResetRequiredException.
    await openSignIn(page);
    await submitSignIn(page, user.username, user.password);
    await expect(heading(page, headings.resetPassword)).toBeVisible();
    await expect(page).toHaveURL(/\/reset-password$/);
    const main = page.getByRole('main');
    await expect(main.getByText(`Username: ${user.username}`, { exact: true })).toBeVisible();
    await expect(main.getByText(/^An administrator reset your password\. A code was sent to your verified email/)).toBeVisible();

    const codeField = page.getByLabel('Code', { exact: true });
    await expect(codeField).toHaveAttribute('inputmode', 'numeric');
    await expect(codeField).toHaveAttribute('autocomplete', 'one-time-code');
    await codeField.fill(code);
    const newPassword = uniquePassword();
    await fillNewPassword(page, newPassword);
    await page.getByRole('button', { name: 'Reset password', exact: true }).click();

    await expect(heading(page, headings.signIn)).toBeVisible();
    await expect(notice(page)).toHaveText('Your password has been reset. Sign in with your new password.');
    await expect(page.getByLabel('Username', { exact: true })).toHaveValue(user.username);

    // The old password is gone...
    await passwordField(page, 'Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(formAlert(page)).toHaveText('Incorrect username or password.');
    // ...and the new one signs in.
    await passwordField(page, 'Password').fill(newPassword);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(heading(page, headings.account)).toBeVisible();
  });

  test('a reset while the user is signed in ends the session; signing in again leads to the reset screen', async ({
    page,
    makeUser,
    admin,
  }) => {
    const user = await makeUser();
    await signIn(page, user);
    await page.getByRole('link', { name: 'Change password' }).click();
    await expect(heading(page, headings.changePassword)).toBeVisible();

    await admin.send(new AdminResetUserPasswordCommand({ UserPoolId: POOL_ID, Username: user.username }));

    // The tokens the app holds authorise nothing until a new password is set with the code.
    await passwordField(page, 'Current password').fill(user.password);
    await fillNewPassword(page, uniquePassword());
    await page.getByRole('button', { name: 'Change password', exact: true }).click();
    await expect(heading(page, headings.signIn)).toBeVisible();
    await expect(notice(page)).toHaveText('Your session has ended. Please sign in again.');

    await submitSignIn(page, user.username, user.password);
    await expect(heading(page, headings.resetPassword)).toBeVisible();
    await expect(page.getByRole('main').getByText(/^An administrator reset your password\./)).toBeVisible();
  });
});
