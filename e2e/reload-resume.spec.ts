import { fillNewPassword, heading, headings, notice, openSignIn, secondsLeft, submitSignIn } from './app';
import { adminGetUser, enableCodeMfa, expect, test, uniquePassword } from './fixtures';
import { MFA_CODE_KIND, mfaHeadings, mfaNotices, storedText, uniquePhoneNumber, verificationCodeField } from './mfa-helpers';

test.describe('reloading during the new-password challenge', () => {
  test('a reload inside the lifetime keeps the challenge and the time left, and completing it works', async ({
    page,
    makeUser,
    admin,
  }) => {
    const user = await makeUser({ setup: 'temporaryPassword', name: null });
    await page.clock.install();
    await openSignIn(page);
    await submitSignIn(page, user.username, user.password);
    await expect(heading(page, headings.newPassword)).toBeVisible();

    // A minute in, so a countdown that restarted on reload would show.
    await page.clock.fastForward('01:00');
    await expect.poll(() => secondsLeft(page)).toBeLessThanOrEqual(120);
    const beforeReload = await secondsLeft(page);

    await page.reload();
    await expect(heading(page, headings.newPassword)).toBeVisible();
    const afterReload = await secondsLeft(page);
    expect(afterReload).toBeLessThanOrEqual(beforeReload);
    expect(afterReload).toBeGreaterThan(beforeReload - 15);
    // The required attribute is still asked for.
    await expect(page.getByLabel('Full name', { exact: true })).toBeVisible();
    // Security: what survives the reload is the session handle, never a password.
    const saved = await page.evaluate(() => Object.values(sessionStorage).join('\n'));
    expect(saved).not.toContain(user.password);

    const newPassword = uniquePassword();
    await fillNewPassword(page, newPassword);
    await page.getByLabel('Full name', { exact: true }).fill('Alan Turing');
    await page.getByRole('button', { name: 'Save password', exact: true }).click();
    await expect(heading(page, headings.account)).toBeVisible();
    expect((await adminGetUser(admin, user.username)).status).toBe('CONFIRMED');
  });

  test('coming back after the lifetime leads to sign-in with the username and the expiry notice', async ({ page, makeUser }) => {
    const user = await makeUser({ setup: 'temporaryPassword', name: null });
    await page.clock.install();
    await openSignIn(page);
    await submitSignIn(page, user.username, user.password);
    await expect(heading(page, headings.newPassword)).toBeVisible();

    // Leave the challenge screen (so no countdown of the page itself ends it), let the lifetime pass, come back.
    await page.goto('/somewhere-else');
    await expect(heading(page, 'Page not found')).toBeVisible();
    await page.clock.fastForward('03:01');
    await page.goto('/new-password');

    await expect(heading(page, headings.signIn)).toBeVisible();
    await expect(notice(page)).toHaveText('Your time to choose a new password ran out. Sign in again with your temporary password.');
    await expect(page.getByLabel('Username', { exact: true })).toHaveValue(user.username);
  });
});

test.describe('reloading during the second step of sign-in', () => {
  test('a reload on the text-message code screen brings it back with where the code went and the time left; the code sent still works', async ({
    page,
    makeUser,
    admin,
    outbox,
  }) => {
    const phoneNumber = uniquePhoneNumber();
    const user = await makeUser({ phoneNumber });
    await enableCodeMfa(admin, user, { sms: true, preferred: 'sms' });
    await page.clock.install();
    await openSignIn(page);
    await submitSignIn(page, user.username, user.password);
    await expect(heading(page, mfaHeadings.code)).toBeVisible();
    const sentTo = page.getByText(`We sent a code by text message to +${'*'.repeat(phoneNumber.length - 5)}${phoneNumber.slice(-4)}.`);
    await expect(sentTo).toBeVisible();
    const message = await outbox.latest(user.username, MFA_CODE_KIND);

    await page.clock.fastForward('01:00');
    await expect.poll(() => secondsLeft(page)).toBeLessThanOrEqual(120);
    const beforeReload = await secondsLeft(page);

    await page.reload();
    await expect(heading(page, mfaHeadings.code)).toBeVisible();
    await expect(page).toHaveURL(/\/verify-code$/);
    await expect(sentTo).toBeVisible();
    const afterReload = await secondsLeft(page);
    expect(afterReload).toBeLessThanOrEqual(beforeReload);
    expect(afterReload).toBeGreaterThan(beforeReload - 15);
    // Still the way to a new code, for a message that never came.
    await expect(page.getByRole('button', { name: 'Sign in again to get a new code', exact: true })).toBeVisible();
    // A reload sends no second message: the code already sent is the one to enter.
    expect((await outbox.all()).filter((sent) => sent.username === user.username && sent.kind === MFA_CODE_KIND)).toHaveLength(1);
    // Security: what survives the reload is the session handle, never the password or the code.
    const saved = await storedText(page);
    expect(saved).not.toContain(user.password);
    expect(saved).not.toContain(message.code ?? '');

    await verificationCodeField(page).fill(message.code ?? '');
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await expect(heading(page, headings.account)).toBeVisible();
  });

  test('coming back to the code screen after its lifetime leads to sign-in with the username and the expiry notice', async ({
    page,
    makeUser,
    admin,
  }) => {
    const user = await makeUser();
    await enableCodeMfa(admin, user, { email: true, preferred: 'email' });
    await page.clock.install();
    await openSignIn(page);
    await submitSignIn(page, user.username, user.password);
    await expect(heading(page, mfaHeadings.code)).toBeVisible();

    await page.goto('/somewhere-else');
    await expect(heading(page, 'Page not found')).toBeVisible();
    await page.clock.fastForward('03:01');
    await page.goto('/verify-code');

    await expect(heading(page, headings.signIn)).toBeVisible();
    await expect(notice(page)).toHaveText(mfaNotices.expired);
    await expect(page.getByLabel('Username', { exact: true })).toHaveValue(user.username);
  });
});
