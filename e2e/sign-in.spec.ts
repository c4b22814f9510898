import { expectNoFormError, formAlert, heading, headings, openSignIn, passwordField, signIn, submitSignIn } from './app';
import { expect, test } from './fixtures';

test.describe('sign in', () => {
  test('a confirmed user signs in with SRP, sees the account, and stays signed in across a reload', async ({ page, makeUser }) => {
    const user = await makeUser();
    await signIn(page, user);
    const main = page.getByRole('main');
    await expect(main.getByText(user.username, { exact: true })).toBeVisible();
    await expect(main.getByText(user.email, { exact: true })).toBeVisible();

    await page.reload();
    await expect(heading(page, headings.account)).toBeVisible();
    await expect(main.getByText(user.username, { exact: true })).toBeVisible();
  });

  test('a wrong password is refused on the form; the password is cleared, the username kept', async ({ page, makeUser }) => {
    const user = await makeUser();
    await openSignIn(page);
    await submitSignIn(page, user.username, `${user.password}x`);
    await expect(formAlert(page)).toHaveText('Incorrect username or password.');
    await expect(passwordField(page, 'Password')).toHaveValue('');
    await expect(passwordField(page, 'Password')).toBeFocused();
    await expect(page.getByLabel('Username', { exact: true })).toHaveValue(user.username);
    await expect(heading(page, headings.signIn)).toBeVisible();

    // The right password still works afterwards.
    await passwordField(page, 'Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(heading(page, headings.account)).toBeVisible();
  });

  test('an unknown username gets exactly the message a wrong password gets', async ({ page, makeUser }) => {
    // Security: with user-existence protection the pool answers both alike, and the app must not add a difference.
    const user = await makeUser();
    await openSignIn(page);
    await submitSignIn(page, user.username, `${user.password}x`);
    await expect(formAlert(page)).toHaveText('Incorrect username or password.');
    const wrongPasswordText = await formAlert(page).textContent();

    // A fresh screen, so the message below can only be the answer to the unknown username.
    await openSignIn(page);
    await expectNoFormError(page);
    await submitSignIn(page, `${user.username}.nobody`, user.password);
    await expect(formAlert(page)).toHaveText(wrongPasswordText ?? '');
    await expect(passwordField(page, 'Password')).toHaveValue('');
    await expect(heading(page, headings.signIn)).toBeVisible();
  });

  test('a disabled user is told the account is disabled', async ({ page, makeUser }) => {
    const user = await makeUser({ setup: 'disabled' });
    await openSignIn(page);
    await submitSignIn(page, user.username, user.password);
    await expect(formAlert(page)).toHaveText('This account is disabled. Contact your administrator.');
    await expect(heading(page, headings.signIn)).toBeVisible();
  });

  test('a show/hide toggle reveals the password and hides it again', async ({ page }) => {
    await openSignIn(page);
    const password = passwordField(page, 'Password');
    await password.fill('Visible-1!');
    // The toggle says what it does next: Show, then Hide (its name with it).
    const show = page.getByRole('button', { name: 'Show Password', exact: true });
    await expect(show).toHaveText('Show');
    await expect(password).toHaveAttribute('type', 'password');
    await show.click();
    const hide = page.getByRole('button', { name: 'Hide Password', exact: true });
    await expect(hide).toHaveText('Hide');
    await expect(password).toHaveAttribute('type', 'text');
    await hide.click();
    await expect(password).toHaveAttribute('type', 'password');
    await expect(show).toBeVisible();
  });
});
