import type { Locator, Page } from '@playwright/test';
import { headings } from './app';
import { expect, test, uniquePassword } from './fixtures';

/**
 * The three flows with the keyboard alone: Tab, Shift+Tab, Enter, Space and typing. No clicks and no `fill`;
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
    const toggle = page.getByRole('button', { name: 'Show New password', exact: true });
    await expect(toggle).toBeFocused();
    await page.keyboard.press('Space');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(newPasswordField).toHaveAttribute('type', 'text');
    await page.keyboard.press('Space');
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
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
});
