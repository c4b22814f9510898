import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';

/**
 * Timings in headless Chromium, as a mid-range phone would see them: the CPU slowed 4× through the
 * DevTools protocol, and every load cold (a new browser context, and the HTTP cache switched off).
 * Everything is measured inside the page, from the page's own clock, so the harness's latency does not count.
 */

export const CPU_THROTTLE_RATE = 4;

const SYSTEM_CHROMIUM = '/usr/bin/chromium';
/** The same flags as playwright.config.ts gives the browser tests. */
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch(
    existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM, args: CHROMIUM_FLAGS } : { args: CHROMIUM_FLAGS },
  );
}

/** What the in-page probes leave on `window` for the harness to read. */
interface BenchWindow {
  __benchInputVisible?: number;
  __benchPending?: { clickAt: number | null; changedAt: number | null; paintedAt: number | null };
  __benchLongTasks?: { start: number; duration: number }[];
  __benchSignedIn?: { clickAt: number | null; shownAt: number | null };
}

/** A fresh context and page, throttled and with the cache off, before anything is requested. */
async function coldPage(browser: Browser): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE_RATE });
  return { page, close: () => context.close() };
}

/**
 * Installed before the page's own scripts: watches the DOM until the first input of a form is in it and
 * visible, then records the time of the frame that shows it (the animation frame runs just before the paint;
 * a message posted from it is handled just after).
 */
function probeInputVisible(selector: string): void {
  // No named inner functions here or in the page.evaluate bodies below: tsx (esbuild keepNames) would wrap
  // them in a `__name()` helper that does not exist inside the page.
  const target = window as unknown as BenchWindow;
  const observer = new MutationObserver(() => {
    const input = document.querySelector(selector);
    if (!input || !input.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        target.__benchInputVisible = performance.now();
      };
      channel.port2.postMessage(null);
    });
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
}

export interface InputVisibleResult {
  /** Milliseconds from navigation start to the frame that showed the input. */
  ms: number;
  /** JS and CSS the page requested before that frame (paths, from Resource Timing). */
  assetsBefore: string[];
  /** When the page asked for /config.json, from navigation start; null for a page that never does. */
  configRequestedMs: number | null;
}

export async function measureInputVisible(browser: Browser, url: string, selector = 'form input'): Promise<InputVisibleResult> {
  const { page, close } = await coldPage(browser);
  try {
    await page.addInitScript(probeInputVisible, selector);
    await page.goto(url);
    // Polling on a timer, not on animation frames, so the wait itself adds no work to the page's frames.
    await page.waitForFunction(() => (window as unknown as BenchWindow).__benchInputVisible !== undefined, null, {
      polling: 100,
      timeout: 30_000,
    });
    return await page.evaluate(() => {
      const ms = (window as unknown as BenchWindow).__benchInputVisible ?? Number.NaN;
      const resources = performance.getEntriesByType('resource');
      const assetsBefore = resources
        .filter((entry) => entry.startTime <= ms)
        .map((entry) => new URL(entry.name).pathname)
        .filter((path) => /\.(m?js|css)$/.test(path));
      const config = resources.find((entry) => new URL(entry.name).pathname.endsWith('/config.json'));
      return { ms, assetsBefore, configRequestedMs: config ? config.startTime : null };
    });
  } finally {
    await close();
  }
}

export interface PendingResult {
  /** From the click to the frame that paints the pending state. */
  ms: number;
  /** From the click to the DOM change (the rest is waiting for the frame). */
  domMs: number;
}

export type PendingScenario =
  /** The user waited a moment: the page has been idle, so anything prefetched on idle is in. */
  | 'afterIdle'
  /** The user types and clicks the moment the form appears. */
  | 'atFirstPaint';

/**
 * From the click on the submit button to the frame that paints its pending state (aria-busy, or a
 * changed label), at the page's clock: the click's own event timestamp, then a MutationObserver on the
 * form and an animation frame to reach the paint.
 */
export async function measurePendingPaint(
  browser: Browser,
  url: string,
  credentials: { username: string; password: string },
  scenario: PendingScenario,
): Promise<PendingResult> {
  const { page, close } = await coldPage(browser);
  try {
    await page.addInitScript(probeInputVisible, 'main form input');
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as BenchWindow).__benchInputVisible !== undefined, null, {
      polling: 100,
      timeout: 30_000,
    });
    if (scenario === 'afterIdle') {
      await page.waitForLoadState('networkidle');
      await page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => resolve())));
    }
    await page.locator('main form input[autocomplete="username"]').fill(credentials.username);
    await page.locator('main form input[autocomplete="current-password"]').fill(credentials.password);
    await page.evaluate(() => {
      const form = document.querySelector('main form');
      const button = form?.querySelector('button[type="submit"]');
      if (!form || !button) throw new Error('The sign-in form has no submit button.');
      const idleLabel = button.textContent;
      const result: NonNullable<BenchWindow['__benchPending']> = { clickAt: null, changedAt: null, paintedAt: null };
      (window as unknown as BenchWindow).__benchPending = result;
      document.addEventListener(
        'click',
        (event) => {
          if (event.target instanceof Node && button.contains(event.target)) result.clickAt = event.timeStamp;
        },
        { capture: true, once: true },
      );
      const observer = new MutationObserver(() => {
        const current = form.querySelector('button[type="submit"]');
        const pending = current?.getAttribute('aria-busy') === 'true' || (current !== null && current.textContent !== idleLabel);
        if (!pending) return;
        observer.disconnect();
        result.changedAt = performance.now();
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            result.paintedAt = performance.now();
          };
          channel.port2.postMessage(null);
        });
      });
      observer.observe(form, { attributes: true, childList: true, characterData: true, subtree: true });
    });
    await page.locator('main form button[type="submit"]').click();
    await page.waitForFunction(() => (window as unknown as BenchWindow).__benchPending?.paintedAt != null, null, {
      polling: 50,
      timeout: 30_000,
    });
    const { clickAt, changedAt, paintedAt } = await page.evaluate(
      () => (window as unknown as BenchWindow).__benchPending ?? { clickAt: null, changedAt: null, paintedAt: null },
    );
    if (clickAt === null || changedAt === null || paintedAt === null) throw new Error('The click or the pending paint was not seen.');
    return { ms: paintedAt - clickAt, domMs: changedAt - clickAt };
  } finally {
    await close();
  }
}

/** A sign-in page as the click → signed-in measurement drives it. */
export interface SignInPage {
  url: string;
  /** The first input of the form, for "input visible". */
  inputSelector: string;
  usernameSelector: string;
  passwordSelector: string;
  submitSelector: string;
  /** What shows once signed in, and (for an app with routes) the path it shows at. */
  signedInSelector: string;
  signedInPath?: string;
}

export interface SignedInResult {
  /** From the sign-in click to the frame that shows the signed-in page. */
  ms: number;
  /** The longest main-thread task (Long Tasks API, 50 ms and up) between the click and that frame; 0 if none. */
  longestTaskMs: number;
}

/** Installed before the page's scripts: every long task of the page, for the harness to read. */
function probeLongTasks(): void {
  const target = window as unknown as BenchWindow;
  target.__benchLongTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) target.__benchLongTasks?.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/**
 * The whole sign-in as a user waits through it: the page loaded cold and left idle (so what it prefetches on
 * idle is in), the credentials typed, then from the click on submit to the frame that shows the signed-in
 * page, against the local pool. The longest task in between is what the page froze for (the SRP maths).
 */
export async function measureSignedIn(
  browser: Browser,
  target: SignInPage,
  credentials: { username: string; password: string },
): Promise<SignedInResult> {
  const { page, close } = await coldPage(browser);
  try {
    await page.addInitScript(probeInputVisible, target.inputSelector);
    await page.addInitScript(probeLongTasks);
    await page.goto(target.url);
    await page.waitForFunction(() => (window as unknown as BenchWindow).__benchInputVisible !== undefined, null, {
      polling: 100,
      timeout: 30_000,
    });
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => resolve())));
    await page.locator(target.usernameSelector).fill(credentials.username);
    await page.locator(target.passwordSelector).fill(credentials.password);
    await page.evaluate(
      ({ submitSelector, signedInSelector, signedInPath }) => {
        const button = document.querySelector(submitSelector);
        if (!button) throw new Error('The sign-in form has no submit button.');
        const result: NonNullable<BenchWindow['__benchSignedIn']> = { clickAt: null, shownAt: null };
        (window as unknown as BenchWindow).__benchSignedIn = result;
        document.addEventListener(
          'click',
          (event) => {
            if (event.target instanceof Node && button.contains(event.target)) result.clickAt = event.timeStamp;
          },
          { capture: true, once: true },
        );
        const observer = new MutationObserver(() => {
          if (signedInPath !== undefined && location.pathname !== signedInPath) return;
          const shown = document.querySelector(signedInSelector);
          if (!shown || !shown.checkVisibility()) return;
          observer.disconnect();
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => {
              result.shownAt = performance.now();
            };
            channel.port2.postMessage(null);
          });
        });
        observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
      },
      { submitSelector: target.submitSelector, signedInSelector: target.signedInSelector, signedInPath: target.signedInPath },
    );
    await page.locator(target.submitSelector).click();
    await page.waitForFunction(() => (window as unknown as BenchWindow).__benchSignedIn?.shownAt != null, null, {
      polling: 100,
      timeout: 60_000,
    });
    return await page.evaluate(() => {
      const target = window as unknown as BenchWindow;
      const { clickAt, shownAt } = target.__benchSignedIn ?? { clickAt: null, shownAt: null };
      if (clickAt === null || shownAt === null) throw new Error('The click or the signed-in page was not seen.');
      const during = (target.__benchLongTasks ?? []).filter((task) => task.start + task.duration > clickAt && task.start < shownAt);
      return { ms: shownAt - clickAt, longestTaskMs: Math.max(0, ...during.map((task) => task.duration)) };
    });
  } finally {
    await close();
  }
}
