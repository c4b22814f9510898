import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminSetUserPasswordCommand,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { LANGUAGES, axeFindings, chooseLanguage, field, submitButton } from './a11y-helpers';
import { fillNewPassword, formAlert, heading, headings, notice, passwordField } from './app';
import { EMAIL_APP_URL, expect, test as base, uniquePassword } from './fixtures';

/**
 * The app in front of a pool whose users sign in with their email address (UsernameAttributes email,
 * docs/cognito-behaviour.md §10; e2e/config.email.e2e.json says `"signInWith": ["email"]`). Cognito's username
 * for such a user is a generated id: it must never reach the screen, whatever the flow.
 */

const EMAIL_POOL_ID = 'us-east-1_LocalEmail';

interface EmailUser {
  /** What the user types. */
  email: string;
  /** Cognito's username: the generated id, as the outbox and the tokens name the user. */
  id: string;
  password: string;
}

const test = base.extend<{ makeEmailUser: (options?: { temporary?: boolean }) => Promise<EmailUser> }>({
  makeEmailUser: async ({ admin }, use, testInfo) => {
    const made: string[] = [];
    await use(async ({ temporary = false } = {}) => {
      const email = `e2e.w${testInfo.workerIndex}.${randomBytes(5).toString('hex')}@example.com`;
      const password = uniquePassword();
      const { User } = await admin.send(
        new AdminCreateUserCommand({
          UserPoolId: EMAIL_POOL_ID,
          Username: email,
          TemporaryPassword: password,
          MessageAction: 'SUPPRESS',
          // A temporary-password user has no name yet: the first sign-in asks for it (a required attribute).
          UserAttributes: [{ Name: 'email_verified', Value: 'true' }, ...(temporary ? [] : [{ Name: 'name', Value: 'Test Person' }])],
        }),
      );
      const id = User?.Username ?? '';
      made.push(id);
      if (!temporary) {
        await admin.send(new AdminSetUserPasswordCommand({ UserPoolId: EMAIL_POOL_ID, Username: email, Password: password, Permanent: true }));
      }
      return { email, id, password };
    });
    for (const id of made) {
      try {
        await admin.send(new AdminDeleteUserCommand({ UserPoolId: EMAIL_POOL_ID, Username: id }));
      } catch (error) {
        if (!(error instanceof UserNotFoundException)) throw error;
      }
    }
  },
});

// The app server in front of the email pool (playwright.config.ts).
test.use({ baseURL: EMAIL_APP_URL });

const emailField = (page: Page) => page.getByRole('textbox', { name: 'Email address', exact: true });

/** Fails if the generated id is anywhere in the page, text or markup. */
async function expectNoGeneratedId(page: Page, user: EmailUser): Promise<void> {
  expect(user.id).toMatch(/^[0-9a-f-]{36}$/);
  expect(await page.content()).not.toContain(user.id);
}

/** axe's WCAG A and AA rules find nothing on the page as it is. */
async function expectNoAxeViolations(page: Page): Promise<void> {
  expect(await axeFindings(page)).toEqual([]);
}

async function signInWithEmail(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await expect(heading(page, headings.signIn)).toBeVisible();
  await emailField(page).fill(email);
  await passwordField(page, 'Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

test.describe('a pool that signs in with an email address', () => {
  test('the sign-in field asks for an email address, and axe finds nothing on it', async ({ page }) => {
    await page.goto('/sign-in');
    await expect(page.getByText('Sign in with your email address and password.')).toBeVisible();
    await expect(emailField(page)).toHaveAttribute('type', 'email');
    await expect(emailField(page)).toHaveAttribute('autocomplete', 'username');
    await emailField(page).fill('jane');
    await passwordField(page, 'Password').fill('anything');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(emailField(page)).toHaveAccessibleDescription('Enter an email address in the form name@example.com.');
    await expect(emailField(page)).toBeFocused();
    await expectNoAxeViolations(page);
  });

  for (const language of LANGUAGES) {
    test(`the email field and its error pass axe in ${language}`, async ({ page }) => {
      await chooseLanguage(page, language);
      await page.goto('/sign-in');
      await field.username(page).fill('jane');
      await submitButton(page).click();
      await expect(field.username(page)).toHaveAttribute('aria-invalid', 'true');
      await expectNoAxeViolations(page);
      await page.goto('/forgot-password');
      await expect(field.username(page)).toHaveAttribute('type', 'email');
      await expectNoAxeViolations(page);
    });
  }

  test('first sign-in with the temporary password typed with the email address', async ({ page, makeEmailUser }) => {
    const user = await makeEmailUser({ temporary: true });
    // Typed as people do: the pool is case-insensitive.
    await signInWithEmail(page, user.email.toUpperCase(), user.password);
    await expect(heading(page, headings.newPassword)).toBeVisible();
    await expectNoGeneratedId(page, user);

    const newPassword = uniquePassword();
    await fillNewPassword(page, newPassword);
    await page.getByLabel('Full name', { exact: true }).fill('Ada Lovelace');
    await page.getByRole('button', { name: 'Save password', exact: true }).click();

    await expect(heading(page, headings.account)).toBeVisible();
    const details = page.getByRole('main').getByRole('definition');
    await expect(page.getByRole('main').getByRole('term')).toHaveText(['Email address']);
    await expect(details).toHaveText([user.email]);
    await expectNoGeneratedId(page, user);
    await expectNoAxeViolations(page);

    // A reload restores the session from the tokens, whose username is the id: still the address on screen.
    await page.reload();
    await expect(heading(page, headings.account)).toBeVisible();
    await expect(details).toHaveText([user.email]);
    await expectNoGeneratedId(page, user);
  });

  test('forgot password by email address, then sign in with the new password', async ({ page, makeEmailUser, outbox }) => {
    const user = await makeEmailUser();
    await page.goto('/sign-in');
    await emailField(page).fill(user.email);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();

    await expect(heading(page, headings.forgotPassword)).toBeVisible();
    await expect(emailField(page)).toHaveValue(user.email);
    await page.getByRole('button', { name: 'Send code', exact: true }).click();

    await expect(heading(page, headings.resetPassword)).toBeVisible();
    await expect(page.getByText(`Email address: ${user.email}`)).toBeVisible();
    await expectNoGeneratedId(page, user);
    await expectNoAxeViolations(page);
    // The outbox names the user as Cognito does: by the generated id.
    const code = await outbox.latestCode(user.id, 'ForgotPassword');
    await page.getByLabel('Code', { exact: true }).fill(code);
    const newPassword = uniquePassword();
    await fillNewPassword(page, newPassword);
    await page.getByRole('button', { name: 'Reset password', exact: true }).click();

    await expect(heading(page, headings.signIn)).toBeVisible();
    await expect(notice(page)).toBeVisible();
    await expect(emailField(page)).toHaveValue(user.email);
    await passwordField(page, 'Password').fill(newPassword);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(heading(page, headings.account)).toBeVisible();
    await expect(page.getByRole('main').getByRole('definition')).toHaveText([user.email]);
    await expectNoGeneratedId(page, user);
  });

  test('change password, then sign in with the email address and the new password', async ({ page, makeEmailUser }) => {
    const user = await makeEmailUser();
    await signInWithEmail(page, user.email, user.password);
    await expect(heading(page, headings.account)).toBeVisible();
    await page.getByRole('link', { name: 'Change password', exact: true }).click();

    await expect(heading(page, headings.changePassword)).toBeVisible();
    await expectNoGeneratedId(page, user);
    const newPassword = uniquePassword();
    await passwordField(page, 'Current password').fill(user.password);
    await fillNewPassword(page, newPassword);
    await page.getByRole('button', { name: 'Change password', exact: true }).click();
    await expect(heading(page, headings.account)).toBeVisible();
    await expectNoGeneratedId(page, user);

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect(heading(page, headings.signIn)).toBeVisible();
    await signInWithEmail(page, user.email, user.password);
    await expect(formAlert(page)).toHaveText('Incorrect email address or password.');
    await signInWithEmail(page, user.email, newPassword);
    await expect(heading(page, headings.account)).toBeVisible();
  });
});
