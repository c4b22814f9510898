import type { Page } from '@playwright/test';
import {
  COLOR_SCHEMES,
  LANGUAGES,
  announcements,
  axeFindings,
  chooseLanguage,
  expectScreen,
  field,
  horizontalOverflow,
  inputLabelProblems,
  recordAnnouncements,
  screenNotice,
  settleTransitions,
  submitButton,
} from './a11y-helpers';
import { ALL_TOUR_NAMES, allTours } from './a11y-tours-mfa';
import { expect, test, uniquePassword } from './fixtures';

const DESKTOP = { width: 1280, height: 720 };
/** 1280 px at 200 % zoom, and the 320 px of WCAG 1.4.10 (Reflow, 1280 px at 400 %). */
const NARROW_WIDTHS = [640, 320];

/**
 * Checks one state: axe's WCAG A/AA rules in the light and the dark scheme, every input labelled and every
 * invalid one described by its message, and no horizontal scrolling or cut-off control at 200 % zoom and at
 * 320 px. Soft assertions, so one run lists every problem of a tour.
 */
async function checkState(page: Page, label: string): Promise<number> {
  let checks = 0;
  for (const colorScheme of COLOR_SCHEMES) {
    await page.emulateMedia({ colorScheme });
    await settleTransitions(page);
    expect.soft(await axeFindings(page), `axe: ${label}, ${colorScheme}`).toEqual([]);
    checks += 1;
  }
  await page.emulateMedia({ colorScheme: null });

  expect.soft(await inputLabelProblems(page), `labels and error descriptions: ${label}`).toEqual([]);

  for (const width of NARROW_WIDTHS) {
    await page.setViewportSize({ width, height: 640 });
    const overflow = await horizontalOverflow(page);
    expect.soft(overflow.scrollWidth, `no horizontal scroll at ${width} px: ${label}`).toBeLessThanOrEqual(overflow.clientWidth);
    expect.soft(overflow.outside, `nothing cut off at ${width} px: ${label}`).toEqual([]);
  }
  await page.setViewportSize(DESKTOP);
  return checks;
}

for (const language of LANGUAGES) {
  test.describe(`accessibility in ${language}`, () => {
    test.use({ viewport: DESKTOP });

    for (const tourName of ALL_TOUR_NAMES) {
      test(`${tourName}: every state passes axe (light and dark), labels, reflow`, async ({ page, makeUser, outbox, admin }) => {
        // Each state is checked eight ways (axe twice, labels, two widths): more than the default 30 s for a tour.
        test.setTimeout(90_000);
        await chooseLanguage(page, language);
        const states: string[] = [];
        let axeRuns = 0;
        await allTours[tourName]({
          page,
          makeUser,
          outbox,
          admin,
          visit: async (state) => {
            states.push(state);
            axeRuns += await checkState(page, `${language} ${state}`);
          },
        });
        const shownLanguage = await page.evaluate(() => document.documentElement.lang);
        test.info().annotations.push({
          type: 'axe',
          description: `${language} (page lang "${shownLanguage}"): ${states.length} states, ${axeRuns} axe runs: ${states.join(', ')}`,
        });
        expect(states.length).toBeGreaterThan(0);
      });
    }
  });
}

test.describe('motion', () => {
  /** Everything that moves: running animations, and animation or transition durations in computed styles. */
  async function motion(page: Page) {
    return page.evaluate(() => {
      const moving: string[] = [];
      for (const element of Array.from(document.querySelectorAll('*'))) {
        for (const pseudo of [null, '::before', '::after']) {
          const style = getComputedStyle(element, pseudo);
          const animated = style.animationName !== 'none' && style.animationDuration.split(',').some((d) => parseFloat(d) > 0);
          const transitioned = style.transitionDuration.split(',').some((d) => parseFloat(d) > 0);
          if (animated || transitioned) moving.push(`${element.tagName.toLowerCase()}.${element.className}${pseudo ?? ''}`);
        }
      }
      const running = document.getAnimations().filter((animation) => animation.playState === 'running').length;
      return { moving, running };
    });
  }

  /** The loading spinner appears only for a moment at start-up; an element with its class shows what the CSS does. */
  async function addSpinner(page: Page) {
    await page.evaluate(() => {
      const spinner = document.createElement('span');
      spinner.className = 'loading__spinner';
      document.querySelector('main')?.append(spinner);
    });
  }

  test.describe('with reduced motion asked for', () => {
    test.use({ reducedMotion: 'reduce' });

    test('nothing animates or transitions', async ({ page }) => {
      await page.goto('/sign-in');
      await expectScreen(page, '/sign-in');
      await addSpinner(page);
      await page.locator('main button[type="submit"]').hover();
      expect(await motion(page)).toEqual({ moving: [], running: 0 });
    });
  });

  test.describe('without that preference', () => {
    test.use({ reducedMotion: 'no-preference' });

    test('the same page does move, so the check above can see motion', async ({ page }) => {
      await page.goto('/sign-in');
      await expectScreen(page, '/sign-in');
      await addSpinner(page);
      const { moving, running } = await motion(page);
      expect(moving).toContain('span.loading__spinner');
      expect(moving).toContain('button.button button--primary');
      expect(running).toBeGreaterThan(0);
    });
  });
});

test.describe('the challenge countdown for screen readers', () => {
  test('speaks when the warning starts and when time is up, never on the ticks in between', async ({ page, makeUser }) => {
    const user = await makeUser({ setup: 'temporaryPassword', name: null });
    await recordAnnouncements(page);
    await page.clock.install();
    await page.goto('/sign-in');
    await expectScreen(page, '/sign-in');
    await field.username(page).fill(user.username);
    await field.currentPassword(page).fill(user.password);
    await submitButton(page).click();
    await expectScreen(page, '/new-password');
    const time = page.locator('main time');
    const before = await time.textContent();

    // Two minutes of ticking before the warning: the clock changes, nothing is said.
    await page.clock.runFor('01:00');
    await expect(time).not.toHaveText(before ?? '');
    await field.newPassword(page).fill(uniquePassword());
    expect(await announcements(page)).toEqual([]);

    // 59 s left: inside the 60-second warning. One assertive announcement.
    await page.clock.runFor('01:01');
    const warning = page.locator('main .challenge-timer--warning [aria-live="assertive"]');
    await expect(warning).toHaveText(/\S/);
    const warningText = ((await warning.textContent()) ?? '').trim();
    await expect.poll(() => announcements(page)).toEqual([{ text: warningText, politeness: 'assertive' }]);

    // Ticking on through the warning repeats nothing.
    const duringWarning = await time.textContent();
    await page.clock.runFor('00:20');
    await expect(time).not.toHaveText(duringWarning ?? '');
    expect(await announcements(page)).toHaveLength(1);

    // Time up: the user lands on sign-in, with focus on its heading; the reason is then spoken once, politely,
    // after the heading (the layout's announcer), and is the notice the screen shows.
    await page.clock.runFor('00:40');
    await expectScreen(page, '/sign-in');
    const noticeText = ((await screenNotice(page).textContent()) ?? '').trim();
    expect(noticeText).not.toBe('');
    await page.clock.runFor(1000);
    await expect.poll(() => announcements(page)).toEqual([
      { text: warningText, politeness: 'assertive' },
      { text: noticeText, politeness: 'polite' },
    ]);
  });
});
