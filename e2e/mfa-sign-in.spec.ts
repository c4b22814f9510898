import type { Page } from '@playwright/test';
import { heading, headings, openSignIn, submitSignIn } from './app';
import { MFA_APP_URL, authenticatorCode, enableCodeMfa, enrollAuthenticator, expect, test } from './fixtures';
import { watchCspViolations } from './hardening-helpers';
import {
  MFA_CODE_KIND,
  mfaHeadings,
  otherCode,
  readShownKey,
  storedText,
  uniquePhoneNumber,
  verificationCodeField,
  wrongAuthenticatorCode,
} from './mfa-helpers';

/**
 * Sign-in with a second factor the user already has (the demo pool, MFA optional): an authenticator app's
 * code, a code sent by text message or email (read from the local pool's outbox), the choice between methods.
 */

async function submitCode(page: Page, code: string): Promise<void> {
  await verificationCodeField(page).fill(code);
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
}

test.describe('sign-in with a second factor', () => {
  test('authenticator app: a wrong code is refused on the field, the app’s code signs in', async ({ page, makeUser, admin }) => {
    const user = await makeUser();
    const secret = await enrollAuthenticator(admin, user);
    await openSignIn(page);
    await submitSignIn(page, user.username, user.password);

    await expect(heading(page, mfaHeadings.code)).toBeVisible();
    await expect(page).toHaveURL(/\/verify-code$/);
    await expect(page.getByText('Enter the 6-digit code from your authenticator app.')).toBeVisible();
    // Cognito cannot send an authenticator code: no "new code" way out here.
    await expect(page.getByRole('button', { name: 'Sign in again to get a new code' })).toHaveCount(0);

    await submitCode(page, await wrongAuthenticatorCode(secret));
    const field = verificationCodeField(page);
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(/That code is not correct\./);
    await expect(field).toBeFocused();

    // Enrolling used the current period's code, and a code is accepted once: the app's next one.
    await submitCode(page, await authenticatorCode(secret, 1));
    await expect(heading(page, headings.account)).toBeVisible();
  });

  test('text message: the code from the outbox, pasted as "123 456", signs in', async ({ page, makeUser, admin, outbox }) => {
    const phoneNumber = uniquePhoneNumber();
    const user = await makeUser({ phoneNumber });
    await enableCodeMfa(admin, user, { sms: true, preferred: 'sms' });
    await openSignIn(page);
    await submitSignIn(page, user.username, user.password);

    await expect(heading(page, mfaHeadings.code)).toBeVisible();
    // Where the code went, as Cognito masks it: only the last four digits show.
    const masked = `+${'*'.repeat(phoneNumber.length - 5)}${phoneNumber.slice(-4)}`;
    await expect(page.getByText(`We sent a code by text message to ${masked}.`)).toBeVisible();
    const message = await outbox.latest(user.username, MFA_CODE_KIND);
    expect(message).toMatchObject({ medium: 'SMS', destination: phoneNumber });

    const code = message.code ?? '';
    await submitCode(page, `${code.slice(0, 3)} ${code.slice(3)}`);
    await expect(heading(page, headings.account)).toBeVisible();
  });

  test('email: a wrong code, then "sign in again" sends a new code that signs in', async ({ page, makeUser, admin, outbox }) => {
    const user = await makeUser();
    await enableCodeMfa(admin, user, { email: true, preferred: 'email' });
    await openSignIn(page);
    await submitSignIn(page, user.username, user.password);

    await expect(heading(page, mfaHeadings.code)).toBeVisible();
    // Where the code went, as Cognito masks it: the first letter of the name and of the domain.
    await expect(page.getByText(`We sent a code by email to ${user.email.charAt(0)}***@e***.`)).toBeVisible();
    const first = await outbox.latest(user.username, MFA_CODE_KIND);
    expect(first).toMatchObject({ medium: 'EMAIL', destination: user.email });

    await submitCode(page, otherCode(first.code));
    await expect(verificationCodeField(page)).toHaveAccessibleDescription(/That code is not correct\./);

    await page.getByRole('button', { name: 'Sign in again to get a new code', exact: true }).click();
    await expect(heading(page, headings.signIn)).toBeVisible();
    await expect(page.getByLabel('Username', { exact: true })).toHaveValue(user.username);
    await page.getByLabel('Password', { exact: true }).fill(user.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();

    await expect(heading(page, mfaHeadings.code)).toBeVisible();
    const second = await outbox.latest(user.username, MFA_CODE_KIND, { newerThan: first });
    await submitCode(page, second.code ?? '');
    await expect(heading(page, headings.account)).toBeVisible();
  });

  test('method choice: the user picks email among the methods on, then enters its code', async ({ page, makeUser, admin, outbox }) => {
    const user = await makeUser({ phoneNumber: uniquePhoneNumber() });
    await enableCodeMfa(admin, user, { sms: true, email: true });
    await openSignIn(page);
    await submitSignIn(page, user.username, user.password);

    await expect(heading(page, mfaHeadings.chooseMethod)).toBeVisible();
    await expect(page).toHaveURL(/\/choose-method$/);
    const methods = page.getByRole('group', { name: 'Get a verification code by' });
    await expect(methods.getByRole('radio', { name: 'Text message (SMS)' })).toBeVisible();
    await methods.getByRole('radio', { name: 'Email', exact: true }).check();
    await page.getByRole('button', { name: 'Continue', exact: true }).click();

    await expect(heading(page, mfaHeadings.code)).toBeVisible();
    const message = await outbox.latest(user.username, MFA_CODE_KIND);
    expect(message.medium).toBe('EMAIL');
    await submitCode(page, message.code ?? '');
    await expect(heading(page, headings.account)).toBeVisible();
  });

  test('the set-up screen draws its QR code under the production CSP and keeps the key out of storage', async ({
    page,
    makeUser,
  }) => {
    // A pool that requires MFA, and a user with none yet: sign-in leads to the set-up (mfa-first-sign-in.spec.ts
    // follows it through).
    const user = await makeUser({ pool: 'mfaRequired' });
    const cspViolations = await watchCspViolations(page);
    await page.goto(`${MFA_APP_URL}/sign-in`);
    await expect(heading(page, headings.signIn)).toBeVisible();
    await submitSignIn(page, user.username, user.password);

    await expect(heading(page, mfaHeadings.setUpAuthenticator)).toBeVisible();
    const secret = await readShownKey(page);
    expect(cspViolations()).toEqual([]);
    expect(await storedText(page)).not.toContain(secret);
  });
});
