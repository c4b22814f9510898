import type { Locator, Page } from '@playwright/test';
import { headings } from './app';
import { authenticatorCode, enableCodeMfa, expect, test, uniquePassword } from './fixtures';
import { MFA_CODE_KIND, mfaHeadings, uniquePhoneNumber } from './mfa-helpers';

/**
 * The flows with the keyboard alone: Tab, Shift+Tab, Enter, Space and typing. No clicks and no `fill`;
 * `page.goto` only opens the first page, as a bookmark would. On every screen change focus is on the new screen's
 * heading and the document title names the screen.
 */

const PRODUCT_NAME = 'Account';

/**
 * The focused control and whether it shows a focus ring: an outline at least 2 px wide in a colour that is not
 * transparent. Null when focus is on no control (the page itself, or a heading focused by a route change).
 */
async function focusRing(page: Page): Promise<{ control: string; visible: boolean } | null> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body || element.tagName === 'H1') return null;
    const style = getComputedStyle(element);
    const visible =
      style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 && !/rgba\(.*, 0\)$|transparent/.test(style.outlineColor);
    const name = element.getAttribute('aria-label') ?? (element instanceof HTMLInputElement ? element.labels?.[0]?.textContent : element.textContent);
    return { control: `${element.tagName.toLowerCase()} "${(name ?? '').trim()}"`, visible };
  });
}

/**
 * Presses Tab until `target` has focus, as a keyboard user would, and fails if it never does. Every control
 * passed on the way must show where focus is.
 */
async function tabTo(page: Page, target: Locator, maxPresses = 30): Promise<void> {
  for (let presses = 0; presses <= maxPresses; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
    const ring = await focusRing(page);
    if (ring) expect.soft(ring.visible, `a visible focus ring on ${ring.control}`).toBe(true);
  }
  await expect(target, `reached by Tab within ${maxPresses} presses`).toBeFocused();
}

/** Tabs to a field and types into it. */
async function typeInto(page: Page, target: Locator, text: string): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.type(text);
  await expect(target).toHaveValue(text);
}

/** The screen changed: its heading has focus, and the document title names it and the product. */
async function expectArrivedAt(page: Page, heading: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: heading, exact: true })).toBeFocused();
  await expect(page).toHaveTitle(`${heading} – ${PRODUCT_NAME}`);
}

function input(page: Page, label: string): Locator {
  return page.getByLabel(label, { exact: true });
}

async function signInWithKeyboard(page: Page, username: string, password: string): Promise<void> {
  await expectArrivedAt(page, headings.signIn);
  const usernameField = input(page, 'Username');
  if ((await usernameField.inputValue()) !== username) await typeInto(page, usernameField, username);
  await typeInto(page, input(page, 'Password'), password);
  // Enter in a field submits its form.
  await page.keyboard.press('Enter');
}

test.describe('keyboard only', () => {
  test('first sign-in with a temporary password, giving the required name', async ({ page, makeUser }) => {
    const user = await makeUser({ setup: 'temporaryPassword', name: null });
    await page.goto('/sign-in');
    await signInWithKeyboard(page, user.username, user.password);

    await expectArrivedAt(page, headings.newPassword);
    const newPassword = uniquePassword();
    const newPasswordField = input(page, 'New password');
    await typeInto(page, newPasswordField, newPassword);

    // The show/hide toggle comes right after its field, and Space works it.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Show New password', exact: true })).toBeFocused();
    await page.keyboard.press('Space');
    // It now says what it does next, and keeps the focus.
    await expect(page.getByRole('button', { name: 'Hide New password', exact: true })).toBeFocused();
    await expect(newPasswordField).toHaveAttribute('type', 'text');
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: 'Show New password', exact: true })).toBeFocused();
    await expect(newPasswordField).toHaveAttribute('type', 'password');
    // And Shift+Tab goes back to the field.
    await page.keyboard.press('Shift+Tab');
    await expect(newPasswordField).toBeFocused();

    await typeInto(page, input(page, 'Confirm new password'), newPassword);
    await typeInto(page, input(page, 'Full name'), 'Ada Lovelace');
    await tabTo(page, page.getByRole('button', { name: 'Save password', exact: true }));
    await page.keyboard.press('Enter');

    await expectArrivedAt(page, headings.account);
    await expect(page.getByRole('main').getByText(user.username, { exact: true })).toBeVisible();
  });

  test('forgot password: the code from the message, a new password, then sign-in with it', async ({ page, makeUser, outbox }) => {
    const user = await makeUser();
    await page.goto('/sign-in');
    await expectArrivedAt(page, headings.signIn);
    await tabTo(page, page.getByRole('link', { name: 'Forgot your password?', exact: true }));
    await page.keyboard.press('Enter');

    await expectArrivedAt(page, headings.forgotPassword);
    // Back and forward are route changes too.
    await page.goBack();
    await expectArrivedAt(page, headings.signIn);
    await page.goForward();
    await expectArrivedAt(page, headings.forgotPassword);

    await typeInto(page, input(page, 'Username'), user.username);
    await page.keyboard.press('Enter');

    await expectArrivedAt(page, headings.resetPassword);
    const code = await outbox.latestCode(user.username, 'ForgotPassword');
    await typeInto(page, input(page, 'Code'), code);
    const newPassword = uniquePassword();
    await typeInto(page, input(page, 'New password'), newPassword);
    await typeInto(page, input(page, 'Confirm new password'), newPassword);
    await page.keyboard.press('Enter');

    await expectArrivedAt(page, headings.signIn);
    await expect(page.getByRole('main').getByRole('status')).not.toBeEmpty();
    await expect(input(page, 'Username')).toHaveValue(user.username);
    await signInWithKeyboard(page, user.username, newPassword);
    await expectArrivedAt(page, headings.account);
  });

  test('change password, then sign out', async ({ page, makeUser }) => {
    const user = await makeUser();
    await page.goto('/sign-in');
    await signInWithKeyboard(page, user.username, user.password);

    await expectArrivedAt(page, headings.account);
    await tabTo(page, page.getByRole('link', { name: 'Change password', exact: true }));
    await page.keyboard.press('Enter');

    await expectArrivedAt(page, headings.changePassword);
    const newPassword = uniquePassword();
    await typeInto(page, input(page, 'Current password'), user.password);
    await typeInto(page, input(page, 'New password'), newPassword);
    await typeInto(page, input(page, 'Confirm new password'), newPassword);
    await tabTo(page, page.getByRole('button', { name: 'Change password', exact: true }));
    await page.keyboard.press('Space');

    await expectArrivedAt(page, headings.account);
    await expect(page.getByRole('main').getByRole('status')).not.toBeEmpty();
    await tabTo(page, page.getByRole('button', { name: 'Sign out', exact: true }));
    await page.keyboard.press('Enter');

    await expectArrivedAt(page, headings.signIn);
    await signInWithKeyboard(page, user.username, newPassword);
    await expectArrivedAt(page, headings.account);
  });

  test('sign-in with a second step: the method choice with the arrow keys, then the code from the message', async ({
    page,
    makeUser,
    admin,
    outbox,
  }) => {
    const user = await makeUser({ phoneNumber: uniquePhoneNumber() });
    await enableCodeMfa(admin, user, { sms: true, email: true });
    await page.goto('/sign-in');
    await signInWithKeyboard(page, user.username, user.password);

    await expectArrivedAt(page, mfaHeadings.chooseMethod);
    const methods = page.getByRole('group', { name: 'Get a verification code by' });
    const sms = methods.getByRole('radio', { name: 'Text message (SMS)', exact: true });
    const email = methods.getByRole('radio', { name: 'Email', exact: true });
    // Nothing is chosen yet: Tab enters the group at its first option, Space picks it, the arrow keys move the pick.
    await tabTo(page, sms);
    await page.keyboard.press('Space');
    await expect(sms).toBeChecked();
    await page.keyboard.press('ArrowDown');
    await expect(email).toBeFocused();
    await expect(email).toBeChecked();
    await expect(sms).not.toBeChecked();
    await tabTo(page, page.getByRole('button', { name: 'Continue', exact: true }));
    await page.keyboard.press('Enter');

    await expectArrivedAt(page, mfaHeadings.code);
    const message = await outbox.latest(user.username, MFA_CODE_KIND);
    expect(message.medium).toBe('EMAIL');
    await typeInto(page, input(page, 'Verification code'), message.code ?? '');
    await page.keyboard.press('Enter');

    await expectArrivedAt(page, headings.account);
  });

  test('setting up an authenticator app from the account page: the way there, the key copied, the first code', async ({
    page,
    makeUser,
  }) => {
    const user = await makeUser();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/sign-in');
    await signInWithKeyboard(page, user.username, user.password);

    await expectArrivedAt(page, headings.account);
    await tabTo(page, page.getByRole('link', { name: 'Manage two-step verification', exact: true }));
    await page.keyboard.press('Enter');

    await expectArrivedAt(page, mfaHeadings.twoStep);
    await tabTo(page, page.getByRole('link', { name: 'Set up an authenticator app', exact: true }));
    await page.keyboard.press('Enter');

    await expectArrivedAt(page, mfaHeadings.setUpAuthenticator);
    await expect(page.getByRole('img', { name: /^QR code that adds your Account account/ })).toBeVisible();
    // The user reads the key off the screen, or copies it to paste into an app on the same device.
    const shownKey = (await page.getByRole('main').locator('code').textContent()) ?? '';
    const secret = shownKey.replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await tabTo(page, page.getByRole('button', { name: 'Copy key', exact: true }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main').getByRole('status')).toHaveText('Key copied. Paste it into your authenticator app.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

    await typeInto(page, input(page, 'Code from the app'), await authenticatorCode(secret));
    await typeInto(page, input(page, 'Device name (optional)'), 'Keyboard phone');
    await page.keyboard.press('Enter');

    await expectArrivedAt(page, mfaHeadings.twoStep);
    // The settings have loaded (their loading status is gone), with the notice of the change.
    await expect(page.getByRole('checkbox', { name: 'Authenticator app' })).toBeChecked();
    await expect(page.getByRole('main').getByRole('status')).toHaveText(
      'Your authenticator app is set up. Signing in now asks for a code from it.',
    );
  });
});
