import { heading, headings, submitSignIn } from './app';
import { expect, test } from './fixtures';

test.describe('guards', () => {
  test('the account sends a signed-out user to sign in, and signing in leads back to it', async ({ page, makeUser }) => {
    const user = await makeUser();
    await page.goto('/account');
    await expect(heading(page, headings.signIn)).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in$/);
    await submitSignIn(page, user.username, user.password);
    await expect(heading(page, headings.account)).toBeVisible();
    await expect(page).toHaveURL(/\/account$/);

    // Signed in, the sign-in screen itself leads on to the account.
    await page.goto('/sign-in');
    await expect(heading(page, headings.account)).toBeVisible();
  });

  test('a deeper signed-in-only screen is where sign-in returns to', async ({ page, makeUser }) => {
    const user = await makeUser();
    await page.goto('/account/change-password');
    await expect(heading(page, headings.signIn)).toBeVisible();
    await submitSignIn(page, user.username, user.password);
    await expect(heading(page, headings.changePassword)).toBeVisible();
    await expect(page).toHaveURL(/\/account\/change-password$/);
  });

  test('the new-password screen without a challenge goes to sign-in', async ({ page }) => {
    await page.goto('/new-password');
    await expect(heading(page, headings.signIn)).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  test('the reset-password screen without a reset goes to forgot-password', async ({ page }) => {
    await page.goto('/reset-password');
    await expect(heading(page, headings.forgotPassword)).toBeVisible();
    await expect(page).toHaveURL(/\/forgot-password$/);
  });
});
