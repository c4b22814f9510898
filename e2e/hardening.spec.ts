import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { fillNewPassword, formAlert, heading, headings, notice, openSignIn, passwordField, signIn, submitSignIn } from './app';
import {
  EMULATOR_URL,
  MFA_APP_CLIENT_ID,
  MFA_APP_URL,
  authenticatorCode,
  enableCodeMfa,
  enrollAuthenticator,
  expect,
  test,
  uniquePassword,
  type MakeUser,
} from './fixtures';
import { SecretWatch, failNextPoolCall, watchCspViolations } from './hardening-helpers';
import {
  MFA_CODE_KIND,
  mfaHeadings,
  readShownKey,
  uniquePhoneNumber,
  verificationCodeField,
  wrongAuthenticatorCode,
} from './mfa-helpers';

/**
 * Production hardening, against the production build as `vite preview` serves it: the security headers,
 * the app working under its Content-Security-Policy, no secret anywhere it does not belong, and every
 * submit surviving a dropped connection.
 */

const NETWORK_MESSAGE = 'Could not reach the sign-in service. Check your connection and try again.';

function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name, sources);
  }
  return map;
}

test.describe('security headers', () => {
  test('the document and its assets come with a strict CSP and the usual headers', async ({ request }) => {
    const documentResponse = await request.get('/sign-in');
    const html = await documentResponse.text();
    const script = /<script[^>]*\bsrc="([^"]+)"/.exec(html)?.[1];
    expect(script, 'index.html loads its entry script from a file').toBeDefined();
    const assetResponse = await request.get(script as string);

    for (const response of [documentResponse, assetResponse]) {
      const headers = response.headers();
      const policy = directives(headers['content-security-policy'] ?? '');
      expect(policy.get('default-src')).toEqual(["'none'"]);
      expect(policy.get('script-src')).toEqual(["'self'"]);
      expect(policy.get('style-src')).toEqual(["'self'"]);
      // The app's own origin and the configured user pool (the test pool), nothing else.
      expect(policy.get('connect-src')).toEqual(["'self'", EMULATOR_URL]);
      // Images from the app itself and data: URLs only; the QR code of an authenticator key is inline SVG markup.
      expect(policy.get('img-src')).toEqual(["'self'", 'data:']);
      expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
      expect(policy.get('base-uri')).toEqual(["'none'"]);
      expect(policy.get('form-action')).toEqual(["'self'"]);
      expect(policy.get('object-src')).toEqual(["'none'"]);
      expect(headers['content-security-policy']).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('no-referrer');
      expect(headers['permissions-policy']).toContain('camera=()');
      expect(headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(headers['x-frame-options']).toBe('DENY');
    }
  });

  test('the built index.html has no inline script, style or event handler', async ({ request }) => {
    const html = await (await request.get('/')).text();
    expect(html).toContain('<script');
    expect(html.match(/<script\b(?![^>]*\bsrc=)[^>]*>/gi) ?? []).toEqual([]);
    expect(html.match(/<style\b/gi) ?? []).toEqual([]);
    expect(html.match(/\sstyle\s*=/gi) ?? []).toEqual([]);
    expect(html.match(/\son[a-z]+\s*=/gi) ?? []).toEqual([]);
  });

  test('no component uses an inline style prop (the policy allows styles from files only)', () => {
    const offenders: string[] = [];
    const visit = (directory: string) => {
      for (const entry of readdirSync(directory, { withFileTypes: true })) {
        const path = join(directory, entry.name);
        if (entry.isDirectory()) visit(path);
        else if (/\.tsx$/.test(entry.name) && !/\.test\.tsx$/.test(entry.name) && /\bstyle=\{/.test(readFileSync(path, 'utf8'))) {
          offenders.push(path);
        }
      }
    };
    visit('src');
    expect(offenders).toEqual([]);
  });

  test('the app works under the policy: sign in, open every screen, sign out, with no violation', async ({ page, makeUser }) => {
    const violations = await watchCspViolations(page);
    const user = await makeUser();
    await page.goto('/forgot-password');
    await expect(heading(page, headings.forgotPassword)).toBeVisible();
    await page.getByRole('link', { name: 'Back to sign in' }).click();
    await expect(heading(page, headings.signIn)).toBeVisible();
    await submitSignIn(page, user.username, user.password);
    await expect(heading(page, headings.account)).toBeVisible();
    await page.getByRole('link', { name: 'Change password' }).click();
    await expect(heading(page, headings.changePassword)).toBeVisible();
    // A full load of a signed-in screen: the stored session is checked through the pool under the policy.
    await page.reload();
    await expect(heading(page, headings.changePassword)).toBeVisible();
    await page.goto('/account');
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect(heading(page, headings.signIn)).toBeVisible();
    expect(await page.locator('[style]').count(), 'elements with a style attribute').toBe(0);
    expect(violations()).toEqual([]);
  });

  test('the two-step screens work under the policy: the QR code of a new key is drawn, also on a full load, with no violation', async ({
    page,
    makeUser,
  }) => {
    const violations = await watchCspViolations(page);
    const user = await makeUser({ emailVerified: false });
    await signIn(page, user);
    await page.getByRole('link', { name: 'Manage two-step verification' }).click();
    await expect(heading(page, mfaHeadings.twoStep)).toBeVisible();
    await expect(page.getByRole('checkbox', { name: 'Authenticator app' })).toBeVisible();
    await page.getByRole('link', { name: 'Set up an authenticator app' }).click();
    await expect(heading(page, mfaHeadings.setUpAuthenticator)).toBeVisible();
    await readShownKey(page);
    // A full load of the screen: the QR code's own chunk is fetched and drawn under the policy too.
    await page.reload();
    await expect(heading(page, mfaHeadings.setUpAuthenticator)).toBeVisible();
    await readShownKey(page);
    await page.goto('/account/verify-contact?attribute=email');
    await page.getByRole('button', { name: 'Send code', exact: true }).click();
    await expect(page.getByLabel('Code', { exact: true })).toBeFocused();
    expect(await page.locator('[style]').count(), 'elements with a style attribute').toBe(0);
    expect(violations()).toEqual([]);
  });
});

test('the browser enforces the policy: an injected inline script does not run, and is reported', async ({ page }) => {
  const violations = await watchCspViolations(page);
  await openSignIn(page);
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__injectedRan = true;';
    document.head.append(script);
  });
  await expect.poll(() => violations().some((violation) => violation.startsWith('script-src'))).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { __injectedRan?: boolean }).__injectedRan)).toBeUndefined();
});

test.describe('secrets stay where they belong', () => {
  test('after first sign-in, change password, sign-out and a reset with a code, no password, code or token is in a URL, history entry, storage or the console', async ({
    page,
    makeUser,
    outbox,
  }) => {
    const watch = new SecretWatch();
    await watch.attach(page);
    const user = await makeUser({ setup: 'temporaryPassword', name: null });
    watch.addSecret('the temporary password', user.password);

    // First sign-in: temporary password, then a password of the user's own and the missing name.
    await openSignIn(page);
    await submitSignIn(page, user.username, user.password);
    await expect(heading(page, headings.newPassword)).toBeVisible();
    await watch.snapshotStorage(page, 'during the challenge');
    const chosen = uniquePassword();
    watch.addSecret('the chosen password', chosen);
    await fillNewPassword(page, chosen);
    await page.getByLabel('Full name', { exact: true }).fill('Ada Lovelace');
    await page.getByRole('button', { name: 'Save password', exact: true }).click();
    await expect(heading(page, headings.account)).toBeVisible();
    await watch.snapshotStorage(page, 'signed in');

    // Change password.
    await page.getByRole('link', { name: 'Change password' }).click();
    await expect(heading(page, headings.changePassword)).toBeVisible();
    const changed = uniquePassword();
    watch.addSecret('the changed password', changed);
    await passwordField(page, 'Current password').fill(chosen);
    await fillNewPassword(page, changed);
    await page.getByRole('button', { name: 'Change password', exact: true }).click();
    await expect(notice(page)).toHaveText('Your password has been changed.');

    // Sign out, then forget the password and reset it with the emailed code.
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect(heading(page, headings.signIn)).toBeVisible();
    await watch.snapshotStorage(page, 'signed out');
    await page.getByLabel('Username', { exact: true }).fill(user.username);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('button', { name: 'Send code', exact: true }).click();
    await expect(heading(page, headings.resetPassword)).toBeVisible();
    const code = await outbox.latestCode(user.username, 'ForgotPassword');
    watch.addSecret('the reset code', code);
    const reset = uniquePassword();
    watch.addSecret('the reset password', reset);
    await page.getByLabel('Code', { exact: true }).fill(code);
    await fillNewPassword(page, reset);
    await page.getByRole('button', { name: 'Reset password', exact: true }).click();
    await expect(notice(page)).toHaveText('Your password has been reset. Sign in with your new password.');
    await watch.snapshotStorage(page, 'after the reset');

    // Signed in again, with tokens in the configured store, and a reload that restores the session.
    await passwordField(page, 'Password').fill(reset);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(heading(page, headings.account)).toBeVisible();
    await page.reload();
    await expect(heading(page, headings.account)).toBeVisible();
    await watch.snapshotStorage(page, 'signed in again');

    // The pool issued tokens at the first sign-in and at the last one; the scan looked at real places.
    expect(watch.tokenCount()).toBeGreaterThanOrEqual(6);
    expect(watch.observedCount()).toBeGreaterThan(20);
    // The one place tokens belong was seen holding them: the scan recognises a token where it finds one.
    expect(await watch.tokenStoreSightings()).toBeGreaterThan(0);
    expect(await watch.leaks()).toEqual([]);
  });
});

test.describe('authenticator keys and sign-in codes stay where they belong', () => {
  test('a sign-in with a text-message code, an authenticator added from the account page and a sign-in with its code: no key, code, password or token is in a URL, history entry, storage or the console', async ({
    page,
    makeUser,
    admin,
    outbox,
  }) => {
    const watch = new SecretWatch();
    await watch.attach(page);
    const cspViolations = await watchCspViolations(page);
    const user = await makeUser({ phoneNumber: uniquePhoneNumber() });
    watch.addSecret('the password', user.password);
    await enableCodeMfa(admin, user, { sms: true, preferred: 'sms' });

    // Sign-in with the code sent by text message.
    await openSignIn(page);
    await submitSignIn(page, user.username, user.password);
    await expect(heading(page, mfaHeadings.code)).toBeVisible();
    await watch.snapshotStorage(page, 'during the code step');
    const smsCode = await outbox.latestCode(user.username, MFA_CODE_KIND);
    watch.addSecret('the text-message code', smsCode);
    await verificationCodeField(page).fill(smsCode);
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await expect(heading(page, headings.account)).toBeVisible();

    // An authenticator app added from the account page: a wrong first code, then the right one.
    await page.getByRole('link', { name: 'Manage two-step verification' }).click();
    await page.getByRole('link', { name: 'Set up an authenticator app' }).click();
    await expect(heading(page, mfaHeadings.setUpAuthenticator)).toBeVisible();
    const secret = await readShownKey(page);
    watch.addSecret('the authenticator key', secret);
    watch.addSecret('the authenticator key as shown', (await page.getByRole('main').locator('code').textContent()) ?? '');
    await watch.snapshotStorage(page, 'with the key on screen');
    const wrong = await wrongAuthenticatorCode(secret);
    watch.addSecret('a wrong authenticator code', wrong);
    await page.getByLabel('Code from the app', { exact: true }).fill(wrong);
    await page.getByRole('button', { name: 'Turn on', exact: true }).click();
    await expect(page.getByLabel('Code from the app', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    const firstCode = await authenticatorCode(secret);
    watch.addSecret('the first authenticator code', firstCode);
    await page.getByLabel('Code from the app', { exact: true }).fill(firstCode);
    await page.getByRole('button', { name: 'Turn on', exact: true }).click();
    // The settings have loaded (their loading status is gone), with the notice of the change.
    await expect(page.getByRole('checkbox', { name: 'Authenticator app' })).toBeChecked();
    await expect(notice(page)).toHaveText('Your authenticator app is set up. Signing in now asks for a code from it.');
    await watch.snapshotStorage(page, 'after the set-up');

    // Signed out, and in again with the app's next code.
    await page.getByRole('link', { name: 'Back to your account' }).click();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect(heading(page, headings.signIn)).toBeVisible();
    await submitSignIn(page, user.username, user.password);
    await expect(heading(page, mfaHeadings.code)).toBeVisible();
    const nextCode = await authenticatorCode(secret, 1);
    watch.addSecret('the authenticator code at sign-in', nextCode);
    await verificationCodeField(page).fill(nextCode);
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await expect(heading(page, headings.account)).toBeVisible();
    await page.reload();
    await expect(heading(page, headings.account)).toBeVisible();
    await watch.snapshotStorage(page, 'signed in with the app');

    expect(watch.tokenCount()).toBeGreaterThanOrEqual(6);
    expect(await watch.tokenStoreSightings()).toBeGreaterThan(0);
    expect(await watch.leaks()).toEqual([]);
    expect(cspViolations()).toEqual([]);
  });

  test('the authenticator set-up at first sign-in on the pool that requires MFA, with a reload and a wrong code: no key, code, password or token leaks', async ({
    page,
    makeUser,
  }) => {
    const watch = new SecretWatch({ clientId: MFA_APP_CLIENT_ID });
    await watch.attach(page);
    const cspViolations = await watchCspViolations(page);
    const user = await makeUser({ pool: 'mfaRequired', setup: 'temporaryPassword' });
    watch.addSecret('the temporary password', user.password);

    await page.goto(`${MFA_APP_URL}/sign-in`);
    await submitSignIn(page, user.username, user.password);
    await expect(heading(page, headings.newPassword)).toBeVisible();
    const chosen = uniquePassword();
    watch.addSecret('the chosen password', chosen);
    await fillNewPassword(page, chosen);
    await page.getByRole('button', { name: 'Save password', exact: true }).click();
    await expect(heading(page, mfaHeadings.setUpAuthenticator)).toBeVisible();
    const firstKey = await readShownKey(page);
    watch.addSecret('the first key', firstKey);
    await watch.snapshotStorage(page, 'with the first key on screen');

    // A reload: the challenge is restored from the tab, the key is not (a new one is issued).
    await page.reload();
    await expect(heading(page, mfaHeadings.setUpAuthenticator)).toBeVisible();
    const secret = await readShownKey(page);
    expect(secret).not.toBe(firstKey);
    watch.addSecret('the key after the reload', secret);
    await watch.snapshotStorage(page, 'with the second key on screen');

    const wrong = await wrongAuthenticatorCode(secret);
    watch.addSecret('a wrong first code', wrong);
    await verificationCodeField(page).fill(wrong);
    await page.getByRole('button', { name: 'Verify and sign in', exact: true }).click();
    await expect(verificationCodeField(page)).toHaveAttribute('aria-invalid', 'true');
    await watch.snapshotStorage(page, 'after a wrong code');
    const code = await authenticatorCode(secret);
    watch.addSecret('the first code', code);
    await verificationCodeField(page).fill(code);
    await page.getByRole('button', { name: 'Verify and sign in', exact: true }).click();
    await expect(heading(page, headings.account)).toBeVisible();
    await page.reload();
    await expect(heading(page, headings.account)).toBeVisible();
    await watch.snapshotStorage(page, 'signed in');

    expect(watch.tokenCount()).toBeGreaterThanOrEqual(3);
    expect(await watch.tokenStoreSightings()).toBeGreaterThan(0);
    expect(await watch.leaks()).toEqual([]);
    // The QR code is drawn under the production policy on this app server too.
    expect(cspViolations()).toEqual([]);
  });
});

/** Submits, sees the network message with the input still there, and submits the same input again. */
async function failOnceThenRetry(page: Page, operation: string, submit: () => Promise<void>, keptFields: [string, string][]) {
  const aborted = await failNextPoolCall(page, operation);
  await submit();
  await expect(formAlert(page)).toHaveText(NETWORK_MESSAGE);
  expect(aborted()).toBe(1);
  for (const [label, value] of keptFields) await expect(page.getByLabel(label, { exact: true })).toHaveValue(value);
  await submit();
}

async function makeSignedIn(page: Page, makeUser: MakeUser) {
  const user = await makeUser();
  await signIn(page, user);
  return user;
}

test.describe('a dropped connection during a submit', () => {
  test('sign-in: the message, the input kept, and the retry signs in', async ({ page, makeUser }) => {
    const user = await makeUser();
    await openSignIn(page);
    await page.getByLabel('Username', { exact: true }).fill(user.username);
    await passwordField(page, 'Password').fill(user.password);
    await failOnceThenRetry(page, 'InitiateAuth', () => page.getByRole('button', { name: 'Sign in', exact: true }).click(), [
      ['Username', user.username],
      ['Password', user.password],
    ]);
    await expect(heading(page, headings.account)).toBeVisible();
  });

  test('new password: the message, the input kept, and the retry completes the first sign-in', async ({ page, makeUser }) => {
    const user = await makeUser({ setup: 'temporaryPassword', name: null });
    await openSignIn(page);
    await submitSignIn(page, user.username, user.password);
    await expect(heading(page, headings.newPassword)).toBeVisible();
    const chosen = uniquePassword();
    await fillNewPassword(page, chosen);
    await page.getByLabel('Full name', { exact: true }).fill('Ada Lovelace');
    await failOnceThenRetry(
      page,
      'RespondToAuthChallenge',
      () => page.getByRole('button', { name: 'Save password', exact: true }).click(),
      [
        ['New password', chosen],
        ['Confirm new password', chosen],
        ['Full name', 'Ada Lovelace'],
      ],
    );
    await expect(heading(page, headings.account)).toBeVisible();
  });

  test('forgot password: the message, the username kept, and the retry sends the code', async ({ page, makeUser, outbox }) => {
    const user = await makeUser();
    await page.goto('/forgot-password');
    await page.getByLabel('Username', { exact: true }).fill(user.username);
    await failOnceThenRetry(page, 'ForgotPassword', () => page.getByRole('button', { name: 'Send code', exact: true }).click(), [
      ['Username', user.username],
    ]);
    await expect(heading(page, headings.resetPassword)).toBeVisible();
    await outbox.latest(user.username, 'ForgotPassword');
  });

  test('reset password: the message, the code and passwords kept, and the retry resets', async ({ page, makeUser, outbox }) => {
    const user = await makeUser();
    await page.goto('/forgot-password');
    await page.getByLabel('Username', { exact: true }).fill(user.username);
    await page.getByRole('button', { name: 'Send code', exact: true }).click();
    await expect(heading(page, headings.resetPassword)).toBeVisible();
    const code = await outbox.latestCode(user.username, 'ForgotPassword');
    const reset = uniquePassword();
    await page.getByLabel('Code', { exact: true }).fill(code);
    await fillNewPassword(page, reset);
    await failOnceThenRetry(
      page,
      'ConfirmForgotPassword',
      () => page.getByRole('button', { name: 'Reset password', exact: true }).click(),
      [
        ['Code', code],
        ['New password', reset],
        ['Confirm new password', reset],
      ],
    );
    await expect(notice(page)).toHaveText('Your password has been reset. Sign in with your new password.');
  });

  test('a sign-in code: the message, the code kept, and the retry signs in', async ({ page, makeUser, admin }) => {
    const user = await makeUser();
    const secret = await enrollAuthenticator(admin, user);
    await openSignIn(page);
    await submitSignIn(page, user.username, user.password);
    await expect(heading(page, mfaHeadings.code)).toBeVisible();
    // Enrolling used the current period's code: the app's next one.
    const code = await authenticatorCode(secret, 1);
    await verificationCodeField(page).fill(code);
    await failOnceThenRetry(page, 'RespondToAuthChallenge', () => page.getByRole('button', { name: 'Verify', exact: true }).click(), [
      ['Verification code', code],
    ]);
    await expect(heading(page, headings.account)).toBeVisible();
  });

  test('an authenticator’s first code: the message, the code and name kept, and the retry turns it on', async ({ page, makeUser }) => {
    await makeSignedIn(page, makeUser);
    await page.getByRole('link', { name: 'Manage two-step verification' }).click();
    await page.getByRole('link', { name: 'Set up an authenticator app' }).click();
    const secret = await readShownKey(page);
    const code = await authenticatorCode(secret);
    await page.getByLabel('Code from the app', { exact: true }).fill(code);
    await page.getByLabel('Device name (optional)', { exact: true }).fill('Work phone');
    await failOnceThenRetry(page, 'VerifySoftwareToken', () => page.getByRole('button', { name: 'Turn on', exact: true }).click(), [
      ['Code from the app', code],
      ['Device name (optional)', 'Work phone'],
    ]);
    // The settings have loaded (their loading status is gone), with the notice of the change.
    await expect(page.getByRole('checkbox', { name: 'Authenticator app' })).toBeChecked();
    await expect(notice(page)).toHaveText('Your authenticator app is set up. Signing in now asks for a code from it.');
  });

  test('change password: the message, the passwords kept, and the retry changes it', async ({ page, makeUser }) => {
    const user = await makeSignedIn(page, makeUser);
    await page.getByRole('link', { name: 'Change password' }).click();
    await expect(heading(page, headings.changePassword)).toBeVisible();
    const changed = uniquePassword();
    await passwordField(page, 'Current password').fill(user.password);
    await fillNewPassword(page, changed);
    await failOnceThenRetry(
      page,
      'ChangePassword',
      () => page.getByRole('button', { name: 'Change password', exact: true }).click(),
      [
        ['Current password', user.password],
        ['New password', changed],
        ['Confirm new password', changed],
      ],
    );
    await expect(notice(page)).toHaveText('Your password has been changed.');
  });
});
