import type { Page } from '@playwright/test';
import { fillNewPassword, heading, headings, secondsLeft, submitSignIn, timeLeft } from './app';
import { MFA_APP_URL, authenticatorCode, expect, test, uniquePassword } from './fixtures';
import {
  adminMfaSettings,
  mfaHeadings,
  qrCode,
  readShownKey,
  storedText,
  verificationCodeField,
  wrongAuthenticatorCode,
} from './mfa-helpers';

/**
 * The pool that requires MFA (authenticator apps only), through the app server in front of it: a user the
 * administrator made signs in for the first time and must set up an authenticator app before getting in.
 */

const verifyAndSignIn = (page: Page) => page.getByRole('button', { name: 'Verify and sign in', exact: true });

async function openMfaSignIn(page: Page): Promise<void> {
  await page.goto(`${MFA_APP_URL}/sign-in`);
  await expect(heading(page, headings.signIn)).toBeVisible();
}

/** From the temporary password to the set-up screen: a password of the user's own, and the missing name. */
async function chooseFirstPassword(page: Page, name: string): Promise<string> {
  await expect(heading(page, headings.newPassword)).toBeVisible();
  const chosen = uniquePassword();
  await fillNewPassword(page, chosen);
  await page.getByLabel('Full name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Save password', exact: true }).click();
  await expect(heading(page, mfaHeadings.setUpAuthenticator)).toBeVisible();
  await expect(page).toHaveURL(/\/set-up-authenticator$/);
  return chosen;
}

test.describe('first sign-in on a pool that requires MFA', () => {
  test('temporary password → own password and name → authenticator set-up by the key on screen → account; the app’s codes then sign in', async ({
    page,
    makeUser,
    admin,
  }) => {
    const user = await makeUser({ pool: 'mfaRequired', setup: 'temporaryPassword', name: null });
    await openMfaSignIn(page);
    await submitSignIn(page, user.username, user.password);
    const chosen = await chooseFirstPassword(page, 'Ada Lovelace');

    // The set-up screen: still inside the sign-in's time limit, the three steps, the QR code for this account,
    // and the key as text.
    await expect(timeLeft(page)).toHaveText(/^[23]:\d\d$/);
    await expect(page.getByRole('main').getByRole('listitem')).toHaveCount(3);
    await expect(qrCode(page)).toHaveAccessibleName(new RegExp(`\\(${user.username.replace(/\./g, '\\.')}\\) to an authenticator app`));
    const secret = await readShownKey(page);
    await expect(page.getByLabel('Authenticator app name', { exact: true })).toHaveValue('Authenticator app');
    // Security: the key is on screen only, never kept by the tab.
    expect(await storedText(page)).not.toContain(secret);

    await verificationCodeField(page).fill(await authenticatorCode(secret));
    await verifyAndSignIn(page).click();
    await expect(heading(page, headings.account)).toBeVisible();
    await expect(page.getByRole('main').getByText(user.username, { exact: true })).toBeVisible();

    // The pool has the user confirmed, named, and with the authenticator as the second step.
    const stored = await adminMfaSettings(admin, 'mfaRequired', user.username);
    expect(stored).toMatchObject({ status: 'CONFIRMED', enabled: ['SOFTWARE_TOKEN_MFA'], preferred: 'SOFTWARE_TOKEN_MFA' });
    expect(stored.attributes.name).toBe('Ada Lovelace');

    // And the next sign-in asks for the app's code: the key the user read off the screen is the one the pool keeps.
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect(heading(page, headings.signIn)).toBeVisible();
    await submitSignIn(page, user.username, chosen);
    await expect(heading(page, mfaHeadings.code)).toBeVisible();
    // The set-up used the current period's code, and a code is accepted once: the app's next one.
    await verificationCodeField(page).fill(await authenticatorCode(secret, 1));
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await expect(heading(page, headings.account)).toBeVisible();
  });

  test('a first code that does not match the key stays on the field with what was typed; the right one signs in', async ({
    page,
    makeUser,
  }) => {
    // Already confirmed: the pool goes straight from the password to the set-up.
    const user = await makeUser({ pool: 'mfaRequired' });
    await openMfaSignIn(page);
    await submitSignIn(page, user.username, user.password);
    await expect(heading(page, mfaHeadings.setUpAuthenticator)).toBeVisible();
    const secret = await readShownKey(page);

    const wrong = await wrongAuthenticatorCode(secret);
    const deviceName = page.getByLabel('Authenticator app name', { exact: true });
    await deviceName.fill('Work phone');
    await verificationCodeField(page).fill(wrong);
    await verifyAndSignIn(page).click();

    const codeField = verificationCodeField(page);
    await expect(codeField).toHaveAttribute('aria-invalid', 'true');
    await expect(codeField).toHaveAccessibleDescription(/That code does not match the key\./);
    await expect(codeField).toBeFocused();
    await expect(codeField).toHaveValue(wrong);
    await expect(deviceName).toHaveValue('Work phone');
    // Still the same key to look at again: a wrong code does not start the set-up over.
    expect(await readShownKey(page)).toBe(secret);
    await expect(heading(page, mfaHeadings.setUpAuthenticator)).toBeVisible();

    await codeField.fill(await authenticatorCode(secret));
    await verifyAndSignIn(page).click();
    await expect(heading(page, headings.account)).toBeVisible();
  });

  test('a reload during the set-up keeps the time left and shows a new key; that key finishes it, the old one is spent', async ({
    page,
    makeUser,
    admin,
  }) => {
    const user = await makeUser({ pool: 'mfaRequired', setup: 'temporaryPassword', name: null });
    await page.clock.install();
    await openMfaSignIn(page);
    await submitSignIn(page, user.username, user.password);
    await chooseFirstPassword(page, 'Alan Turing');
    const firstKey = await readShownKey(page);

    // A minute in, so a countdown that restarted on reload would show.
    await page.clock.fastForward('01:00');
    await expect.poll(() => secondsLeft(page)).toBeLessThanOrEqual(120);
    const beforeReload = await secondsLeft(page);

    await page.reload();
    await expect(heading(page, mfaHeadings.setUpAuthenticator)).toBeVisible();
    const afterReload = await secondsLeft(page);
    expect(afterReload).toBeLessThanOrEqual(beforeReload);
    expect(afterReload).toBeGreaterThan(beforeReload - 15);
    // The key never survives in the tab, so the screen asks the pool for a new one.
    const secondKey = await readShownKey(page);
    expect(secondKey).not.toBe(firstKey);
    const saved = await storedText(page);
    expect(saved).not.toContain(firstKey);
    expect(saved).not.toContain(secondKey);

    // An app that added the first key is no use any more: its code is refused.
    await verificationCodeField(page).fill(await authenticatorCode(firstKey));
    await verifyAndSignIn(page).click();
    await expect(verificationCodeField(page)).toHaveAccessibleDescription(/That code does not match the key\./);

    await verificationCodeField(page).fill(await authenticatorCode(secondKey));
    await verifyAndSignIn(page).click();
    await expect(heading(page, headings.account)).toBeVisible();
    expect(await adminMfaSettings(admin, 'mfaRequired', user.username)).toMatchObject({
      status: 'CONFIRMED',
      enabled: ['SOFTWARE_TOKEN_MFA'],
    });
  });
});
