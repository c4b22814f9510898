import type { Locator, Page } from '@playwright/test';
import { axeFindings } from './a11y-helpers';
import { heading, headings, openSignIn, passwordField, signIn, submitSignIn } from './app';
import { expect, test } from './fixtures';

/**
 * What a password manager reads from each form that sets a password: the fields of the one <form>, by their
 * autocomplete tokens, with the account's username among them, so that the new password is saved under its
 * account (Chromium's "Password Form Styles that Chromium Understands"). The username field is there for the
 * manager only: out of sight, out of the tab order, and no finding for axe.
 */

interface FormField {
  autocomplete: string;
  value: string;
  readOnly: boolean;
  tabIndex: number;
}

/** The form's inputs in document order, as a password manager walks `form.elements`. */
async function formFields(form: Locator): Promise<FormField[]> {
  return form.evaluate((element) =>
    Array.from((element as HTMLFormElement).elements)
      .filter((control): control is HTMLInputElement => control instanceof HTMLInputElement)
      .map((input) => ({ autocomplete: input.autocomplete, value: input.value, readOnly: input.readOnly, tabIndex: input.tabIndex })),
  );
}

/** The one form on the screen. */
function screenForm(page: Page): Locator {
  return page.getByRole('main').locator('form');
}

/** The username field is rendered, but not seen: a pixel wide, clipped away. */
async function expectOutOfSight(page: Page): Promise<void> {
  const username = screenForm(page).locator('input[autocomplete="username"]');
  const box = await username.boundingBox();
  expect(box, 'the username field is rendered').not.toBeNull();
  expect(box?.width).toBeLessThanOrEqual(1);
  await expect(username).toHaveCSS('clip-path', 'inset(50%)');
}

/** From the screen's heading (focused on arrival), Tab goes to `first`: the username field is skipped. */
async function expectTabSkipsUsername(page: Page, first: Locator): Promise<void> {
  await expect(page.getByRole('main').locator('h1')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(first).toBeFocused();
}

test.describe('password managers get the account with every new password', () => {
  test('first sign-in: username + new password + its confirmation', async ({ page, makeUser }) => {
    // A user with a name already: the form asks for nothing else.
    const user = await makeUser({ setup: 'temporaryPasswordFromSetPassword' });
    await openSignIn(page);
    await submitSignIn(page, user.username, user.password);
    await expect(heading(page, headings.newPassword)).toBeVisible();

    expect(await formFields(screenForm(page))).toEqual([
      { autocomplete: 'username', value: user.username, readOnly: true, tabIndex: -1 },
      { autocomplete: 'new-password', value: '', readOnly: false, tabIndex: 0 },
      { autocomplete: 'new-password', value: '', readOnly: false, tabIndex: 0 },
    ]);
    await expectOutOfSight(page);
    await expectTabSkipsUsername(page, passwordField(page, 'New password'));
    expect(await axeFindings(page)).toEqual([]);
  });

  test('forgot password: username + the code + new password + its confirmation', async ({ page, makeUser }) => {
    const user = await makeUser();
    await page.goto('/forgot-password');
    await page.getByLabel('Username', { exact: true }).fill(user.username);
    await page.getByRole('button', { name: 'Send code', exact: true }).click();
    await expect(heading(page, headings.resetPassword)).toBeVisible();

    expect(await formFields(screenForm(page))).toEqual([
      { autocomplete: 'username', value: user.username, readOnly: true, tabIndex: -1 },
      { autocomplete: 'one-time-code', value: '', readOnly: false, tabIndex: 0 },
      { autocomplete: 'new-password', value: '', readOnly: false, tabIndex: 0 },
      { autocomplete: 'new-password', value: '', readOnly: false, tabIndex: 0 },
    ]);
    await expectOutOfSight(page);
    await expectTabSkipsUsername(page, page.getByLabel('Code', { exact: true }));
    expect(await axeFindings(page)).toEqual([]);
  });

  test('change password: username + current password + new password + its confirmation', async ({ page, makeUser }) => {
    const user = await makeUser();
    await signIn(page, user);
    await page.getByRole('link', { name: 'Change password' }).click();
    await expect(heading(page, headings.changePassword)).toBeVisible();

    expect(await formFields(screenForm(page))).toEqual([
      { autocomplete: 'username', value: user.username, readOnly: true, tabIndex: -1 },
      { autocomplete: 'current-password', value: '', readOnly: false, tabIndex: 0 },
      { autocomplete: 'new-password', value: '', readOnly: false, tabIndex: 0 },
      { autocomplete: 'new-password', value: '', readOnly: false, tabIndex: 0 },
    ]);
    await expectOutOfSight(page);
    await expectTabSkipsUsername(page, passwordField(page, 'Current password'));
    expect(await axeFindings(page)).toEqual([]);
  });
});
