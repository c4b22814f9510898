import { expect, type Locator, type Page } from '@playwright/test';
import { expectScreen, field, formAlert, linkTo, screenNotice, signInAs, submitButton, tours, type TourContext } from './a11y-helpers';
import { MFA_APP_URL, authenticatorCode, enableCodeMfa, enrollAuthenticator, uniquePassword } from './fixtures';
import { MFA_CODE_KIND, otherCode, uniquePhoneNumber, wrongAuthenticatorCode } from './mfa-helpers';

/**
 * The tours of the second step of sign-in and of its settings, found without reading words (as the tours in
 * a11y-helpers.ts are) so they run in every language: the method choice, the code screen for each method, the
 * authenticator set-up at sign-in, the two-step page, adding an authenticator, verifying a contact.
 */

function methodRadio(page: Page, method: 'SMS_MFA' | 'EMAIL_OTP' | 'SOFTWARE_TOKEN_MFA'): Locator {
  return page.locator(`main input[type="radio"][value="${method}"]`);
}

/** The QR code of an authenticator key, once drawn, and the key shown as text beside it (spaces removed). */
async function shownKey(page: Page): Promise<string> {
  await expect(page.locator('main svg[role="img"] path')).toBeVisible();
  const text = (await page.locator('main code').textContent()) ?? '';
  expect(text).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
  return text.replace(/\s+/g, '');
}

/** Types `code` into the code field, submits, and waits for the field to be marked wrong. */
async function submitWrongCode(page: Page, code: string): Promise<void> {
  await field.code(page).fill(code);
  await submitButton(page).click();
  await expect(field.code(page)).toHaveAttribute('aria-invalid', 'true');
}

export const mfaTours = {
  /**
   * Sign-in's second step on the demo pool: the method choice (and its error when nothing is chosen), then the
   * code screen for a text message, an email and an authenticator app, each with a wrong code's error.
   */
  async mfaSignIn({ page, makeUser, outbox, admin, visit }: TourContext): Promise<void> {
    const user = await makeUser({ phoneNumber: uniquePhoneNumber() });
    await enableCodeMfa(admin, user, { sms: true, email: true });
    await page.goto('/sign-in');
    await expectScreen(page, '/sign-in');
    await signInAs(page, user.username, user.password);
    await expectScreen(page, '/choose-method');
    await visit('choose-mfa');

    await submitButton(page).click();
    await expect(methodRadio(page, 'SMS_MFA')).toHaveAttribute('aria-invalid', 'true');
    await visit('choose-mfa-error');

    await methodRadio(page, 'SMS_MFA').check();
    await submitButton(page).click();
    await expectScreen(page, '/verify-code');
    const sms = await outbox.latest(user.username, MFA_CODE_KIND);
    await visit('mfa-code-sms');
    await submitWrongCode(page, otherCode(sms.code));
    await visit('mfa-code-sms-error');

    // A new code means a new sign-in: this time by email.
    await page.locator('main .new-code button').click();
    await expectScreen(page, '/sign-in');
    await field.currentPassword(page).fill(user.password);
    await submitButton(page).click();
    await expectScreen(page, '/choose-method');
    await methodRadio(page, 'EMAIL_OTP').check();
    await submitButton(page).click();
    await expectScreen(page, '/verify-code');
    const email = await outbox.latest(user.username, MFA_CODE_KIND, { newerThan: sms });
    await submitWrongCode(page, otherCode(email.code));
    await visit('mfa-code-email-error');

    // Cancel, and sign in as a user whose second step is an authenticator app.
    const appUser = await makeUser();
    const secret = await enrollAuthenticator(admin, appUser);
    await page.locator('main .form-fieldset > .link-button').click();
    await expectScreen(page, '/sign-in');
    await signInAs(page, appUser.username, appUser.password);
    await expectScreen(page, '/verify-code');
    await visit('mfa-code-authenticator');
    await submitWrongCode(page, await wrongAuthenticatorCode(secret));
    await visit('mfa-code-authenticator-error');
  },

  /**
   * The pool that requires MFA: after a new password, the authenticator set-up with its QR code and key, with a
   * wrong code, in the time warning, and sign-in's notice when the time ran out after the new password.
   */
  async mfaSetUpAtSignIn({ page, makeUser, visit }: TourContext): Promise<void> {
    const user = await makeUser({ pool: 'mfaRequired', setup: 'temporaryPassword' });
    await page.clock.install();
    await page.goto(`${MFA_APP_URL}/sign-in`);
    await expectScreen(page, '/sign-in');
    await signInAs(page, user.username, user.password);
    await expectScreen(page, '/new-password');
    const chosen = uniquePassword();
    await field.newPassword(page).fill(chosen);
    await field.confirmPassword(page).fill(chosen);
    await submitButton(page).click();
    await expectScreen(page, '/set-up-authenticator');
    const secret = await shownKey(page);
    await visit('set-up-authenticator');

    await submitWrongCode(page, await wrongAuthenticatorCode(secret));
    await visit('set-up-authenticator-code-error');

    await page.clock.fastForward('02:01');
    await expect(page.locator('main .challenge-timer--warning [aria-live]')).not.toBeEmpty();
    await visit('set-up-authenticator-warning');

    await page.clock.fastForward('01:00');
    await expectScreen(page, '/sign-in');
    await expect(screenNotice(page)).toBeVisible();
    await visit('sign-in-notice-after-new-password');
  },

  /**
   * Signed in on the demo pool with an unverified email address: the account with its warning and two-step
   * summary, the two-step page, adding an authenticator (key, wrong code, done), and verifying the email
   * (before sending, code sent, wrong code).
   */
  async twoStepSettings({ page, makeUser, outbox, visit }: TourContext): Promise<void> {
    const user = await makeUser({ emailVerified: false });
    await page.goto('/sign-in');
    await expectScreen(page, '/sign-in');
    await signInAs(page, user.username, user.password);
    await expectScreen(page, '/account');
    await expect(linkTo(page, '/account/verify-contact?attribute=email')).toBeVisible();
    await visit('account-unverified-email');

    await linkTo(page, '/account/two-step-verification').click();
    await expectScreen(page, '/account/two-step-verification');
    await expect(page.locator('main input[type="checkbox"]').first()).toBeVisible();
    await visit('two-step');

    await linkTo(page, '/account/two-step-verification/authenticator').click();
    await expectScreen(page, '/account/two-step-verification/authenticator');
    const secret = await shownKey(page);
    await visit('add-authenticator');

    await submitWrongCode(page, await wrongAuthenticatorCode(secret));
    await visit('add-authenticator-code-error');

    await field.code(page).fill(await authenticatorCode(secret));
    await submitButton(page).click();
    await expectScreen(page, '/account/two-step-verification');
    // The settings loaded (the loading status gone), with the notice of what changed.
    await expect(page.locator('main input[type="checkbox"]:checked')).toHaveCount(1);
    await expect(screenNotice(page)).toBeVisible();
    await visit('two-step-notice');

    await linkTo(page, '/account/verify-contact?attribute=email').click();
    await expectScreen(page, '/account/verify-contact');
    await visit('verify-contact');

    await page.locator('main form button[type="button"]').click();
    await expect(field.code(page)).toBeFocused();
    await expect(screenNotice(page)).toBeVisible();
    const code = await outbox.latestCode(user.username, 'GetUserAttributeVerificationCode');
    await visit('verify-contact-code-sent');

    await submitWrongCode(page, otherCode(code));
    await expect(formAlert(page)).toHaveCount(0);
    await visit('verify-contact-code-error');
  },
} satisfies Record<string, (context: TourContext) => Promise<void>>;

/** Every tour: the screens before MFA (a11y-helpers.ts) and these. */
export const allTours = { ...tours, ...mfaTours };
export type AnyTourName = keyof typeof allTours;
export const ALL_TOUR_NAMES = Object.keys(allTours) as AnyTourName[];
