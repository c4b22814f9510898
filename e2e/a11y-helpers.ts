import AxeBuilder from '@axe-core/playwright';
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { expect, type Locator, type Page } from '@playwright/test';
import type { MakeUser, Outbox } from './fixtures';
import { uniquePassword } from './fixtures';

/**
 * The app in every language, found without reading its words: fields by their autocomplete tokens and names,
 * screens by their paths and focused headings. So one tour of the screens runs in English, Japanese and
 * Chinese alike (a missing catalog falls back to English and the tour still runs).
 */

export const LANGUAGES = ['en', 'ja', 'zh-CN'] as const;
export type LanguageChoice = (typeof LANGUAGES)[number];

/** The user's remembered choice, set before the app's first script runs (the switcher writes the same key). */
export async function chooseLanguage(page: Page, language: LanguageChoice): Promise<void> {
  await page.addInitScript((choice) => window.localStorage.setItem('language', choice), language);
}

/** The WCAG 2.0–2.2 A and AA rules. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export const COLOR_SCHEMES = ['light', 'dark'] as const;

export const field = {
  username: (page: Page) => page.locator('main input[autocomplete="username"]'),
  currentPassword: (page: Page) => page.locator('main input[autocomplete="current-password"]'),
  newPassword: (page: Page) => page.locator('main input[autocomplete="new-password"]').nth(0),
  confirmPassword: (page: Page) => page.locator('main input[autocomplete="new-password"]').nth(1),
  code: (page: Page) => page.locator('main input[autocomplete="one-time-code"]'),
  attribute: (page: Page, name: string) => page.locator(`main input[name="attributes.${name}"]`),
};

export function submitButton(page: Page): Locator {
  return page.locator('main button[type="submit"]');
}

export function linkTo(page: Page, path: string): Locator {
  return page.locator(`main a[href="${path}"]`);
}

/** The form's error region (role="alert"), once it says something. */
export function formAlert(page: Page): Locator {
  return page.locator('main [role="alert"]:not(:empty)');
}

/** The screen's notice (role="status"), once it says something. */
export function screenNotice(page: Page): Locator {
  return page.locator('main [role="status"]:not(:empty)');
}

/** Waits until the app shows the screen at `path`, with its heading focused as after every route change. */
export async function expectScreen(page: Page, path: string): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`${path.replace(/[/-]/g, '\\$&')}(\\?.*)?$`));
  await expect(page.locator('main h1')).toBeFocused();
}

/** CSS transitions still running (a colour scheme switch starts some): wait them out before measuring colours. */
export async function settleTransitions(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation instanceof CSSTransition)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
}

export interface AxeFinding {
  rule: string;
  impact: string | null | undefined;
  targets: string[];
  summary: string;
}

/** Runs axe with the WCAG A/AA rules and returns what it found, short enough to read in a failure message. */
export async function axeFindings(page: Page): Promise<AxeFinding[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    targets: violation.nodes.map((node) => node.target.join(' ')),
    summary: violation.nodes[0]?.failureSummary ?? violation.help,
  }));
}

/** What one tour does at each state it reaches: check it, photograph it, … */
export type StateVisitor = (state: string) => Promise<void>;

export interface TourContext {
  page: Page;
  makeUser: MakeUser;
  outbox: Outbox;
  /** The administrator's client, for a user's second-step settings (e2e/fixtures.ts: enableCodeMfa, enrollAuthenticator). */
  admin: CognitoIdentityProviderClient;
  visit: StateVisitor;
}

export async function signInAs(page: Page, username: string, password: string): Promise<void> {
  await field.username(page).fill(username);
  await field.currentPassword(page).fill(password);
  await submitButton(page).click();
}

/** A deployment's branding, as README's "Theming" describes it: a theme.css and a logo served next to the app. */
export const DEMO_THEME_CSS = `
:root { --color-brand: #6b2fa3; --color-on-brand: #ffffff; --radius: 4px; }
@media (prefers-color-scheme: dark) { :root { --color-brand: #d2b2f2; --color-on-brand: #26103b; } }
`;
const DEMO_LOGO_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><rect width="40" height="40" rx="9" fill="#6b2fa3"/>' +
  '<circle cx="20" cy="20" r="9" fill="none" stroke="#fff" stroke-width="5"/></svg>';

/**
 * The tours: each reaches a set of the app's states through the real flows against the local pool, and calls
 * `visit` at each. Together they cover every screen and every state a user can see.
 */
export const tours = {
  /** Sign-in empty, with field errors, with a form error, with the password shown. */
  async signIn({ page, visit }: TourContext): Promise<void> {
    await page.goto('/sign-in');
    await expectScreen(page, '/sign-in');
    await visit('sign-in');

    await submitButton(page).click();
    await expect(field.username(page)).toHaveAttribute('aria-invalid', 'true');
    await expect(field.currentPassword(page)).toHaveAttribute('aria-invalid', 'true');
    await visit('sign-in-field-errors');

    await signInAs(page, 'nobody.at.all', 'Wrong-Passw0rd!');
    await expect(formAlert(page)).toBeVisible();
    await visit('sign-in-form-error');

    await field.currentPassword(page).fill('Shown-Passw0rd!');
    await page.locator('main .field__toggle').click();
    await expect(field.currentPassword(page)).toHaveAttribute('type', 'text');
    await visit('sign-in-password-shown');
  },

  /** The page for an unknown address, and the page that says the runtime config is wrong. */
  async errorPages({ page, visit }: TourContext): Promise<void> {
    await page.goto('/no/such/page');
    await expectScreen(page, '/no/such/page');
    await visit('not-found');

    await page.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: '{"region": "us-east-1",' }));
    await page.goto('/sign-in');
    await expect(page.locator('main h1')).toBeVisible();
    await expect(page.locator('main [role="alert"]')).not.toBeEmpty();
    await visit('config-not-json');

    await page.unroute('**/config.json');
    await page.route('**/config.json', (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify({ region: 'eu-west-1', userPoolId: 'us-east-1_LocalDemo', endPoint: 'x' }) }),
    );
    await page.goto('/sign-in');
    await expect(page.locator('main li').first()).toBeVisible();
    await visit('config-invalid');
    await page.unroute('**/config.json');
  },

  /** A branded deployment: its product name, its logo and its theme (brand colours, radius) in both schemes. */
  async branded({ page, visit }: TourContext): Promise<void> {
    await page.route('**/config.json', async (route) => {
      const response = await route.fetch();
      const config = (await response.json()) as Record<string, unknown>;
      await route.fulfill({ response, json: { ...config, productName: 'Contoso ID', logoUrl: '/brand/logo.svg' } });
    });
    await page.route('**/brand/logo.svg', (route) => route.fulfill({ contentType: 'image/svg+xml', body: DEMO_LOGO_SVG }));
    await page.route('**/theme.css', (route) => route.fulfill({ contentType: 'text/css', body: DEMO_THEME_CSS }));
    await page.goto('/sign-in');
    await expectScreen(page, '/sign-in');

    await expect(page).toHaveTitle(/ – Contoso ID$/);
    await expect(page.locator('header')).toContainText('Contoso ID');
    const logo = page.locator('header img');
    await expect(logo).toHaveAttribute('alt', '');
    await expect.poll(() => logo.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);
    // The theme's custom properties win over the app's defaults, in each scheme.
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(submitButton(page)).toHaveCSS('background-color', 'rgb(107, 47, 163)');
    await expect(submitButton(page)).toHaveCSS('border-radius', '4px');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(submitButton(page)).toHaveCSS('background-color', 'rgb(210, 178, 242)');
    await expect(submitButton(page)).toHaveCSS('color', 'rgb(38, 16, 59)');
    await page.emulateMedia({ colorScheme: null });
    await visit('branded-sign-in');

    await submitButton(page).click();
    await expect(field.username(page)).toHaveAttribute('aria-invalid', 'true');
    await visit('branded-sign-in-errors');
  },

  /**
   * First sign-in with a temporary password: the new-password screen fresh, with errors, in the warning, and sign-in
   * with the notice that time ran out. The browser's clock is installed before the challenge so it can be moved on.
   */
  async firstSignIn({ page, makeUser, visit }: TourContext): Promise<void> {
    const user = await makeUser({ setup: 'temporaryPassword', name: null });
    await page.clock.install();
    await page.goto('/sign-in');
    await expectScreen(page, '/sign-in');
    await signInAs(page, user.username, user.password);
    await expectScreen(page, '/new-password');
    await visit('new-password');

    await submitButton(page).click();
    await expect(field.newPassword(page)).toHaveAttribute('aria-invalid', 'true');
    await expect(field.attribute(page, 'name')).toHaveAttribute('aria-invalid', 'true');
    await field.newPassword(page).fill('short');
    await visit('new-password-errors');

    // 2:01 of the 3:00 gone: inside the 60-second warning.
    await page.clock.fastForward('02:01');
    await expect(page.locator('main .challenge-timer--warning [aria-live]')).not.toBeEmpty();
    await visit('new-password-warning');

    await page.clock.fastForward('01:00');
    await expectScreen(page, '/sign-in');
    await expect(screenNotice(page)).toBeVisible();
    await visit('sign-in-notice');
  },

  /** Forgot password empty and with an error; reset password with the delivery, with a code error, then done. */
  async forgotAndResetPassword({ page, makeUser, outbox, visit }: TourContext): Promise<void> {
    const user = await makeUser();
    await page.goto('/forgot-password');
    await expectScreen(page, '/forgot-password');
    await visit('forgot-password');

    await submitButton(page).click();
    await expect(field.username(page)).toHaveAttribute('aria-invalid', 'true');
    await visit('forgot-password-error');

    await field.username(page).fill(user.username);
    await submitButton(page).click();
    await expectScreen(page, '/reset-password');
    const code = await outbox.latestCode(user.username, 'ForgotPassword');
    await visit('reset-password');

    const newPassword = uniquePassword();
    // A code that is not the one sent: Cognito refuses it and the form marks the code field.
    await field.code(page).fill(code === '000000' ? '111111' : '000000');
    await field.newPassword(page).fill(newPassword);
    await field.confirmPassword(page).fill(newPassword);
    await submitButton(page).click();
    await expect(field.code(page)).toHaveAttribute('aria-invalid', 'true');
    await visit('reset-password-code-error');

    await field.code(page).fill(code);
    await field.newPassword(page).fill(newPassword);
    await field.confirmPassword(page).fill(newPassword);
    await submitButton(page).click();
    await expectScreen(page, '/sign-in');
    await expect(screenNotice(page)).toBeVisible();
    await visit('sign-in-after-reset');
  },

  /** The account (plain and with a notice), change password with errors, and sign-out. */
  async accountAndChangePassword({ page, makeUser, visit }: TourContext): Promise<void> {
    const user = await makeUser();
    await page.goto('/sign-in');
    await expectScreen(page, '/sign-in');
    await signInAs(page, user.username, user.password);
    await expectScreen(page, '/account');
    await visit('account');

    await linkTo(page, '/account/change-password').click();
    await expectScreen(page, '/account/change-password');
    await visit('change-password');

    await submitButton(page).click();
    await expect(field.currentPassword(page)).toHaveAttribute('aria-invalid', 'true');
    await expect(field.newPassword(page)).toHaveAttribute('aria-invalid', 'true');
    await visit('change-password-field-errors');

    const newPassword = uniquePassword();
    await field.currentPassword(page).fill('Not-The-Passw0rd!');
    await field.newPassword(page).fill(newPassword);
    await field.confirmPassword(page).fill(newPassword);
    await submitButton(page).click();
    await expect(page.locator('main [aria-invalid="true"], main [role="alert"]:not(:empty)').first()).toBeVisible();
    await visit('change-password-wrong-current');

    await field.currentPassword(page).fill(user.password);
    await field.newPassword(page).fill(newPassword);
    await field.confirmPassword(page).fill(newPassword);
    await submitButton(page).click();
    await expectScreen(page, '/account');
    await expect(screenNotice(page)).toBeVisible();
    await visit('account-notice');

    await page.locator('main .actions button').first().click();
    await expectScreen(page, '/sign-in');
    await expect(screenNotice(page)).toBeVisible();
    await visit('sign-in-signed-out');
  },
} satisfies Record<string, (context: TourContext) => Promise<void>>;

export type TourName = keyof typeof tours;

/** Horizontal overflow at the current viewport, and any control that sticks out of it (WCAG 1.4.10 Reflow). */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number; outside: string[] }> {
  return page.evaluate(() => {
    const scroller = document.scrollingElement ?? document.documentElement;
    const width = scroller.clientWidth;
    const outside = Array.from(document.querySelectorAll<HTMLElement>('input, button, a, select, h1, p, li, dd, dt, label'))
      .filter((element) => element.getClientRects().length > 0)
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.left < -0.5 || box.right > width + 0.5;
      })
      .map((element) => `${element.tagName.toLowerCase()}: ${(element.textContent ?? '').trim().slice(0, 40)}`);
    return { scrollWidth: scroller.scrollWidth, clientWidth: width, outside };
  });
}

/**
 * Every input has a name, and every input marked invalid is described by a visible message with text
 * (aria-describedby), so a screen reader reads the error when the field takes focus.
 */
export async function inputLabelProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    for (const input of Array.from(document.querySelectorAll<HTMLInputElement>('main input'))) {
      // Not for people: the username kept for password managers (src/ui/hidden-username-field.tsx) is outside
      // the accessibility tree and the tab order, so it has no label to give.
      if (input.getAttribute('aria-hidden') === 'true' && input.tabIndex < 0) continue;
      const labels = Array.from(input.labels ?? []).map((label) => (label.textContent ?? '').trim()).filter(Boolean);
      const id = input.id || input.name;
      if (labels.length !== 1) problems.push(`${id}: ${labels.length} labels`);
      if (input.getAttribute('aria-invalid') !== 'true') continue;
      const described = (input.getAttribute('aria-describedby') ?? '')
        .split(/\s+/)
        .filter(Boolean)
        .map((describedId) => document.getElementById(describedId));
      const errorShown = described.some(
        (element) => element !== null && element.getClientRects().length > 0 && (element.textContent ?? '').trim() !== '',
      );
      if (!errorShown) problems.push(`${id}: invalid, but no visible message describes it`);
    }
    return problems;
  });
}

export interface Announcement {
  text: string;
  politeness: string;
}

/**
 * Records what a screen reader would announce: text that appears in a live region that already existed
 * (a region created with its text is not announced, so it is not recorded either). Installed before the
 * app's scripts run; read with `announcements(page)`.
 */
export async function recordAnnouncements(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const recorded: { text: string; politeness: string }[] = [];
    Object.defineProperty(window, '__announcements', { value: recorded });
    const known = new WeakMap<Element, string>();
    const selector = '[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"], [role="log"]';
    const scan = () => {
      for (const region of Array.from(document.querySelectorAll(selector))) {
        const text = (region.textContent ?? '').trim();
        const before = known.get(region);
        known.set(region, text);
        if (before === undefined || before === text || text === '') continue;
        const role = region.getAttribute('role');
        const politeness = region.getAttribute('aria-live') ?? (role === 'alert' ? 'assertive' : 'polite');
        recorded.push({ text, politeness });
      }
    };
    new MutationObserver(scan).observe(document, { subtree: true, childList: true, characterData: true });
  });
}

export async function announcements(page: Page): Promise<Announcement[]> {
  return page.evaluate(() => (window as unknown as { __announcements: Announcement[] }).__announcements);
}
