import { COLOR_SCHEMES, LANGUAGES, chooseLanguage, settleTransitions } from './a11y-helpers';
import { ALL_TOUR_NAMES, allTours } from './a11y-tours-mfa';
import { expect, test } from './fixtures';

/**
 * Pictures of every screen and state, light and dark, one set per language, for a reviewer to look at:
 * screenshots/<language>/<light|dark|narrow>/<state>.png (the folder is ignored by git; narrow is 320 px wide).
 */
for (const language of LANGUAGES) {
  test.describe(`screenshots (${language})`, () => {
    for (const tourName of ALL_TOUR_NAMES) {
      test(`${tourName}`, async ({ page, makeUser, outbox, admin }) => {
        await chooseLanguage(page, language);
        const taken: string[] = [];
        await allTours[tourName]({
          page,
          makeUser,
          outbox,
          admin,
          visit: async (state) => {
            for (const colorScheme of COLOR_SCHEMES) {
              await page.emulateMedia({ colorScheme });
              await settleTransitions(page);
              const path = `screenshots/${language}/${colorScheme}/${state}.png`;
              await page.screenshot({ path, fullPage: true, animations: 'disabled', caret: 'hide' });
              taken.push(path);
            }
            await page.emulateMedia({ colorScheme: null });
            // And as on a small phone (320 px, also what 1280 px at 400 % zoom leaves), in the light scheme.
            const desktop = page.viewportSize();
            await page.setViewportSize({ width: 320, height: 640 });
            const narrowPath = `screenshots/${language}/narrow/${state}.png`;
            await page.screenshot({ path: narrowPath, fullPage: true, animations: 'disabled', caret: 'hide' });
            taken.push(narrowPath);
            if (desktop) await page.setViewportSize(desktop);
          },
        });
        expect(taken.length).toBeGreaterThan(0);
      });
    }
  });
}
