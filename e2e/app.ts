import { expect, type Locator, type Page } from '@playwright/test';
import { APP_CLIENT_ID } from './fixtures';

/**
 * The app as a user sees it: screens found by their headings, fields by their labels, buttons by their names.
 * Password fields are looked up with `exact: true` because each has a "Show <label>" toggle whose accessible
 * name contains the label too.
 */

export const headings = {
  signIn: 'Sign in',
  newPassword: 'Choose your password',
  forgotPassword: 'Reset your password',
  resetPassword: 'Choose a new password',
  account: 'Your account',
  changePassword: 'Change password',
} as const;

export function heading(page: Page, name: string): Locator {
  return page.getByRole('heading', { level: 1, name, exact: true });
}

/** The form's one error region. */
export function formAlert(page: Page): Locator {
  return page.getByRole('main').getByRole('alert');
}

/**
 * Asserts the form shows no error. The alert region stays in the document while empty (so a later message
 * is announced) but is then hidden, hence `includeHidden`.
 */
export async function expectNoFormError(page: Page): Promise<void> {
  await expect(page.getByRole('main').getByRole('alert', { includeHidden: true })).toBeEmpty();
}

/**
 * The screen's notice (success or information). Not the other status regions a screen may show beside it
 * (a "Loading…" indicator while a section fetches its data, a "Copied" confirmation).
 */
export function notice(page: Page): Locator {
  return page.getByRole('main').getByRole('status').and(page.locator('.message--notice'));
}

export function passwordField(page: Page, label: string): Locator {
  return page.getByLabel(label, { exact: true });
}

export async function openSignIn(page: Page): Promise<void> {
  await page.goto('/sign-in');
  await expect(heading(page, headings.signIn)).toBeVisible();
}

/** Fills the sign-in form (on screen already) and submits it. */
export async function submitSignIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Username', { exact: true }).fill(username);
  await passwordField(page, 'Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Signs in from the start and waits for the account screen. */
export async function signIn(page: Page, user: { username: string; password: string }): Promise<void> {
  await openSignIn(page);
  await submitSignIn(page, user.username, user.password);
  await expect(heading(page, headings.account)).toBeVisible();
  await expect(page).toHaveURL(/\/account$/);
}

/** Fills a new password and its confirmation (new-password, reset-password and change-password screens). */
export async function fillNewPassword(page: Page, password: string, confirmation = password): Promise<void> {
  await passwordField(page, 'New password').fill(password);
  await passwordField(page, 'Confirm new password').fill(confirmation);
}

/** The challenge countdown as "m:ss". */
export function timeLeft(page: Page): Locator {
  return page.getByRole('main').locator('time');
}

/** "m:ss" to seconds. */
export async function secondsLeft(page: Page): Promise<number> {
  const text = (await timeLeft(page).textContent()) ?? '';
  const match = /^(\d+):(\d\d)$/.exec(text.trim());
  expect(match, `the countdown reads m:ss, not "${text}"`).not.toBeNull();
  return Number(match?.[1]) * 60 + Number(match?.[2]);
}

export interface StoredTokens {
  accessToken: string;
  refreshToken: string;
}

/** The tokens amazon-cognito-identity-js keeps for the signed-in user (localStorage, per the e2e config). */
export async function storedTokens(page: Page): Promise<StoredTokens | null> {
  return page.evaluate((clientId) => {
    const prefix = `CognitoIdentityServiceProvider.${clientId}`;
    const username = localStorage.getItem(`${prefix}.LastAuthUser`);
    if (!username) return null;
    const accessToken = localStorage.getItem(`${prefix}.${username}.accessToken`);
    const refreshToken = localStorage.getItem(`${prefix}.${username}.refreshToken`);
    return accessToken && refreshToken ? { accessToken, refreshToken } : null;
  }, APP_CLIENT_ID);
}

/** The stored tokens of a signed-in page; fails the test when there are none. */
export async function signedInTokens(page: Page): Promise<StoredTokens> {
  const tokens = await storedTokens(page);
  expect(tokens, 'the signed-in session is stored in the browser').not.toBeNull();
  return tokens as StoredTokens;
}
