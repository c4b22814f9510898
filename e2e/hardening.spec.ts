import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { fillNewPassword, formAlert, heading, headings, notice, openSignIn, passwordField, signIn, submitSignIn } from './app';
import { EMULATOR_URL, expect, test, uniquePassword, type MakeUser } from './fixtures';
import { SecretWatch, failNextPoolCall, watchCspViolations } from './hardening-helpers';

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
