import { expectNoFormError, fillNewPassword, formAlert, heading, headings, notice, openSignIn, passwordField, signIn, submitSignIn } from './app';
import { expect, test, uniquePassword } from './fixtures';

test.describe('change password', () => {
  test('a wrong current password is reported on that field and cleared; the new passwords stay', async ({ page, makeUser }) => {
    const user = await makeUser();
    await signIn(page, user);
    await page.getByRole('link', { name: 'Change password' }).click();
    await expect(heading(page, headings.changePassword)).toBeVisible();

    await passwordField(page, 'Current password').fill(`${user.password}x`);
    const chosen = uniquePassword();
    await fillNewPassword(page, chosen);
    await page.getByRole('button', { name: 'Change password', exact: true }).click();

    const current = passwordField(page, 'Current password');
    await expect(current).toHaveAccessibleDescription('Your current password is not correct.');
    await expect(current).toHaveAttribute('aria-invalid', 'true');
    await expect(current).toBeFocused();
    await expect(current).toHaveValue('');
    await expect(passwordField(page, 'New password')).toHaveValue(chosen);
    await expect(passwordField(page, 'Confirm new password')).toHaveValue(chosen);
    await expectNoFormError(page);
    await expect(heading(page, headings.changePassword)).toBeVisible();
  });

  test('success returns to the account with a notice, and the new password is the one that signs in', async ({ page, makeUser }) => {
    const user = await makeUser();
    await signIn(page, user);
    await page.getByRole('link', { name: 'Change password' }).click();
    await expect(heading(page, headings.changePassword)).toBeVisible();

    const newPassword = uniquePassword();
    await passwordField(page, 'Current password').fill(user.password);
    await fillNewPassword(page, newPassword);
    await page.getByRole('button', { name: 'Change password', exact: true }).click();

    await expect(heading(page, headings.account)).toBeVisible();
    await expect(notice(page)).toHaveText('Your password has been changed.');

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect(heading(page, headings.signIn)).toBeVisible();
    await submitSignIn(page, user.username, user.password);
    await expect(formAlert(page)).toHaveText('Incorrect username or password.');
    await openSignIn(page);
    await submitSignIn(page, user.username, newPassword);
    await expect(heading(page, headings.account)).toBeVisible();
  });
});
