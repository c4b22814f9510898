import { randomInt } from 'node:crypto';
import { AdminGetUserCommand, type CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { expect, type Locator, type Page } from '@playwright/test';
import { authenticatorCode, poolIdOf, type TestPool } from './fixtures';

/**
 * The second step of sign-in and its set-up as a user sees them (English screens): headings, fields, the key
 * shown for an authenticator app, and the codes a test types.
 */

export const mfaHeadings = {
  code: 'Enter your verification code',
  chooseMethod: 'Choose how to verify it’s you',
  setUpAuthenticator: 'Set up an authenticator app',
  twoStep: 'Two-step verification',
} as const;

/** The outbox kind of a sign-in code sent by text message or email. */
export const MFA_CODE_KIND = 'MFA';

/** What sign-in says after the code step ran out, before and after a new password was chosen. */
export const mfaNotices = {
  expired: 'Your time for the sign-in code ran out. Sign in again to get a new one.',
  expiredAfterNewPassword: 'Your new password is saved, but your time for the next step ran out. Sign in again with your new password.',
} as const;

/** The code field of the sign-in code screen and of the set-up at sign-in. */
export function verificationCodeField(page: Page): Locator {
  return page.getByLabel('Verification code', { exact: true });
}

/** A phone number of the test's own, so parallel tests never share one. */
export function uniquePhoneNumber(): string {
  return `+1555${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;
}

/** A six-digit code that is none of the authenticator's codes around now (the pool allows one period of drift). */
export async function wrongAuthenticatorCode(secret: string): Promise<string> {
  const near = await Promise.all([-1, 0, 1, 2].map((steps) => authenticatorCode(secret, steps)));
  // Random rather than a fixed "000000": a run of zeros is in the app clients' ids, and the hardening scan would
  // find it in every token key.
  let code: string;
  do code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  while (near.includes(code));
  return code;
}

/** A six-digit code that is not `code`. */
export function otherCode(code: string | null): string {
  return code === '111111' ? '222222' : '111111';
}

/** The QR code of an authenticator key, once drawn. */
export function qrCode(page: Page): Locator {
  return page.getByRole('main').getByRole('img', { name: /^QR code that adds your Account account/ });
}

/**
 * The key as a person reads it off the screen (base32 in blocks of four), without the spaces: what they would
 * type into their app. Also checks the QR code next to it was really drawn (an SVG with modules, a visible size).
 */
export async function readShownKey(page: Page): Promise<string> {
  await expect(qrCode(page)).toBeVisible();
  const box = await qrCode(page).boundingBox();
  expect(box?.width ?? 0, 'the QR code is drawn at a size a phone can scan').toBeGreaterThan(100);
  await expect(qrCode(page).locator('path')).toHaveAttribute('d', /^M\d/);
  const shown = (await page.getByRole('main').locator('code').textContent()) ?? '';
  expect(shown).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
  return shown.replace(/\s+/g, '');
}

/** The user's second-step settings and status as the administrator sees them, in either pool. */
export async function adminMfaSettings(
  admin: CognitoIdentityProviderClient,
  pool: TestPool,
  username: string,
): Promise<{ status: string | undefined; enabled: string[]; preferred: string | undefined; attributes: Record<string, string> }> {
  const user = await admin.send(new AdminGetUserCommand({ UserPoolId: poolIdOf(pool), Username: username }));
  return {
    status: user.UserStatus,
    enabled: user.UserMFASettingList ?? [],
    preferred: user.PreferredMfaSetting,
    attributes: Object.fromEntries((user.UserAttributes ?? []).map((attribute) => [attribute.Name ?? '', attribute.Value ?? ''])),
  };
}

/** Everything the tab keeps (both web storages), as one string to search. */
export async function storedText(page: Page): Promise<string> {
  return page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } }));
}
