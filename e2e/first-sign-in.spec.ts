import type { Page } from '@playwright/test';
import { fillNewPassword, heading, headings, openSignIn, passwordField, submitSignIn, timeLeft } from './app';
import { adminGetUser, expect, test, uniquePassword } from './fixtures';

function policyItem(page: Page, rule: string) {
  return page.getByRole('list', { name: 'Your password must have:' }).getByRole('listitem').filter({ hasText: rule });
}

test.describe('first sign-in with a temporary password', () => {
  test('the challenge asks for a new password and the missing required name, then signs the user in', async ({
    page,
    makeUser,
    admin,
  }) => {
    const user = await makeUser({ setup: 'temporaryPassword', name: null });
    await openSignIn(page);
    await submitSignIn(page, user.username, user.password);

    await expect(heading(page, headings.newPassword)).toBeVisible();
    await expect(page).toHaveURL(/\/new-password$/);
    // The time left shows from the moment the challenge arrives: a 3-minute session.
    await expect(timeLeft(page)).toHaveText(/^[23]:\d\d$/);
    // The policy is listed before anything is typed, nothing ticked yet.
    await expect(policyItem(page, 'At least 8 characters')).toHaveText(/not yet$/);

    const newPassword = uniquePassword();
    await fillNewPassword(page, newPassword);
    await page.getByLabel('Full name', { exact: true }).fill('Ada Lovelace');
    await expect(policyItem(page, 'At least 8 characters')).toHaveText(/, done$/);
    await page.getByRole('button', { name: 'Save password', exact: true }).click();

    await expect(heading(page, headings.account)).toBeVisible();
    await expect(page.getByRole('main').getByText(user.username, { exact: true })).toBeVisible();
    // The pool has the new password's user confirmed, with the name the user typed.
    const stored = await adminGetUser(admin, user.username);
    expect(stored.status).toBe('CONFIRMED');
    expect(stored.attributes.name).toBe('Ada Lovelace');
    // Nothing about the finished challenge is left behind in the tab.
    expect(await page.evaluate(() => Object.keys(sessionStorage).filter((key) => key.includes('Challenge')))).toEqual([]);
  });

  test('a password that breaks the policy is refused on the field before anything is sent', async ({ page, makeUser }) => {
    // This user got the temporary password from AdminSetUserPassword --no-permanent, and already has a name.
    const user = await makeUser({ setup: 'temporaryPasswordFromSetPassword' });
    const challengeAnswers: string[] = [];
    page.on('request', (request) => {
      if (request.headers()['x-amz-target']?.endsWith('.RespondToAuthChallenge')) challengeAnswers.push(request.url());
    });
    await openSignIn(page);
    await submitSignIn(page, user.username, user.password);
    await expect(heading(page, headings.newPassword)).toBeVisible();
    // SRP itself answers a challenge (PASSWORD_VERIFIER); count only what the new-password form sends.
    const answersBeforeForm = challengeAnswers.length;
    await expect(page.getByLabel('Full name', { exact: true })).toHaveCount(0);

    await fillNewPassword(page, 'password');
    await expect(policyItem(page, 'A lowercase letter')).toHaveText(/, done$/);
    await expect(policyItem(page, 'An uppercase letter')).toHaveText(/not yet$/);
    await page.getByRole('button', { name: 'Save password', exact: true }).click();

    const newPasswordField = passwordField(page, 'New password');
    await expect(newPasswordField).toHaveAttribute('aria-invalid', 'true');
    await expect(newPasswordField).toHaveAccessibleDescription(/The password needs an uppercase letter\./);
    await expect(newPasswordField).toBeFocused();
    expect(challengeAnswers).toHaveLength(answersBeforeForm);

    // A confirmation that differs is caught on its own field.
    const newPassword = uniquePassword();
    await fillNewPassword(page, newPassword, `${newPassword}?`);
    await page.getByRole('button', { name: 'Save password', exact: true }).click();
    await expect(passwordField(page, 'Confirm new password')).toHaveAccessibleDescription('The two passwords are not the same.');

    await fillNewPassword(page, newPassword);
    await page.getByRole('button', { name: 'Save password', exact: true }).click();
    await expect(heading(page, headings.account)).toBeVisible();
  });
});
