import type { Page } from '@playwright/test';
import { chooseLanguage } from './a11y-helpers';
import { fillNewPassword, heading, headings, notice, openSignIn, passwordField, signIn, submitSignIn } from './app';
import { expect, test, uniquePassword } from './fixtures';
import { otherCode } from './mfa-helpers';

/**
 * What people hit when they first try the app (issue 10), in the real browser: what they typed survives a
 * wrong code or a wrong current password, the countdown stays in view on a phone and nothing jumps when it
 * warns, a first password is confirmed, the resend link, the code field, the product name and the Japanese
 * line breaks.
 */

/** Forgot password for `username`, up to the reset screen; returns the code the pool sent. */
async function requestResetCode(page: Page, username: string, outbox: { latestCode(username: string, kind: string): Promise<string> }) {
  await page.goto('/forgot-password');
  await page.getByLabel('Username', { exact: true }).fill(username);
  await page.getByRole('button', { name: 'Send code', exact: true }).click();
  await expect(heading(page, headings.resetPassword)).toBeVisible();
  return outbox.latestCode(username, 'ForgotPassword');
}

/** Serves the e2e config with `changes` (a key set to undefined is left out). */
async function serveConfigWith(page: Page, changes: Record<string, unknown>): Promise<void> {
  await page.route('**/config.json', async (route) => {
    const response = await route.fetch();
    const config = { ...((await response.json()) as Record<string, unknown>), ...changes };
    await route.fulfill({ response, json: JSON.parse(JSON.stringify(config)) as Record<string, unknown> });
  });
}

test.describe('what the user typed stays', () => {
  test('a wrong reset code keeps both new passwords; corrected in place, the same passwords reset it', async ({ page, makeUser, outbox }) => {
    const user = await makeUser();
    const code = await requestResetCode(page, user.username, outbox);
    const chosen = uniquePassword();
    const codeField = page.getByLabel('Code', { exact: true });
    await codeField.fill(otherCode(code));
    await fillNewPassword(page, chosen);
    await page.getByRole('button', { name: 'Reset password', exact: true }).click();

    await expect(codeField).toHaveAttribute('aria-invalid', 'true');
    await expect(codeField).toBeFocused();
    await expect(passwordField(page, 'New password')).toHaveValue(chosen);
    await expect(passwordField(page, 'Confirm new password')).toHaveValue(chosen);

    await codeField.fill(code);
    await page.getByRole('button', { name: 'Reset password', exact: true }).click();
    await expect(heading(page, headings.signIn)).toBeVisible();
    await submitSignIn(page, user.username, chosen);
    await expect(heading(page, headings.account)).toBeVisible();
  });

  test('a wrong current password clears only itself: the new passwords stay', async ({ page, makeUser }) => {
    const user = await makeUser();
    await signIn(page, user);
    await page.getByRole('link', { name: 'Change password' }).click();
    const chosen = uniquePassword();
    await passwordField(page, 'Current password').fill('Not-The-Passw0rd!');
    await fillNewPassword(page, chosen);
    await page.getByRole('button', { name: 'Change password', exact: true }).click();

    await expect(passwordField(page, 'Current password')).toHaveAccessibleDescription('Your current password is not correct.');
    await expect(passwordField(page, 'Current password')).toHaveValue('');
    await expect(passwordField(page, 'New password')).toHaveValue(chosen);
    await expect(passwordField(page, 'Confirm new password')).toHaveValue(chosen);

    await passwordField(page, 'Current password').fill(user.password);
    await page.getByRole('button', { name: 'Change password', exact: true }).click();
    await expect(notice(page)).toHaveText('Your password has been changed.');
  });
});

test.describe('the countdown on a phone', () => {
  test.use({ viewport: { width: 320, height: 568 } });

  test('the time left stays in view down to the button, and the warning moves nothing', async ({ page, makeUser }) => {
    const user = await makeUser({ setup: 'temporaryPassword', name: null });
    await page.clock.install();
    await openSignIn(page);
    await submitSignIn(page, user.username, user.password);
    await expect(heading(page, headings.newPassword)).toBeVisible();

    const clock = page.getByRole('main').locator('.challenge-clock');
    const limit = page.getByRole('main').locator('.challenge-limit');
    // Said from the start, and in words without a number that the clock would contradict a second later.
    await expect(limit).toHaveText(/^Save your password before the time runs out/);
    await expect(limit).not.toHaveText(/\d/);

    const chosen = uniquePassword();
    await fillNewPassword(page, chosen);
    const name = page.getByLabel('Full name', { exact: true });
    await name.fill('Ada Lov');
    const save = page.getByRole('button', { name: 'Save password', exact: true });
    await save.scrollIntoViewIfNeeded();
    await expect(save).toBeInViewport();
    // Scrolled down to the button, the clock is still on screen, above the field being typed in.
    await expect(clock).toBeInViewport();
    const clockBox = await clock.boundingBox();
    const nameBefore = await name.boundingBox();
    expect((clockBox?.y ?? 0) + (clockBox?.height ?? 0)).toBeLessThanOrEqual(nameBefore?.y ?? 0);

    // 2:01 of the 3:00 gone: the warning starts while the user is still typing.
    await page.clock.fastForward('02:01');
    await expect(clock).toContainText('Almost out of time:');
    await expect(page.getByRole('main').locator('[aria-live="assertive"]')).toHaveText(
      'Your time is almost up. Save your password before the time runs out, or you will need to sign in again with your temporary password.',
    );
    expect(await name.boundingBox()).toEqual(nameBefore);
    await expect(clock).toBeInViewport();
    await name.pressSequentially('elace');
    await expect(name).toHaveValue('Ada Lovelace');
    // And no sideways scrolling on the narrow screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });
});

test.describe('first sign-in', () => {
  test('empty fields are named in their messages; once the password is set, the account says so', async ({ page, makeUser }) => {
    const user = await makeUser({ setup: 'temporaryPassword', name: null });
    await openSignIn(page);
    await submitSignIn(page, user.username, user.password);
    await expect(heading(page, headings.newPassword)).toBeVisible();

    await page.getByRole('button', { name: 'Save password', exact: true }).click();
    await expect(page.getByLabel('Full name', { exact: true })).toHaveAccessibleDescription('Enter your full name.');

    await fillNewPassword(page, uniquePassword());
    await page.getByLabel('Full name', { exact: true }).fill('Ada Lovelace');
    await page.getByRole('button', { name: 'Save password', exact: true }).click();
    await expect(heading(page, headings.account)).toBeVisible();
    await expect(notice(page)).toHaveText('Your password is set.');
  });
});

test.describe('a new code', () => {
  test('"Didn’t get it? Send a new code (0:45)": a link that waits, then one line says where the new code went', async ({
    page,
    makeUser,
    outbox,
  }) => {
    const user = await makeUser();
    await page.clock.install();
    await requestResetCode(page, user.username, outbox);
    const resend = page.getByRole('button', { name: 'Send a new code', exact: true });
    await expect(page.getByRole('main').getByText('Didn’t get it?')).toBeVisible();
    await expect(resend).toHaveText(/^Send a new code\s*\(\d:\d\d\)$/);
    await expect(resend).toHaveAttribute('aria-disabled', 'true');
    await page.clock.fastForward('00:15');
    await expect(resend).toHaveText(/^Send a new code\s*\(0:4\d\)$/);
    await page.clock.fastForward('00:45');
    await expect(resend).toHaveText('Send a new code');
    // Link-style: underlined text, not a boxed button.
    await expect(resend).toHaveCSS('text-decoration-line', 'underline');
    await expect(resend).toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');

    await resend.click();
    await expect(notice(page)).toHaveText(/^We sent a new code by email to \S+\. Only the newest code works\. It can take a minute/);
    await expect(page.getByRole('main').getByText(/^We sent a code/)).toHaveCount(0);
    await expect(resend).toBeFocused();
  });
});

test.describe('the code field', () => {
  test('six digits on the number pad; a pasted "123 456" loses its spaces, not a digit', async ({ page, makeUser, outbox }) => {
    const user = await makeUser();
    await requestResetCode(page, user.username, outbox);
    const codeField = page.getByLabel('Code', { exact: true });
    await expect(codeField).toHaveAttribute('maxlength', '6');
    await expect(codeField).toHaveAttribute('pattern', '[0-9]*');
    await expect(codeField).toHaveAttribute('inputmode', 'numeric');
    await expect(codeField).toHaveAttribute('autocomplete', 'one-time-code');

    await codeField.focus();
    // A paste as the browser delivers one from the clipboard.
    await codeField.evaluate((input) => {
      const data = new DataTransfer();
      data.setData('text/plain', ' 123 456\n');
      input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expect(codeField).toHaveValue('123456');
    await codeField.fill('');
    await codeField.pressSequentially('654 321');
    await expect(codeField).toHaveValue('654321');
  });
});

test.describe('the product name and Japanese text', () => {
  test('with no productName configured, the header and the title name the product in the page’s language', async ({ page }) => {
    await serveConfigWith(page, { productName: undefined });
    await chooseLanguage(page, 'ja');
    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { level: 1, name: 'ログイン' })).toBeVisible();
    await expect(page.getByRole('banner')).toContainText('アカウント');
    await expect(page).toHaveTitle('ログイン – アカウント');
    await page.getByRole('button', { name: '简体中文' }).click();
    await expect(page).toHaveTitle('登录 – 账户');
  });

  test('a per-language productName: each language its own, the default language’s where it has none', async ({ page }) => {
    await serveConfigWith(page, { productName: { en: 'Example account', ja: 'Example アカウント' } });
    await chooseLanguage(page, 'ja');
    await page.goto('/sign-in');
    await expect(page).toHaveTitle('ログイン – Example アカウント');
    await page.getByRole('button', { name: '简体中文' }).click();
    await expect(page).toHaveTitle('登录 – Example account');
    await expect(page.getByRole('banner')).toContainText('Example account');
  });

  test('Japanese breaks lines between phrases, and headings are balanced', async ({ page }) => {
    await chooseLanguage(page, 'ja');
    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { level: 1, name: 'ログイン' })).toBeVisible();
    await expect(page.getByRole('main').locator('p').first()).toHaveCSS('word-break', 'auto-phrase');
    await expect(page.getByRole('heading', { level: 1 })).toHaveCSS('text-wrap-style', 'balance');
  });
});
